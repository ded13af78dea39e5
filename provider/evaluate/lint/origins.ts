import type { EvaluableRule } from "../types";
import { lintWarning } from "./messages";
import type { RuleIssue } from "./types";

const WRITE_METHODS = ["PUT", "POST", "DELETE"] as const;

/** Loopback hosts, where plain HTTP is what local development uses. */
const LOCAL_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * `*` with PUT, POST or DELETE: every site a visitor opens may send writes to
 * the bucket from the visitor's browser, and read the answer; with presigned
 * URLs or a public-write bucket they succeed (docs/cors-semantics.md, "17. Lint warnings"; users file
 * this against themselves: viaiv/netguru#48, LeanerCloud/CUDly PR #519).
 */
export function wildcardWrites(rule: EvaluableRule, index: number): RuleIssue[] {
  const writes = WRITE_METHODS.filter((m) => rule.allowedMethods.some((x) => x.toUpperCase() === m));
  const at = rule.allowedOrigins.indexOf("*");
  if (writes.length === 0 || at < 0) return [];
  return [{ rule: index, issue: lintWarning("wildcard-origin-write", ["rules", index, "allowedOrigins", at], { writes }) }];
}

/**
 * `http://` origins other than loopback: a network attacker can inject script
 * into a plain-HTTP page and use the grant as that origin
 * (https://w3c.github.io/webappsec-secure-contexts/#threat-models).
 */
export function insecureOrigins(rule: EvaluableRule, index: number): RuleIssue[] {
  return rule.allowedOrigins.flatMap((origin, at) => {
    if (!origin.toLowerCase().startsWith("http://") || LOCAL_HTTP.test(origin.toLowerCase())) return [];
    return [
      {
        rule: index,
        issue: lintWarning("insecure-origin", ["rules", index, "allowedOrigins", at], { origin, suggestion: `https://${origin.slice("http://".length)}` }),
      },
    ];
  });
}
