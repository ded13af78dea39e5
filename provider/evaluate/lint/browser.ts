import { DIALECT_TRAITS } from "../../profiles/traits";
import type { Dialect } from "../../profiles/types";
import { SWIFT_DEFAULT_EXPOSE } from "../swift-container";
import type { EvaluableRule } from "../types";
import { cephMatch, wildcardMatch } from "../wildcard";
import { lintWarning } from "./messages";
import type { RuleIssue } from "./types";

/**
 * Response headers a dialect exposes on every answer, whatever the rule says (Swift: swift/proxy/controllers/base.py
 * `cors_validation`; versitygw: `ensureExposeETag`, s3api/middlewares/apply-default-cors.go at v1.8.0).
 */
const ALWAYS_EXPOSED: Readonly<Record<Dialect, readonly string[]>> = {
  aws: [],
  r2: [],
  ceph: [],
  "ceph-legacy": [],
  s3rver: [],
  swift: SWIFT_DEFAULT_EXPOSE,
  versitygw: ["ETag", "x-amz-storage-class"],
};

/**
 * PUT allowed without `ETag` exposed: browsers let a page read only the response headers a rule
 * exposes (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name; ETag is not
 * safelisted), and a multipart upload needs each part's ETag from its PUT response for
 * CompleteMultipartUpload (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html).
 * `*` in exposeHeaders counts (it exposes everything to requests without credentials).
 */
export function etagNotExposed(rule: EvaluableRule, index: number, dialect: Dialect): RuleIssue[] {
  const at = rule.allowedMethods.findIndex((m) => m.toUpperCase() === "PUT");
  if (at < 0) return [];
  const exposed = [...(rule.exposeHeaders ?? []), ...ALWAYS_EXPOSED[dialect]].map((h) => h.toLowerCase());
  if (exposed.includes("etag") || exposed.includes("*")) return [];
  return [{ rule: index, issue: lintWarning("etag-not-exposed", ["rules", index, "allowedMethods", at], {}) }];
}

/**
 * A rule admitting an origin the user sends credentials from (`expect` entries with
 * `credentials: true`) that can never answer such a request in a way browsers accept: a `*`
 * rule answers `Access-Control-Allow-Origin: *`, which the CORS check refuses with credentials
 * (https://fetch.spec.whatwg.org/#concept-cors-check), and services that never send
 * `Access-Control-Allow-Credentials: true` (Ceph RGW, Swift; docs/cors-semantics.md,
 * "4. Allow-Credentials") fail it for every origin.
 */
export function credentialsNeverServed(rule: EvaluableRule, index: number, origins: readonly string[], dialect: Dialect): RuleIssue[] {
  const traits = DIALECT_TRAITS[dialect];
  const admits = (pattern: string, origin: string): boolean =>
    dialect === "swift" ? pattern === "*" || pattern === origin : traits.cephOriginMatch ? cephMatch([pattern], origin) : wildcardMatch(pattern, origin);
  const issues: RuleIssue[] = [];
  for (const origin of origins) {
    const at = rule.allowedOrigins.findIndex((pattern) => admits(pattern, origin));
    if (at < 0) continue;
    if (!traits.sendsCredentials) {
      issues.push({
        rule: index,
        issue: lintWarning("credentials-never-served", ["rules", index, "allowedOrigins", at], { origin, why: "no-credentials", dialect }),
      });
    } else if (traits.firstOriginEntryDecides ? rule.allowedOrigins[at] === "*" : rule.allowedOrigins.includes("*") && !rule.allowedOrigins.includes(origin)) {
      const star = rule.allowedOrigins.indexOf("*");
      issues.push({
        rule: index,
        issue: lintWarning("credentials-never-served", ["rules", index, "allowedOrigins", star], { origin, why: "wildcard", dialect }),
      });
    }
  }
  return issues;
}
