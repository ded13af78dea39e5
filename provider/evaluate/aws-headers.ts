import { AWS_VARY } from "./aws-errors";
import type { EvaluableRule } from "./types";

/**
 * The CORS headers AWS sends when `rule` matched, on preflight and actual
 * responses alike (docs/cors-semantics.md, sections 3–8; AWS snapshots):
 * - a rule listing `*` answers a literal `*` and no credentials header
 *   (LocalStack and cloudserver do so whenever `*` is among the origins; no
 *   recording shows a mixed rule);
 * - any other rule echoes the Origin and adds `Access-Control-Allow-Credentials: true`;
 * - Allow-Methods is the rule's whole list in rule order, joined `", "`;
 * - Allow-Headers echoes the requested names lower-cased, in request order,
 *   only when some were requested;
 * - Expose-Headers (config order, case kept) and Max-Age on both kinds of response;
 * - `Vary` always.
 */
export function awsHeaders(rule: EvaluableRule, origin: string, requested: readonly string[]): Record<string, string> {
  const wildcard = rule.allowedOrigins.includes("*");
  const headers: Record<string, string> = { "access-control-allow-origin": wildcard ? "*" : origin };
  if (!wildcard) headers["access-control-allow-credentials"] = "true";
  headers["access-control-allow-methods"] = rule.allowedMethods.map((m) => m.toUpperCase()).join(", ");
  if (requested.length > 0) headers["access-control-allow-headers"] = requested.map((h) => h.toLowerCase()).join(", ");
  const expose = rule.exposeHeaders ?? [];
  if (expose.length > 0) headers["access-control-expose-headers"] = expose.join(", ");
  if (rule.maxAgeSeconds !== undefined) headers["access-control-max-age"] = String(rule.maxAgeSeconds);
  headers["vary"] = AWS_VARY;
  return headers;
}
