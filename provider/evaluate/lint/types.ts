import type { Profile, ProfileName } from "../../profiles/types";
import type { LintCode, LintIssue } from "./messages";

/** Options of `lintPolicy`. */
export interface LintOptions {
  /**
   * The service the policy is for: decides how rules shadow each other (its
   * evaluator dialect) and skips advice the service cannot act on (Swift has
   * no per-rule headers).
   * @default - AWS semantics
   */
  readonly profile?: ProfileName | Profile | undefined;
  /**
   * Warning codes to silence per rule ID: `{ "public-read": ["wildcard-origin-write"] }`.
   * Check untyped input with `checkLintSuppress` first: an unknown code is an error there.
   */
  readonly suppress?: Readonly<Record<string, readonly LintCode[]>> | undefined;
  /**
   * Origins pages send credentialed requests from (the `origin` of `expect` entries with
   * `credentials: true`): rules that admit them but can never answer them in a way browsers accept are warned about.
   * @default - none
   */
  readonly credentialedOrigins?: readonly string[] | undefined;
  /**
   * Whether pages upload in parts (S3 multipart uploads from the browser): a rule allowing PUT
   * without exposing `ETag` is then warned about, since each part's ETag must be read.
   * @default false (most existing policies allow PUT for single-request uploads, which need no ETag)
   */
  readonly multipartUploads?: boolean | undefined;
}

/** A warning and the rule it is about (for suppression by rule ID). */
export interface RuleIssue {
  readonly rule: number;
  readonly issue: LintIssue;
}
