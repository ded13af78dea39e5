import fc from "fast-check";
import type { CorsRequest, EvaluableRule } from "../../provider/evaluate";

// Seeded random policies and requests for the differential tests. Values are drawn from small
// pools so that random requests both hit and miss random rules. No pool value looks like a
// number: s3rver re-parses stored XML with number parsing and breaks on numeric strings.

export const RULE_ORIGINS = [
  "*",
  "https://app.example.com",
  "https://*.example.com",
  "http://localhost:3000",
  "https://cdn.example.org",
  "https://*",
  "*.example.org",
  "https://app.*",
];
export const REQUEST_ORIGINS = [
  "https://app.example.com",
  "https://x.example.com",
  "https://example.com",
  "http://localhost:3000",
  "https://cdn.example.org",
  "https://evil.test",
  "https://App.example.com",
  "http://app.example.com",
];
export const METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD"];
export const ALLOWED_HEADERS = ["*", "x-amz-*", "content-type", "X-Custom-Header", "authorization", "*-token"];
export const REQUEST_HEADERS = ["content-type", "X-Amz-Date", "x-amz-acl", "x-custom-header", "Authorization", "x-other", "X-Session-Token"];
export const EXPOSE_HEADERS = ["ETag", "x-amz-request-id", "Content-Length", "X-Custom-Header"];

/** A non-empty subset of `pool`, in random order. */
function someOf(pool: readonly string[], max: number): fc.Arbitrary<string[]> {
  return fc.shuffledSubarray([...pool], { minLength: 1, maxLength: max });
}

function optional<T>(arb: fc.Arbitrary<T>, freq = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arb, weight: freq });
}

export function ruleArb(): fc.Arbitrary<EvaluableRule> {
  return fc
    .record({
      allowedOrigins: someOf(RULE_ORIGINS, 3),
      allowedMethods: someOf(METHODS, 4),
      allowedHeaders: optional(someOf(ALLOWED_HEADERS, 3), 2),
      exposeHeaders: optional(someOf(EXPOSE_HEADERS, 3)),
      maxAgeSeconds: optional(fc.integer({ min: 0, max: 100000 })),
    })
    .map((r) => {
      const rule: { -readonly [K in keyof EvaluableRule]: EvaluableRule[K] } = { allowedOrigins: r.allowedOrigins, allowedMethods: r.allowedMethods };
      if (r.allowedHeaders !== undefined) rule.allowedHeaders = r.allowedHeaders;
      if (r.exposeHeaders !== undefined) rule.exposeHeaders = r.exposeHeaders;
      if (r.maxAgeSeconds !== undefined) rule.maxAgeSeconds = r.maxAgeSeconds;
      return rule;
    });
}

/** A policy a server accepts (1–4 rules), or `null` (about one in eight) for "no configuration". */
export function policyArb(): fc.Arbitrary<{ rules: EvaluableRule[] } | null> {
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.record({ rules: fc.array(ruleArb(), { minLength: 1, maxLength: 4 }) }), weight: 7 },
  );
}

/** `Access-Control-Request-Headers` as browsers and scripts write it (`, `, `,`), sometimes with an empty item (`,,`), any case. */
function headerListArb(): fc.Arbitrary<string> {
  return fc.tuple(someOf(REQUEST_HEADERS, 3), fc.constantFrom(", ", ", ", ",", " ,", ",,")).map(([names, sep]) => names.join(sep));
}

/**
 * OPTIONS (most), GET and PUT, to the object or (for OPTIONS and GET) the bucket root, with
 * Origin mostly present, Access-Control-Request-Method on most preflights (sometimes lower-case
 * or PATCH) and on some actual requests, and Access-Control-Request-Headers often.
 */
export function requestArb(): fc.Arbitrary<CorsRequest> {
  return fc
    .record({
      method: fc.constantFrom("OPTIONS", "OPTIONS", "OPTIONS", "GET", "GET", "PUT"),
      resource: fc.constantFrom<"object" | "bucket">("object", "object", "object", "bucket"),
      origin: optional(fc.constantFrom(...REQUEST_ORIGINS), 15),
      acrm: fc.constantFrom(...METHODS, ...METHODS, "put", "PATCH"),
      sendAcrm: fc.integer({ min: 0, max: 19 }),
      acrh: optional(headerListArb(), 3),
    })
    .map((d) => {
      const preflight = d.method === "OPTIONS";
      const headers: Record<string, string> = {};
      if (d.origin !== undefined) headers["Origin"] = d.origin;
      if (preflight ? d.sendAcrm > 0 : d.sendAcrm < 3) headers["Access-Control-Request-Method"] = d.acrm;
      if (d.acrh !== undefined) headers["Access-Control-Request-Headers"] = d.acrh;
      const resource = d.method === "PUT" ? "object" : d.resource;
      return { method: d.method, headers, resource };
    });
}

/** `count` (policy, requests) groups drawn with `seed`: `perPolicy` requests each. */
export function drawCases(seed: number, count: number, perPolicy: number): { policy: { rules: EvaluableRule[] } | null; requests: CorsRequest[] }[] {
  return fc.sample(fc.record({ policy: policyArb(), requests: fc.array(requestArb(), { minLength: perPolicy, maxLength: perPolicy }) }), {
    seed,
    numRuns: count,
  });
}
