/**
 * The CORS evaluator and linter: what a server answers to a request under a
 * policy, per vendor dialect, and which policies are risky.
 */
export { evaluate } from "./evaluate";
export { isOkStatus, isPreflightAllowed, preflightHeaders, preflightRequest } from "./preflight";
export {
  REQUEST_RESOURCES,
  type CorsRequest,
  type EvaluableConfig,
  type EvaluableRule,
  type EvaluateOptions,
  type Evaluation,
  type RequestResource,
} from "./types";
export { DIALECTS, type Dialect } from "../profiles/types";
export { lintPolicy } from "./lint/lint";
export type { LintOptions } from "./lint/types";
export { LINT_CODES, type LintCode, type LintIssue } from "./lint/messages";
export { checkLintSuppress } from "./lint/options";
export { CHROME_MAX_AGE_SECONDS, FIREFOX_MAX_AGE_SECONDS } from "./lint/max-age-caps";
