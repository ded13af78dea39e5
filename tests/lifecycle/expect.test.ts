import { createHarness, type Harness } from "../../testkit/host";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { policyProgram } from "../../testkit/policy-program";

const CREDENTIALS = { accessKeyIdEnv: "BCORS_TEST_KEY_ID", secretAccessKeyEnv: "BCORS_TEST_SECRET" };
const appGet = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], exposeHeaders: ["ETag"] };

let s3: EmbeddedS3;
let harness: Harness;
const target = (bucket: string) => ({ profile: "s3", bucket, endpoint: s3.endpoint, credentials: CREDENTIALS });
const program = (bucket: string, rules: unknown[], extra: Record<string, unknown>) =>
  policyProgram({ name: "site", args: { target: target(bucket), rules, ...extra } });

beforeAll(async () => {
  process.env["BCORS_TEST_KEY_ID"] = "S3RVER";
  process.env["BCORS_TEST_SECRET"] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket("expect");
  harness = await createHarness({ project: "cors", stack: "expect" });
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  await s3?.stop();
});

describe("expect and verify", () => {
  test("a failed expectation fails preview with the rule-by-rule explanation", async () => {
    const expect_ = [
      { origin: "https://app.example.com", method: "PUT", allowed: true },
      { origin: "https://app.example.com", method: "GET", allowed: true, exposes: ["etag"] },
    ];
    await expect(harness.preview(program("expect", [appGet], { expect: expect_ }))).rejects.toThrow(
      'expect[0]: PUT from https://app.example.com: expected allowed, but it is denied (status 403) (aws rules) — rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "PUT" is not one of "GET"; no rule matches',
    );
  });

  test("fails when an expectation is malformed or verify is not an option", async () => {
    await expect(harness.preview(program("expect", [appGet], { expect: [{ origin: "https://a.example", allowed: true }], verify: "always" }))).rejects.toThrow(
      /expect\[0\]: \{"allowed":true,"origin":"https:\/\/a\.example"\} needs origin and method strings; an expectation is \{ origin: string, method: string, headers\?: string\[\], allowed: boolean, exposes\?: string\[\], credentials\?: boolean, reads\?: string\[\] \} — fix the entry[\s\S]*verify: "always" is not an option; allowed are "none", "read", "preflight"/,
    );
  });

  test("verify: preflight confirms every expectation against the live endpoint", async () => {
    const expectations = [
      { origin: "https://app.example.com", method: "GET", allowed: true, exposes: ["ETag"] },
      { origin: "https://evil.example", method: "GET", allowed: false },
    ];
    const result = await harness.up(program("expect", [appGet], { expect: expectations, verify: "preflight" }));
    expect(result.steps.map((s) => s.op)).toEqual(["create"]);
  });

  test("a live answer that disagrees restores the previous configuration and fails with expected vs. observed", async () => {
    // AWS tries the next rule when a rule refuses a header; s3rver stops at the first rule
    // matching origin and method (docs/cors-semantics.md, "14. s3rver"), so the preview passes and the live check fails.
    const rules = [
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT"], allowedHeaders: ["x-other"] },
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT"], allowedHeaders: ["content-type"] },
    ];
    const expectations = [{ origin: "https://app.example.com", method: "PUT", headers: ["content-type"], allowed: true }];
    const before = await s3.liveRules("expect");
    await expect(harness.up(program("expect", rules, { expect: expectations, verify: "preflight", propagationTimeoutSeconds: 1 }))).rejects.toThrow(
      `live preflights to ${s3.endpoint}/expect/bucket-cors-verify (S3-compatible storage bucket "expect") still disagreed with expect after 1 s:\n  expect[0] PUT from https://app.example.com: expected allowed, observed denied (status 403)\n— if the service is slow to serve changes, raise propagationTimeoutSeconds; otherwise the server answers differently from its dialect's prediction: correct the rules or the expectation\nThe previous configuration was restored (1 rule ([GET] from https://app.example.com)).`,
    );
    expect(await s3.liveRules("expect")).toEqual(before);
    expect(harness.state().resources.find((r) => r.type.endsWith(":CorsPolicy"))!.outputs["rules"]).toEqual([
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], exposeHeaders: ["etag"] },
    ]);
    await harness.destroy();
  });
});
