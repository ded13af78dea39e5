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
}

/** A warning and the rule it is about (for suppression by rule ID). */
export interface RuleIssue {
  readonly rule: number;
  readonly issue: LintIssue;
}
