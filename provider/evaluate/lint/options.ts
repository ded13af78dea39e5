import type { Issue, IssuePath } from "../../model/issue";
import { LINT_CODES, type LintCode, type LintOptionCode, lintOptionIssue } from "./messages";

/**
 * Checks the codes of a `lint.suppress` value (`{ ruleId: [code, …] }`) as a
 * program or a file gives it: a code that is not one of {@link LINT_CODES}
 * would silence nothing, so a typo is an error naming the valid codes rather
 * than a suppression silently ignored. The shape itself (an object of string
 * lists) is the schema's to check; anything else here is skipped.
 */
export function checkLintSuppress(suppress: unknown, path: IssuePath = ["lint", "suppress"]): Issue<LintOptionCode>[] {
  if (suppress === null || typeof suppress !== "object" || Array.isArray(suppress)) return [];
  const issues: Issue<LintOptionCode>[] = [];
  for (const [ruleId, codes] of Object.entries(suppress)) {
    if (!Array.isArray(codes)) continue;
    codes.forEach((code: unknown, index) => {
      if (!isLintCode(code)) issues.push(lintOptionIssue("lint-code-unknown", [...path, ruleId, index], { code }));
    });
  }
  return issues;
}

/** True when `value` is one of {@link LINT_CODES}. */
export function isLintCode(value: unknown): value is LintCode {
  return typeof value === "string" && (LINT_CODES as readonly string[]).includes(value);
}
