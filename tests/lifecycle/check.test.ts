import { createHarness, UNKNOWN, type Harness, type JsonObject } from "../../testkit/host";
import { VALIDATION_CASES } from "../fixtures/validation-cases";
import { policyProgram } from "../../testkit/policy-program";

/** Check and Diff only: no server is contacted (check does no I/O). */
const target = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const good = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["get", "PUT"] }];

let harness: Harness;
let provider: string;
const urn = () => harness.host.urn("pulumi-nodejs:dynamic/bucket-cors:CorsPolicy", "site");
const check = (news: JsonObject) => harness.host.check({ urn: urn(), olds: {}, news: { ...news, __provider: provider } });

beforeAll(async () => {
  harness = await createHarness({ project: "cors", stack: "check" });
  const plan = await harness.preview(policyProgram({ name: "site", args: { target, rules: good } }));
  provider = plan.steps[0]!.inputs!["__provider"] as string;
}, 180_000);

afterAll(() => harness?.stop());

describe("check through the real host", () => {
  test.each(VALIDATION_CASES)("%s: fails at check with the exact message", async (_name, rules, expected) => {
    const { failures } = await check({ target: { ...target, profile: "aws" }, rules: rules as unknown as JsonObject[] });
    // Every failure reaches the engine with no property and its path in the reason, so the engine
    // prints "resource 'site' has a problem: <path>: <reason>" and never the value (issue 23, item A).
    expect(failures.map((f) => f.property)).toEqual(expected.map(() => ""));
    // A URL's user info may be a password: the engine gets it as *** (backends/secrets.ts, scrubSecrets).
    expect(failures.map((f) => f.reason)).toEqual(expected.map((text) => text.replace('"https://me@', '"https://***@')));
  });

  test("returns the inputs as the program wrote them, so preview --diff shows the user's own order and spelling", async () => {
    const { inputs, failures } = await check({ target, rules: good });
    expect(failures).toEqual([]);
    const { __provider, ...rest } = inputs;
    expect(rest).toEqual({ target, rules: good });
  });

  // Issue 23, item 1: the claim on the bucket is an input (sdk/one-per-bucket.ts) that check reads and never returns.
  test("a claim not judged yet (the unknown sentinel at preview) is no refusal, and is not kept in the inputs", async () => {
    const { inputs, failures } = await check({ target, rules: good, bucketClaim: UNKNOWN });
    expect(failures).toEqual([]);
    const { __provider, ...rest } = inputs;
    expect(rest).toEqual({ target, rules: good });
  });

  test("fails when the claim carries a refusal: it comes first, with no property", async () => {
    const refusal = 'CorsPolicy "a" and CorsPolicy "b" both target AWS S3 bucket "assets": a bucket holds one CORS configuration';
    const { failures } = await check({ target, rules: [], bucketClaim: refusal });
    expect(failures[0]).toEqual({ property: "", reason: refusal });
    expect(failures.length).toBeGreaterThan(1);
  });

  test("keeps a document as written; diff compares the normalized rules it holds", async () => {
    const document = '[{"AllowedOrigins":["http://localhost:3000"],"AllowedMethods":["head","GET"]}]';
    const { inputs, failures } = await check({ target, document });
    expect(failures).toEqual([]);
    const { __provider, ...rest } = inputs;
    expect(rest).toEqual({ target, document });
    const olds = {
      target,
      rules: [{ allowedOrigins: ["http://localhost:3000"], allowedMethods: ["GET", "HEAD"] }],
      onExisting: "fail",
      verify: "read",
      resourceId: "aws:assets",
      fingerprint: "sha256:0",
    };
    const diff = await harness.host.diff({ urn: urn(), id: "aws:assets", olds, news: inputs, oldInputs: rest });
    expect([diff.changes, diff.replaces]).toEqual(["none", []]);
  });

  test("fails when both rules and document are given, or neither", async () => {
    expect((await check({ target, rules: good, document: "[]" })).failures).toEqual([
      { property: "", reason: "document: is set together with rules; a CorsPolicy takes exactly one of them — remove one" },
    ]);
    expect((await check({ target })).failures).toEqual([
      {
        property: "",
        reason:
          "rules: is missing; a CorsPolicy needs rules (or a document in any supported format) — add rules: [{ allowedOrigins: [...], allowedMethods: [...] }]",
      },
    ]);
  });

  test("fails when onExisting is not an option", async () => {
    expect((await check({ target, rules: good, onExisting: "merge" })).failures).toEqual([
      {
        property: "",
        reason:
          'onExisting: "merge" is not an option; allowed are "fail", "adopt", "overwrite" — use "adopt" to take over a matching configuration, "overwrite" to replace it',
      },
    ]);
  });

  test("applies the target's profile: R2 max-age above 86400 fails", async () => {
    const { failures } = await check({
      target: { profile: "r2", accountId: "0123456789abcdef0123456789abcdef", bucket: "b" },
      rules: [{ ...good[0]!, maxAgeSeconds: 90000 }],
    });
    expect(failures).toEqual([
      {
        property: "",
        reason: "rules[0].maxAgeSeconds: 90000 is more than 86400, the most Cloudflare R2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)",
      },
    ]);
  });

  test("treats unknown values (preview) as unknown, not as strings", async () => {
    const { inputs, failures } = await check({ target, rules: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs["rules"]).toBe(UNKNOWN);
    const olds = {
      target,
      rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }],
      onExisting: "fail",
      resourceId: "aws:assets",
      fingerprint: "sha256:0",
    };
    const diff = await harness.host.diff({ urn: urn(), id: "aws:assets", olds, news: { ...inputs, __provider: provider }, oldInputs: olds });
    expect([diff.changes, diff.replaces]).toEqual(["some", []]);
    const unknownTarget = await check({ target: UNKNOWN, rules: good });
    expect(unknownTarget.failures).toEqual([]);
    const targetDiff = await harness.host.diff({
      urn: urn(),
      id: "aws:assets",
      olds,
      news: { ...unknownTarget.inputs, __provider: provider },
      oldInputs: olds,
    });
    expect([targetDiff.changes, targetDiff.replaces]).toEqual(["some", ["target"]]);
  });

  test("diff: re-cased and reordered rules are no change; another bucket is a replace", async () => {
    const olds = {
      target,
      rules: [{ allowedOrigins: ["https://a.example", "https://b.example"], allowedMethods: ["GET", "PUT"] }],
      onExisting: "fail",
      resourceId: "aws:assets",
      fingerprint: "sha256:0",
    };
    const same = await check({ target, rules: [{ allowedOrigins: ["https://b.example", "https://a.example"], allowedMethods: ["put", "get"] }] });
    const diff = await harness.host.diff({ urn: urn(), id: "aws:assets", olds, news: same.inputs, oldInputs: olds });
    expect(diff.changes).toBe("none");
    const moved = await check({ target: { ...target, bucket: "other" }, rules: good });
    const replace = await harness.host.diff({ urn: urn(), id: "aws:assets", olds, news: moved.inputs, oldInputs: olds });
    expect([replace.changes, replace.replaces]).toEqual(["some", ["target"]]);
  });

  test("diff: the same bucket spelled differently (profile s3 → ceph, same endpoint) is an update, not a replace", async () => {
    const s3Target = { profile: "s3", bucket: "media", endpoint: "http://127.0.0.1:7480" };
    const olds = {
      target: s3Target,
      rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }],
      onExisting: "fail",
      verify: "read",
      resourceId: "s3:127.0.0.1:7480/media",
      fingerprint: "sha256:0",
    };
    const respelled = await check({ target: { ...s3Target, profile: "ceph" }, rules: good });
    const diff = await harness.host.diff({ urn: urn(), id: "s3:127.0.0.1:7480/media", olds, news: respelled.inputs, oldInputs: olds });
    expect([diff.changes, diff.replaces]).toEqual(["some", []]);
  });

  test("check uses the profile of a partly unknown target (bucket not known yet in preview)", async () => {
    const { failures } = await check({
      target: { profile: "r2", accountId: "0123456789abcdef0123456789abcdef", bucket: UNKNOWN },
      rules: [{ ...good[0]!, maxAgeSeconds: 90000 }],
    });
    expect(failures).toEqual([
      {
        property: "",
        reason: "rules[0].maxAgeSeconds: 90000 is more than 86400, the most Cloudflare R2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)",
      },
    ]);
  });
});
