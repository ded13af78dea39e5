import { show, warning } from "../../model/issue";
import type { EvaluableRule } from "../types";
import type { RuleIssue } from "./types";

const WRITE_METHODS = ["PUT", "POST", "DELETE"] as const;

/** Loopback hosts, where plain HTTP is what local development uses. */
const LOCAL_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * `*` with PUT, POST or DELETE: every site a visitor opens may send writes to
 * the bucket from the visitor's browser, and read the answer; with presigned
 * URLs or a public-write bucket they succeed (docs/cors-semantics.md, "16. Lint warnings"; users file
 * this against themselves: viaiv/netguru#48, LeanerCloud/CUDly PR #519).
 */
export function wildcardWrites(rule: EvaluableRule, index: number): RuleIssue[] {
  const writes = WRITE_METHODS.filter((m) => rule.allowedMethods.some((x) => x.toUpperCase() === m));
  const at = rule.allowedOrigins.indexOf("*");
  if (writes.length === 0 || at < 0) return [];
  const text = `"*" lets every site send ${writes.join(", ")}; any page a visitor opens can write to the bucket from the visitor's browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD`;
  return [{ rule: index, issue: warning("wildcard-origin-write", `rules[${index}].allowedOrigins[${at}]`, text) }];
}

/**
 * `http://` origins other than loopback: a network attacker can inject script
 * into a plain-HTTP page and use the grant as that origin
 * (https://w3c.github.io/webappsec-secure-contexts/#threat-models).
 */
export function insecureOrigins(rule: EvaluableRule, index: number): RuleIssue[] {
  return rule.allowedOrigins.flatMap((origin, at) => {
    if (!origin.toLowerCase().startsWith("http://") || LOCAL_HTTP.test(origin.toLowerCase())) return [];
    const text = `${show(origin)} is a plain-HTTP origin; anyone on the network path can inject script into an http:// page and use this grant — use ${show(`https://${origin.slice("http://".length)}`)}`;
    return [{ rule: index, issue: warning("insecure-origin", `rules[${index}].allowedOrigins[${at}]`, text) }];
  });
}
