/**
 * The CORS evaluator and linter: what a server answers to a request under a
 * policy, per vendor dialect, and which policies are risky.
 */
export { evaluate } from "./evaluate";
export type { CorsRequest, EvaluableConfig, EvaluableRule, EvaluateOptions, Evaluation } from "./types";
export type { Dialect } from "../profiles/types";
export { lintPolicy } from "./lint/lint";
export type { LintOptions } from "./lint/types";
export { CHROME_MAX_AGE_SECONDS, FIREFOX_MAX_AGE_SECONDS } from "./lint/max-age-caps";
