import { checkInputs } from "../../provider/lifecycle/check";
import { check, diff } from "../../provider/lifecycle";
import type { PolicyOutputs } from "../../provider/lifecycle/types";
import { UNKNOWN } from "../../provider/lifecycle/unknown";

/** The CorsPolicy schema through checkInputs, without the host (check.test.ts runs check in the real host). */
const aws = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const good = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["get", "PUT"] }];
const normalized = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }];
const ENTRY_SHAPE =
  "an expectation is { origin: string, method: string, headers?: string[], allowed: boolean, exposes?: string[], credentials?: boolean, reads?: string[] } — fix the entry";

describe("checkInputs", () => {
  test("returns the normalized inputs: defaults filled, R2's default jurisdiction dropped, swift options made whole", () => {
    const { inputs, failures } = checkInputs({
      target: { profile: "r2", accountId: "0123456789abcdef0123456789abcdef", bucket: "b", jurisdiction: "default" },
      rules: good,
      swift: {},
      propagationTimeoutSeconds: 60,
      __provider: "serialized",
    });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      target: { profile: "r2", accountId: "0123456789abcdef0123456789abcdef", bucket: "b" },
      rules: normalized,
      onExisting: "fail",
      verify: "read",
      swift: { allowWidening: false },
      propagationTimeoutSeconds: 60,
    });
  });

  // Issue 19, item 8: an endpoint without a scheme passed preview and failed at up with the AWS SDK's rewritten value.
  test("fails when target.endpoint has no scheme, giving the URL to write", () => {
    const { inputs, failures } = checkInputs({ target: { profile: "ceph", bucket: "media", endpoint: "localhost:17480" }, rules: good });
    expect([inputs, failures]).toEqual([
      undefined,
      [{ property: "target.endpoint", reason: '"localhost:17480" has no scheme — write "http://localhost:17480"' }],
    ]);
  });

  test("fails with every failure at once, in the order of the fields, even when the target failed", () => {
    const { inputs, failures } = checkInputs({
      target: { profile: "r2", bucket: "b" },
      rules: [{ ...good[0], maxAgeSeconds: 90000 }],
      verify: "always",
      onExisting: "merge",
      propagationTimeoutSeconds: -1,
      swift: { allowWidening: 1 },
    });
    expect(inputs).toBeUndefined();
    expect(failures).toEqual([
      {
        property: "target.accountId",
        reason: 'is missing; an R2 target needs the Cloudflare account id (or an endpoint) — set accountId, e.g. targets.r2({ accountId: "…", bucket: "b" })',
      },
      { property: "swift", reason: '{"allowWidening":1} is not valid; it takes { allowWidening?: boolean } — e.g. swift: { allowWidening: true }' },
      {
        property: "rules[0].maxAgeSeconds",
        reason: "90000 is more than 86400, the most Cloudflare R2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)",
      },
      {
        property: "verify",
        reason:
          '"always" is not an option; allowed are "none", "read", "preflight" — use "preflight" to send real preflights for every expect entry after apply',
      },
      {
        property: "onExisting",
        reason:
          '"merge" is not an option; allowed are "fail", "adopt", "overwrite" — use "adopt" to take over a matching configuration, "overwrite" to replace it',
      },
      { property: "propagationTimeoutSeconds", reason: "-1 is not a number of seconds between 0 and 3600 — use e.g. 60, or omit it for the vendor's default" },
    ]);
  });

  // Issue 10, item 5: a typo'd suppression was silently ignored.
  test("fails when lint.suppress names no lint code, at its path, and keeps lint out of the inputs", () => {
    expect(checkInputs({ target: aws, rules: good, lint: { suppress: { uploads: ["insecure-origin", "wildcard-origin-writes"] } } }).failures).toEqual([
      {
        property: "lint.suppress.uploads[1]",
        reason:
          '"wildcard-origin-writes" is not a lint warning code; the codes are wildcard-origin-write, insecure-origin, wildcard-headers-credentialed, max-age-above-browser-cap, duplicate-rule, shadowed-rule, etag-not-exposed, credentials-never-served, s3-write-replaces-native-rules — use one of them, or remove it',
      },
    ]);
    expect(checkInputs({ target: aws, rules: good, lint: { suppress: { uploads: ["insecure-origin"] } } })).toEqual({
      inputs: { target: aws, rules: normalized, onExisting: "fail", verify: "read" },
      failures: [],
    });
  });

  test("fails when an expectation is malformed or not met, each at its index", () => {
    const expectations = [
      { origin: "https://evil.example", method: "GET", allowed: true },
      { origin: "https://app.example.com", method: "GET" },
      { origin: "https://app.example.com", method: "GET", allowed: true, exposes: "etag" },
      { origin: "https://app.example.com", method: "GET", allowed: true, note: "x" },
    ];
    expect(checkInputs({ target: aws, rules: good, expect: expectations, verify: "preflight" }).failures).toEqual([
      {
        property: "expect[0]",
        reason:
          'GET from https://evil.example: expected allowed, but it is denied (status 403) (aws rules) — rules[0]: origin "https://evil.example" matches none of "https://app.example.com"; no rule matches',
      },
      { property: "expect[1]", reason: `{"origin":"https://app.example.com","method":"GET"} needs allowed: true or false; ${ENTRY_SHAPE}` },
      {
        property: "expect[2]",
        reason: `{"origin":"https://app.example.com","method":"GET","allowed":true,"exposes":"etag"} has exposes that is not a list of strings; ${ENTRY_SHAPE}`,
      },
      {
        property: "expect[3]",
        reason: `{"origin":"https://app.example.com","method":"GET","allowed":true,"note":"x"} has unknown field "note"; ${ENTRY_SHAPE}`,
      },
    ]);
  });

  test("fails when verify is preflight and there is nothing to send", () => {
    expect(checkInputs({ target: aws, rules: good, verify: "preflight", expect: [] }).failures).toEqual([
      {
        property: "verify",
        reason: '"preflight" has nothing to send; preflights are sent for expect entries — add expect: [{ origin, method, allowed }], or use verify: "read"',
      },
    ]);
  });

  test("passes unknown values (preview) through unchecked, each field on its own", () => {
    const swift = { allowWidening: UNKNOWN };
    const { inputs, failures } = checkInputs({
      target: { ...aws, bucket: UNKNOWN },
      document: UNKNOWN,
      swift,
      verify: UNKNOWN,
      expect: [{ origin: UNKNOWN, method: "GET", allowed: true }],
    });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      target: { ...aws, bucket: UNKNOWN },
      rules: UNKNOWN,
      swift,
      verify: UNKNOWN,
      onExisting: "fail",
      expect: [{ origin: UNKNOWN, method: "GET", allowed: true }],
    });
  });
});

