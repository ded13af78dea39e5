import { CORS_METHODS, type CorsMethod, isCorsMethod } from "./methods";
import type { CorsConfiguration, CorsConfigurationInput, CorsRule, CorsRuleInput } from "./schema";

/**
 * Puts a configuration in canonical form so that two policies a server treats
 * the same compare equal (docs/architecture.md, "Canonical model and normalization"):
 * - methods upper-cased, de-duplicated, in {@link CORS_METHODS} order;
 * - origins de-duplicated and sorted (a rule matches any of them, so order has
 *   no meaning; Ceph RGW sorts them on read, docs/test-servers.md,
 *   "Ceph RGW: behaviour observed");
 * - allowed and expose headers lower-cased, de-duplicated and sorted (servers and
 *   browsers compare header names case-insensitively, RFC 9110 §5.1);
 * - empty optional lists dropped; rule order kept (first match wins).
 * Values that are not valid (e.g. "PATCH") are kept upper-cased so validation can
 * still report them; callers validate before relying on the result.
 */
export function normalize(config: CorsConfigurationInput): CorsConfiguration {
  return { rules: config.rules.map(normalizeRule) };
}

/** Normalizes one rule; see {@link normalize}. */
export function normalizeRule(rule: CorsRuleInput): CorsRule {
  const out: CorsRule = {
    allowedOrigins: sortedUnique(rule.allowedOrigins),
    allowedMethods: canonicalMethods(rule.allowedMethods),
  };
  if (rule.id !== undefined) out.id = rule.id;
  const allowedHeaders = sortedUnique((rule.allowedHeaders ?? []).map(lower));
  if (allowedHeaders.length > 0) out.allowedHeaders = allowedHeaders;
  const exposeHeaders = sortedUnique((rule.exposeHeaders ?? []).map(lower));
  if (exposeHeaders.length > 0) out.exposeHeaders = exposeHeaders;
  // -0 and 0 are the same on the wire (JSON and XML cannot tell them apart).
  if (rule.maxAgeSeconds !== undefined) out.maxAgeSeconds = rule.maxAgeSeconds === 0 ? 0 : rule.maxAgeSeconds;
  return out;
}

function canonicalMethods(methods: readonly string[]): CorsMethod[] {
  const upper = new Set(methods.map((m) => m.toUpperCase()));
  const known = CORS_METHODS.filter((m) => upper.has(m));
  // Unknown methods are kept (sorted, after the known ones) for validation to report.
  const unknown = [...upper].filter((m) => !isCorsMethod(m)).sort();
  return [...known, ...(unknown as CorsMethod[])];
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(byteOrder);
}

function lower(value: string): string {
  return value.toLowerCase();
}

/** Byte-wise order, independent of locale (RGW sorts the same way). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
