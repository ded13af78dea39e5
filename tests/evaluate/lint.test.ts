import fc from "fast-check";
import { evaluate, lintPolicy, type EvaluableConfig, type EvaluableRule } from "../../provider/evaluate";
import { checkLintSuppress } from "../../provider/evaluate/lint/options";
import type { LintCode } from "../../provider/evaluate/lint/messages";
import { formatPath } from "../../provider/model/issue";
import { getProfile, type Profile } from "../../provider/profiles";
import { policyArb, requestArb } from "./generators";

const APP = "https://app.example.com";
const get = (origins: string[], extra: Partial<EvaluableRule> = {}): EvaluableRule => ({ allowedOrigins: origins, allowedMethods: ["GET"], ...extra });

/** `[code, message]` of every warning, for exact comparison. */
function lint(config: EvaluableConfig | null, options?: Parameters<typeof lintPolicy>[1]): [string, string][] {
  return lintPolicy(config, options).map((i) => [i.code, i.message]);
}

describe("lintPolicy: one warning kind at a time, exact messages", () => {
  test.each<[string, EvaluableRule[], [string, string][]]>([
    [
      "* with write methods",
      [{ allowedOrigins: [APP, "*"], allowedMethods: ["GET", "PUT", "DELETE"] }],
      [
        [
          "wildcard-origin-write",
          'rules[0].allowedOrigins[1]: "*" lets every site send PUT, DELETE; any page a visitor opens can write to the bucket from the visitor\'s browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD',
        ],
      ],
    ],
    [
      "plain-HTTP origins other than loopback (localhost, 127.0.0.1 and [::1] are fine)",
      [get(["http://app.example.com", "http://localhost:3000", "http://127.0.0.1", "http://[::1]:8080", "HTTP://*.example.com"])],
      [
        [
          "insecure-origin",
          'rules[0].allowedOrigins[0]: "http://app.example.com" is a plain-HTTP origin; anyone on the network path can inject script into an http:// page and use this grant — use "https://app.example.com"',
        ],
        [
          "insecure-origin",
          'rules[0].allowedOrigins[4]: "HTTP://*.example.com" is a plain-HTTP origin; anyone on the network path can inject script into an http:// page and use this grant — use "https://*.example.com"',
        ],
      ],
    ],
    [
      "a rule shadowed by an earlier one",
      [get(["https://*.example.com"], { allowedHeaders: ["x-*"] }), get([APP], { allowedHeaders: ["x-amz-*"], maxAgeSeconds: 60 })],
      [
        [
          "shadowed-rule",
          "rules[1]: this rule is never reached; every request it matches is taken first by rules[0] (the first rule matching origin, method and headers wins) — remove it, or move it above rules[0] if its settings should win",
        ],
      ],
    ],
    [
      "a rule shadowed by two earlier ones together",
      [
        get([APP]),
        { allowedOrigins: ["*"], allowedMethods: ["PUT"] },
        { id: "late", allowedOrigins: [APP, "https://cdn.example.org"], allowedMethods: ["PUT"] },
      ],
      [
        [
          "wildcard-origin-write",
          'rules[1].allowedOrigins[0]: "*" lets every site send PUT; any page a visitor opens can write to the bucket from the visitor\'s browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD',
        ],
        [
          "shadowed-rule",
          'rules[2]: rule "late" is never reached; every request it matches is taken first by rules[1] (the first rule matching origin, method and headers wins) — remove it, or move it above rules[1] if its settings should win',
        ],
      ],
    ],
    [
      "a duplicate rule (same after normalization, IDs ignored), reported once",
      [
        get([APP, "https://b.example"], { id: "a", allowedHeaders: ["X-A"] }),
        { id: "b", allowedOrigins: ["https://b.example", APP], allowedMethods: ["get", "GET"], allowedHeaders: ["x-a"] },
      ],
      [["duplicate-rule", 'rules[1]: rule "b" repeats rules[0]; the same origins, methods, headers, expose headers and max-age apply once — remove it']],
    ],
    [
      "* headers on a rule for specific (credentialed) origins",
      [get([APP], { allowedHeaders: ["content-type", "*"] })],
      [
        [
          "wildcard-headers-credentialed",
          'rules[0].allowedHeaders[1]: "*" allows every request header on a rule for specific origins; S3 answers those origins with Access-Control-Allow-Credentials: true, so their pages may send any header with the user\'s credentials — list the headers the app sends, e.g. "content-type", "x-amz-*"',
        ],
      ],
    ],
    [
      "max-age above Chrome's cap",
      [get([APP], { maxAgeSeconds: 86400 })],
      [
        [
          "max-age-above-browser-cap",
          "rules[0].maxAgeSeconds: 86400 is more than Chrome honours; Chrome caches a preflight for at most 7200 s (2 h) and Firefox for at most 86400 s (24 h) — use 7200",
        ],
      ],
    ],
    [
      "max-age above every browser's cap",
      [get([APP], { maxAgeSeconds: 100000 })],
      [
        [
          "max-age-above-browser-cap",
          "rules[0].maxAgeSeconds: 100000 is more than any browser honours; Chrome caches a preflight for at most 7200 s (2 h) and Firefox for at most 86400 s (24 h) — use 7200",
        ],
      ],
    ],
  ])("warns about %s", (_name, rules, expected) => {
    expect(lint({ rules })).toEqual(expected);
  });

  test("warnings have severity warning, a stable code and the property path", () => {
    expect(lintPolicy({ rules: [get([APP], { maxAgeSeconds: 9000 })] })).toEqual([
      {
        code: "max-age-above-browser-cap",
        path: ["rules", 0, "maxAgeSeconds"],
        severity: "warning",
        params: { age: 9000 },
        message:
          "rules[0].maxAgeSeconds: 9000 is more than Chrome honours; Chrome caches a preflight for at most 7200 s (2 h) and Firefox for at most 86400 s (24 h) — use 7200",
      },
    ]);
  });
});