/** Each field declares its words (provider/lifecycle/field-messages.ts); these pin the cases the older tests above do not reach. */
describe("checkInputs, field by field (issue 21, item 3)", () => {
  test("fails when document is not text, at document, in the words of the SDK's type", () => {
    expect(checkInputs({ target: aws, document: { CORSRules: [] } }).failures).toEqual([
      {
        property: "document",
        reason:
          '{"CORSRules":[]} is not text; document takes a CORS policy as text in any supported format (S3 XML, AWS CLI JSON, a rule array...) — pass the file\'s contents, e.g. fs.readFileSync("cors.json", "utf8")',
      },
    ]);
  });

  test("fails when rules are malformed and a document is given too, with both failures at once", () => {
    expect(checkInputs({ target: aws, rules: [{ allowedOrigins: "https://app.example.com", allowedMethods: ["GET"] }], document: "[]" }).failures).toEqual([
      { property: "document", reason: "is set together with rules; a CorsPolicy takes exactly one of them — remove one" },
      { property: "rules[0].allowedOrigins", reason: '"https://app.example.com" is a string; expected a list — change its type' },
    ]);
  });

  test("fails when a rule is malformed, at its path, in the model's words, and validates nothing else of the rules", () => {
    expect(
      checkInputs({
        target: aws,
        rules: [
          { ...good[0], extra: 1 },
          { allowedOrigins: ["app.example.com"], allowedMethods: [1] },
        ],
      }).failures,
    ).toEqual([
      {
        property: "rules[0]",
        reason:
          '"extra" is not a field here; allowed are id, allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds — remove or rename it',
      },
      { property: "rules[1].allowedMethods[0]", reason: "1 is a number; expected a string — change its type" },
    ]);
  });

  test.each([
    ["is not an object", 5, "5 is not an object"],
    [
      "has an origin that is not a string",
      { origin: 1, method: "GET", allowed: true },
      '{"origin":1,"method":"GET","allowed":true} needs origin and method strings',
    ],
    [
      "has credentials that are not a boolean",
      { origin: "https://a.example", method: "GET", allowed: true, credentials: "yes" },
      '{"origin":"https://a.example","method":"GET","allowed":true,"credentials":"yes"} has credentials that is not true or false',
    ],
    [
      "has reads that are not strings",
      { origin: "https://a.example", method: "GET", allowed: true, reads: [1] },
      '{"origin":"https://a.example","method":"GET","allowed":true,"reads":[1]} has reads that is not a list of strings',
    ],
    [
      "has an unknown field and a wrong origin: the unknown field is named first",
      { origin: 1, method: "GET", allowed: true, note: "x" },
      '{"origin":1,"method":"GET","allowed":true,"note":"x"} has unknown field "note"',
    ],
  ])("fails when an expect entry %s, once, at its index", (_case, entry, problem) => {
    expect(checkInputs({ target: aws, rules: good, expect: [entry] }).failures).toEqual([{ property: "expect[0]", reason: `${problem}; ${ENTRY_SHAPE}` }]);
  });

  test("fails when several deadlines in timeouts are wrong, once, naming the whole value", () => {
    expect(checkInputs({ target: aws, rules: good, timeouts: { operationSeconds: 0, probeSeconds: 4000 } }).failures).toEqual([
      {
        property: "timeouts",
        reason:
          '{"operationSeconds":0,"probeSeconds":4000} is not valid; it takes { operationSeconds?: number, probeSeconds?: number, totalSeconds?: number }, each more than 0 and at most 3600 — e.g. timeouts: { operationSeconds: 120 }, or omit it for 60 s, 10 s and, for the whole operation, twice operationSeconds plus twice the propagation timeout',
      },
    ]);
  });

  test("fails when verify { via } has credentials and a bad key: both, at their own paths, not the field's message", () => {
    const expectations = [{ origin: "https://app.example.com", method: "GET", allowed: true }];
    expect(checkInputs({ target: aws, rules: good, expect: expectations, verify: { via: "https://u:p@cdn.example.com", key: "a/../b" } }).failures).toEqual([
      {
        property: "verify.via",
        reason:
          "has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state — a front is sent only what a browser sends, never credentials: give its URL without them",
      },
      { property: "verify.key", reason: '"a/../b" has a "." or ".." segment, which would leave the bucket — give the key as stored' },
    ]);
  });
});

