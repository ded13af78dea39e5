import fc from "fast-check";
import type { EvaluableRule } from "../../provider/evaluate";

// Seeded random policies and page fetches for the browser differential. Rule origins are drawn
// around the two page origins (exact, wildcard, wrong scheme, missing port) so that random
// fetches both pass and fail; values never look like numbers (s3rver re-parses stored XML).

/** One fetch a page makes, before it is given a URL. */
export interface PageFetch {
  /** Which page: `app` or `other`. */
  readonly page: "app" | "other";
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly credentials: boolean;
  readonly readHeaders: string[];
}

/** Response headers the pages read: safelisted, commonly exposed, and ones servers do not send. */
export const READ_HEADERS = ["etag", "last-modified", "content-type", "content-length", "x-amz-request-id", "x-trans-id", "date", "x-custom-header"];

const LONG_TEXT_PLAIN = `text/plain; note=${"a".repeat(120)}`;

/** Request headers a page sets, each with values on both sides of the safelist. */
const REQUEST_HEADERS: Record<string, readonly string[]> = {
  "content-type": ["text/plain", "text/plain;charset=UTF-8", "application/json", "multipart/form-data; boundary=b", LONG_TEXT_PLAIN],
  "x-custom-header": ["one"],
  "x-amz-meta-note": ["n"],
  "accept-language": ["en-US", "en/US"],
  "content-language": ["de"],
};

function ruleOrigins(app: string, other: string): string[] {
  const port = new URL(app).port;
  return ["*", app, other, `http://*.example.test:${port}`, `https://app.example.test:${port}`, "http://app.example.test", `http://app.*:${port}`];
}

function someOf(pool: readonly string[], max: number): fc.Arbitrary<string[]> {
  return fc.shuffledSubarray([...pool], { minLength: 1, maxLength: max });
}

function optional<T>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arb, weight });
}

function ruleArb(app: string, other: string): fc.Arbitrary<EvaluableRule> {
  return fc
    .record({
      allowedOrigins: someOf(ruleOrigins(app, other), 2),
      allowedMethods: someOf(["GET", "PUT", "POST", "DELETE", "HEAD"], 3),
      allowedHeaders: optional(someOf(["*", "content-type", "x-custom-header", "x-amz-*", "accept-language"], 2), 2),
      exposeHeaders: optional(someOf(["ETag", "x-amz-request-id", "Last-Modified", "x-trans-id", "*"], 2)),
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

function fetchArb(): fc.Arbitrary<PageFetch> {
  const names = Object.keys(REQUEST_HEADERS);
  return fc
    .record({
      page: fc.constantFrom<"app" | "other">("app", "app", "other"),
      method: fc.constantFrom("GET", "GET", "HEAD", "PUT", "PUT", "POST", "DELETE"),
      names: fc.subarray(names, { maxLength: 2 }),
      pick: fc.nat(),
      credentials: fc.boolean(),
      readHeaders: fc.subarray(READ_HEADERS, { minLength: 1, maxLength: 4 }),
    })
    .map(({ page, method, names: chosen, pick, credentials, readHeaders }) => {
      const headers: Record<string, string> = {};
      for (const name of chosen) {
        const values = REQUEST_HEADERS[name]!;
        headers[name] = values[pick % values.length]!;
      }
      return { page, method, headers, credentials, readHeaders };
    });
}

/** `count` random policies (1–3 rules, or none about one time in ten), each with `perPolicy` fetches, drawn with `seed`. */
export function drawBrowserCases(
  seed: number,
  count: number,
  perPolicy: number,
  origins: { app: string; other: string },
): { policy: { rules: EvaluableRule[] } | null; fetches: PageFetch[] }[] {
  const policy = fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.record({ rules: fc.array(ruleArb(origins.app, origins.other), { minLength: 1, maxLength: 3 }) }), weight: 9 },
  );
  return fc.sample(fc.record({ policy, fetches: fc.array(fetchArb(), { minLength: perPolicy, maxLength: perPolicy }) }), { seed, numRuns: count });
}
