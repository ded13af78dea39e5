import fc from "fast-check";
import { CORS_METHODS } from "../../provider/model/methods";
import type { CorsConfiguration, CorsRule } from "../../provider/model/schema";

/**
 * Generators of configurations "normalized or not": methods in any case and
 * order with repeats, unsorted and repeated origins, mixed-case headers, empty
 * optional lists. Typed as `CorsConfiguration` because encoders accept what
 * users write and normalize it themselves.
 */

const METHOD_SPELLINGS = CORS_METHODS.flatMap((m) => [m, m.toLowerCase(), m.slice(0, 1) + m.slice(1).toLowerCase()]);

/** Strings of every kind: printable ASCII, any code unit (lone surrogates, controls), and realistic values. */
export function text(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "*",
        "https://app.example",
        "http://localhost:3000",
        "https://*.example.com",
        " padded ",
        "a&b<c>]]>",
        "&amp;",
        "x-amz-*",
        "ETag",
        "Content-Type",
        "",
      ),
    },
  );
}

/** A value Swift metadata can carry: printable ASCII without spaces. */
function token(): fc.Arbitrary<string> {
  return fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,16}$/), fc.constantFrom("*", "https://app.example", "http://localhost:3000", "ETag"));
}

/** Whole seconds, small to huge (no -0: JSON and XML cannot tell it from 0). */
function maxAge(): fc.Arbitrary<number> {
  return fc
    .oneof(fc.nat(100_000), fc.integer({ min: -1_000_000, max: 2 ** 40 }), fc.constantFrom(0, 86_400, 1e21, Number.MAX_SAFE_INTEGER, 2 ** 70, Number.MAX_VALUE))
    .filter((n) => !Object.is(n, -0));
}

function methods(): fc.Arbitrary<CorsRule["allowedMethods"]> {
  return fc.array(fc.constantFrom(...METHOD_SPELLINGS), { maxLength: 7 }) as fc.Arbitrary<CorsRule["allowedMethods"]>;
}

/** Every five methods, each in some case, in some order, maybe repeated. */
function allMethods(): fc.Arbitrary<CorsRule["allowedMethods"]> {
  const spelled = fc.tuple(...CORS_METHODS.map((m) => fc.constantFrom(m, m.toLowerCase())));
  return fc
    .tuple(spelled, fc.array(fc.constantFrom(...METHOD_SPELLINGS), { maxLength: 2 }))
    .chain(([five, extra]) => fc.shuffledSubarray([...five, ...extra], { minLength: 5 + extra.length })) as fc.Arbitrary<CorsRule["allowedMethods"]>;
}

/** Any rule, with and without ids and allowed headers. */
export function anyRule(): fc.Arbitrary<CorsRule> {
  const list = fc.array(text(), { maxLength: 4 });
  return fc.record(
    { id: text(), allowedOrigins: list, allowedMethods: methods(), allowedHeaders: list, exposeHeaders: list, maxAgeSeconds: maxAge() },
    { requiredKeys: ["allowedOrigins", "allowedMethods"] },
  );
}

/** What GCS can hold: no id, no allowed headers. */
export function gcsRule(): fc.Arbitrary<CorsRule> {
  const list = fc.array(text(), { maxLength: 4 });
  return fc.record(
    { allowedOrigins: list, allowedMethods: methods(), exposeHeaders: list, maxAgeSeconds: maxAge() },
    { requiredKeys: ["allowedOrigins", "allowedMethods"] },
  );
}

/** What Swift can hold: origins, every method, every header, expose headers, max age. */
export function swiftRule(origins: fc.Arbitrary<string[]> = fc.array(token(), { minLength: 1, maxLength: 4 })): fc.Arbitrary<CorsRule> {
  return fc.record(
    {
      allowedOrigins: origins,
      allowedMethods: allMethods(),
      allowedHeaders: fc.constantFrom(["*"]),
      exposeHeaders: fc.array(token(), { maxLength: 3 }),
      maxAgeSeconds: maxAge(),
    },
    { requiredKeys: ["allowedOrigins", "allowedMethods", "allowedHeaders"] },
  );
}

/** Configurations of all three kinds, so every format gets cases it can hold. */
export function anyConfig(): fc.Arbitrary<CorsConfiguration> {
  return fc.oneof(
    fc.record({ rules: fc.array(anyRule(), { maxLength: 4 }) }),
    fc.record({ rules: fc.array(gcsRule(), { maxLength: 3 }) }),
    fc.record({ rules: swiftRule().map((r) => [r]) }),
  );
}

/** Several Swift-shaped rules that share every setting and differ only in their origins. */
export function splitSwiftConfig(): fc.Arbitrary<CorsConfiguration> {
  return fc.tuple(swiftRule(), fc.array(fc.array(token(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })).map(([rule, others]) => ({
    rules: [rule, ...others.map((allowedOrigins) => ({ ...rule, allowedOrigins }))],
  }));
}