/** The lifecycle's diff after its check, in-process: diff takes the inputs check accepted (issue 21, item 5). */
describe("diff after check", () => {
  const olds: PolicyOutputs = {
    target: { ...aws, profile: "aws" },
    rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }],
    onExisting: "fail",
    verify: "read",
    resourceId: "aws:assets",
    fingerprint: "sha256:0",
  };

  test("is no change when the engine sends the checked inputs back with their keys in another order", async () => {
    const written = { target: aws, rules: good, __provider: "serialized" };
    expect((await check({}, written)).failures).toEqual([]);
    const reordered = {
      __provider: "serialized",
      rules: [{ allowedMethods: ["get", "PUT"], allowedOrigins: ["https://app.example.com"] }],
      target: { region: "eu-west-1", bucket: "assets", profile: "aws" },
    };
    expect(await diff("aws:assets", olds, reordered as never)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("is a change for inputs check accepted before but other than these: each is compared as written", async () => {
    await check({}, { target: aws, rules: good });
    const other = { target: aws, rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["get"] }] };
    await check({}, other);
    expect(await diff("aws:assets", olds, other as never)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await diff("aws:assets", olds, { target: { ...aws, bucket: "other" }, rules: good } as never)).toEqual({
      changes: true,
      replaces: ["target"],
      deleteBeforeReplace: true,
    });
  });

  test("fails when inputs check never accepted reach diff (a state edited by hand)", async () => {
    await expect(diff("aws:assets", olds, { target: aws, rules: [{ allowedOrigins: ["app.example.com"], allowedMethods: ["GET"] }] } as never)).rejects.toThrow(
      'the inputs no longer pass check: rules[0].allowedOrigins[0]: "app.example.com" has no scheme',
    );
  });
});
