/**
 * The CORS evaluator and linter: what a server answers to a request under a
 * policy, per vendor dialect, and which policies are risky.
 */
export { evaluate } from "./evaluate";
export type { CorsRequest, EvaluableConfig, EvaluableRule, EvaluateOptions, Evaluation } from "./types";
