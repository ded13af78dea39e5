import type { EvaluableRule } from "../types";
import { lintWarning } from "./messages";
import type { RuleIssue } from "./types";

/**
 * `allowedHeaders: ["*"]` on a rule for specific origins: AWS answers those
 * origins with `Access-Control-Allow-Credentials: true` (docs/cors-semantics.md, "4. Allow-Credentials"),
 * so their pages may send any header along with the user's credentials;
 * listing the headers the app really sends keeps the grant as narrow as the app.
 */
export function wildcardHeadersWithCredentials(rule: EvaluableRule, index: number): RuleIssue[] {
  const at = (rule.allowedHeaders ?? []).indexOf("*");
  if (at < 0 || rule.allowedOrigins.includes("*") || rule.allowedOrigins.length === 0) return [];
  return [{ rule: index, issue: lintWarning("wildcard-headers-credentialed", ["rules", index, "allowedHeaders", at], {}) }];
}
