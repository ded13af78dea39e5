import { childNames } from "../../sdk/cors-policy-set";
import { createHarness, type Harness } from "../../testkit/host";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";

const CREDENTIALS = { accessKeyIdEnv: "BCORS_TEST_KEY_ID", secretAccessKeyEnv: "BCORS_TEST_SECRET" };
let s3: EmbeddedS3;
let harness: Harness;

function setProgram(targets: unknown[], rules: unknown[]): string {
  return `const cors = require("pulumi-bucket-cors");\nnew cors.CorsPolicySet("web", { targets: ${JSON.stringify(targets)}, rules: ${JSON.stringify(rules)} });`;
}

beforeAll(async () => {
  process.env["BCORS_TEST_KEY_ID"] = "S3RVER";
  process.env["BCORS_TEST_SECRET"] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket("site-a");
  await s3.createBucket("site-b");
  harness = await createHarness({ project: "cors", stack: "set" });
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  await s3?.stop();
});

describe("CorsPolicySet", () => {
  test("names children from the set and the target, disambiguating clashes", () => {
    expect(
      childNames("web", [
        { profile: "aws", bucket: "a", region: "eu-west-1" },
        { profile: "r2", bucket: "a", accountId: "0123456789abcdef0123456789abcdef" },
        { profile: "aws", bucket: "b", region: "us-east-1" },
        { profile: "aws", bucket: "b", region: "eu-west-1" },
      ]),
    ).toEqual(["web-aws-a", "web-r2-a", "web-aws-b-us-east-1", "web-aws-b-eu-west-1"]);
    expect(() => childNames("web", [])).toThrow(
      'CorsPolicySet "web": targets is empty; it needs at least one target — add one, e.g. targets.aws({ bucket, region })',
    );
  });

  test("applies one rule set to every target, each a child CorsPolicy", async () => {
    const targets = ["site-a", "site-b"].map((bucket) => ({ profile: "s3", bucket, endpoint: s3.endpoint, credentials: CREDENTIALS }));
    const result = await harness.up(setProgram(targets, [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }]));
    expect(result.steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([
      ["create", "web"],
      ["create", "web-s3-site-a"],
      ["create", "web-s3-site-b"],
    ]);
    expect((await s3.liveRules("site-a"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
    expect((await s3.liveRules("site-b"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
    await harness.destroy();
    expect(await s3.liveRules("site-a")).toBeNull();
  });

  test("fails preview for the target whose profile cannot hold the rules, with the reason", async () => {
    const targets = [
      { profile: "s3", bucket: "site-a", endpoint: s3.endpoint, credentials: CREDENTIALS },
      { profile: "r2", bucket: "site-a", accountId: "0123456789abcdef0123456789abcdef" },
    ];
    await expect(
      harness.preview(setProgram(targets, [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], maxAgeSeconds: 90000 }])),
    ).rejects.toThrow(
      /web-r2-site-a[\s\S]*rules\[0\]\.maxAgeSeconds: 90000 is more than 86400, the most Cloudflare R2 accepts — use 7200 \(Chrome caches a preflight for at most 7200 s\)/,
    );
  });
});
