import type { EvaluableRule } from "./types";
import { cephMatch } from "./wildcard";

/** RGW keeps MaxAgeSeconds in a uint32 and drops what does not fit (-1, 99999999999 were accepted and not served, docs/cors-semantics.md, "13. Ceph RGW"). */
const CEPH_MAX_AGE_INVALID = 0xffffffff;

/** RGW's `RGWCORSRule::is_header_allowed`: both sides lower-cased, then {@link cephMatch}. */
export function cephHeaderAllowed(rule: EvaluableRule, header: string): boolean {
  return cephMatch(
    (rule.allowedHeaders ?? []).map((h) => h.toLowerCase()),
    header.toLowerCase(),
  );
}

/**
 * RGW 16's `dump_access_control` (src/rgw/rgw_rest.cc): nothing at all when
 * the origin to send is empty; `Vary: Origin` only when it is not `*`;
 * Allow-Methods is the one method asked for; allowed requested headers and
 * expose headers are joined with `,` and no space; Max-Age only when it fits
 * RGW's uint32 (all of this observed on 16.2.15: docs/cors-semantics.md, "13. Ceph RGW").
 */
export function cephHeaders(rule: EvaluableRule, allowOrigin: string, method: string, allowedHeaders: readonly string[]): Record<string, string> {
  if (allowOrigin === "") return {};
  const headers: Record<string, string> = { "access-control-allow-origin": allowOrigin };
  if (allowOrigin !== "*") headers["vary"] = "Origin";
  if (method !== "") headers["access-control-allow-methods"] = method;
  if (allowedHeaders.length > 0) headers["access-control-allow-headers"] = allowedHeaders.join(",");
  const expose = rule.exposeHeaders ?? [];
  if (expose.length > 0) headers["access-control-expose-headers"] = expose.join(",");
  const maxAge = rule.maxAgeSeconds;
  if (maxAge !== undefined && Number.isInteger(maxAge) && maxAge >= 0 && maxAge < CEPH_MAX_AGE_INVALID) {
    headers["access-control-max-age"] = String(maxAge);
  }
  return headers;
}