describe("lintPolicy: what it does not warn about", () => {
  test.each<[string, EvaluableConfig | null]>([
    ["no configuration", null],
    ["* with read methods only", { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"], allowedHeaders: ["*"] }] }],
    ["HTTPS origins, listed headers, max-age 7200", { rules: [get([APP], { allowedHeaders: ["content-type"], maxAgeSeconds: 7200 })] }],
    [
      "a later rule allowing a header the earlier one does not",
      { rules: [get([APP], { allowedHeaders: ["content-type"] }), get([APP], { allowedHeaders: ["content-type", "x-a"] })] },
    ],
    ["a later rule with a method the earlier one lacks", { rules: [get([APP]), { allowedOrigins: [APP], allowedMethods: ["GET", "PUT"] }] }],
    ["a later rule with a wider origin pattern", { rules: [get([APP]), get(["https://*.example.com"])] }],
    ["a later exact origin not covered by an earlier pattern", { rules: [get(["https://*.example.com"]), get(["https://example.com"])] }],
    [
      "values a validator refuses (never throws)",
      {
        rules: [
          { allowedOrigins: ["", "a**b"], allowedMethods: [] },
          { allowedOrigins: [], allowedMethods: ["PATCH"] },
        ],
      },
    ],
  ])("%s", (_name, config) => {
    expect(lint(config)).toEqual([]);
  });
});

describe("lintPolicy: profile", () => {
  const rules: EvaluableRule[] = [get(["*"]), { allowedOrigins: [APP], allowedMethods: ["PUT"] }];

  test("aws: a rule for another method is reachable", () => {
    expect(lint({ rules })).toEqual([]);
  });

  // RGW before ceph/ceph#69190 (a ceph target with an older `version`).
  const cephLegacy: Profile = { ...getProfile("ceph"), dialect: { value: "ceph-legacy", source: "test" } };

  test("ceph-legacy: the * rule takes every origin first, whatever the method", () => {
    expect(lint({ rules }, { profile: cephLegacy })).toEqual([
      [
        "shadowed-rule",
        "rules[1]: this rule is never reached; every request it matches is taken first by rules[0] (Ceph RGW before ceph/ceph#69190 picks the first rule whose origin matches and never looks further) — remove it, or move it above rules[0] if its settings should win",
      ],
    ]);
  });

  test("ceph (ceph/ceph#69190): a rule for another method is reachable, as on AWS", () => {
    expect(lint({ rules }, { profile: "ceph" })).toEqual([]);
  });

  test("s3rver: origin and method decide, headers do not", () => {
    const headerRules = { rules: [get([APP], { allowedHeaders: ["content-type"] }), get([APP], { allowedHeaders: ["*"] })] };
    expect(lint(headerRules)).toEqual([
      [
        "wildcard-headers-credentialed",
        'rules[1].allowedHeaders[0]: "*" allows every request header on a rule for specific origins; S3 answers those origins with Access-Control-Allow-Credentials: true, so their pages may send any header with the user\'s credentials — list the headers the app sends, e.g. "content-type", "x-amz-*"',
      ],
    ]);
    expect(lint(headerRules, { profile: "minio" }).map(([code]) => code)).toEqual(["wildcard-headers-credentialed"]);
    expect(lint(headerRules, { profile: cephLegacy }).map(([code]) => code)).toEqual(["shadowed-rule"]);
  });

  test("swift: rules merge into one, so none is shadowed, and there are no per-rule headers to narrow", () => {
    expect(lint({ rules: [...rules, get([APP], { allowedHeaders: ["*"] })] }, { profile: "swift" })).toEqual([]);
  });

  test("fails on an unknown profile name, naming the allowed ones", () => {
    expect(() => lintPolicy({ rules }, { profile: "nope" as "aws" })).toThrow(/^profile: "nope" is not a known profile; allowed are aws, r2/);
  });
});

describe("lintPolicy: suppression per rule ID", () => {
  const config: EvaluableConfig = {
    rules: [
      { id: "uploads", allowedOrigins: ["*"], allowedMethods: ["PUT"], maxAgeSeconds: 86400 },
      { allowedOrigins: ["*"], allowedMethods: ["POST"] },
    ],
  };

  test("silences the named codes of the named rule only", () => {
    expect(lintPolicy(config, { suppress: { uploads: ["wildcard-origin-write"] } }).map((i) => `${i.code} ${formatPath(i.path)}`)).toEqual([
      "max-age-above-browser-cap rules[0].maxAgeSeconds",
      "wildcard-origin-write rules[1].allowedOrigins[0]",
    ]);
  });

  test("an unknown ID silences nothing, nor does an unknown code an untyped caller passes", () => {
    expect(lint(config, { suppress: { other: ["wildcard-origin-write"], uploads: ["nope" as LintCode] } })).toHaveLength(3);
  });
});

describe("lintPolicy: a shadowed rule is really never used", () => {
  test.each(["aws", "ceph", "ceph-legacy", "s3rver"] as const)("%s: no random request is ever answered by a rule lint calls shadowed", (dialect) => {
    // No vendor profile uses the s3rver or ceph-legacy dialect by default: build one.
    const profile: Profile =
      dialect === "s3rver" || dialect === "ceph-legacy" ? { ...getProfile("aws"), dialect: { value: dialect, source: "test" } } : getProfile(dialect);
    let shadowed = 0;
    fc.assert(
      fc.property(policyArb(), fc.array(requestArb(), { minLength: 30, maxLength: 30 }), (policy, requests) => {
        if (policy === null) return;
        const never = lintPolicy(policy, { profile })
          .filter((i) => i.code === "shadowed-rule" || i.code === "duplicate-rule")
          .map((i) => Number(i.path[1]));
        shadowed += never.length;
        for (const request of requests) {
          const { matchedRule } = evaluate(policy, request, { dialect });
          expect(matchedRule === undefined || !never.includes(matchedRule)).toBe(true);
        }
      }),
      { seed: 11, numRuns: 400 },
    );
    expect(shadowed).toBeGreaterThan(20);
  });
});

describe("checkLintSuppress: a suppression names real lint codes", () => {
  test("fails when a code is not a lint warning code, naming every valid one", () => {
    expect(checkLintSuppress({ uploads: ["wildcard-origin-write", "wildcard-origin-writes"], "*": [42] }).map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        "lint-code-unknown",
        "error",
        'lint.suppress.uploads[1]: "wildcard-origin-writes" is not a lint warning code; the codes are wildcard-origin-write, insecure-origin, wildcard-headers-credentialed, max-age-above-browser-cap, duplicate-rule, shadowed-rule, etag-not-exposed, credentials-never-served, s3-write-replaces-native-rules — use one of them, or remove it',
      ],
      [
        "lint-code-unknown",
        "error",
        "lint.suppress.*[0]: 42 is not a lint warning code; the codes are wildcard-origin-write, insecure-origin, wildcard-headers-credentialed, max-age-above-browser-cap, duplicate-rule, shadowed-rule, etag-not-exposed, credentials-never-served, s3-write-replaces-native-rules — use one of them, or remove it",
      ],
    ]);
  });

  test("gives the path as data, under the caller's prefix", () => {
    expect(checkLintSuppress({ uploads: ["nope"] }, ["lint"]).map((i) => i.path)).toEqual([["lint", "uploads", 0]]);
  });

  test("accepts every lint code, and leaves shapes that are not lists to the schema", () => {
    expect(
      checkLintSuppress({
        uploads: ["wildcard-origin-write", "insecure-origin", "wildcard-headers-credentialed", "max-age-above-browser-cap", "duplicate-rule", "shadowed-rule"],
        other: "insecure-origin",
      }),
    ).toEqual([]);
    expect(checkLintSuppress(undefined)).toEqual([]);
    expect(checkLintSuppress(["insecure-origin"])).toEqual([]);
  });
});

describe("lintPolicy: a PutBucketCors on Backblaze B2 replaces the bucket's native b2_* rules", () => {
  const RULES: EvaluableRule[] = [get([APP], { id: "app-get" }), get(["https://cdn.example.com"], { id: "cdn-get" })];
  const WARNING: [string, string] = [
    "s3-write-replaces-native-rules",
    `rules: this policy is written with PutBucketCors, which replaces the bucket's whole CORS list; Backblaze B2 keeps its native API's rules (b2_* operations, set with b2_update_bucket, the b2 CLI or the web console) in that list, so they are removed with it (Backblaze's S3 Put Bucket CORS: "If the configuration exists, it is replaced") — keep all of the bucket's CORS rules in this policy (bucket-cors convert --from b2-json reads native rules), or suppress this warning if the bucket has no native rules`,
  ];

  test("warns once for the whole policy, before any rule's warning, on the b2 profile", () => {
    const rules = [...RULES, get(["http://app.example.com"])];
    expect(lint({ rules }, { profile: "b2" }).map(([code]) => code)).toEqual(["s3-write-replaces-native-rules", "insecure-origin"]);
    expect(lint({ rules: RULES }, { profile: "b2" })).toEqual([WARNING]);
  });

  test("any rule's suppress list silences it; a list naming another code does not", () => {
    expect(lint({ rules: RULES }, { profile: "b2", suppress: { "cdn-get": ["s3-write-replaces-native-rules"] } })).toEqual([]);
    expect(lint({ rules: RULES }, { profile: "b2", suppress: { "app-get": ["insecure-origin"] } })).toEqual([WARNING]);
  });

  test.each<[string, EvaluableConfig, Parameters<typeof lintPolicy>[1]]>([
    ["on a profile without native rules (aws)", { rules: RULES }, { profile: "aws" }],
    ["with no profile", { rules: RULES }, {}],
    ["for an empty policy, which writes nothing", { rules: [] }, { profile: "b2" }],
  ])("stays silent %s", (_, config, options) => {
    expect(lint(config, options)).toEqual([]);
  });
});
