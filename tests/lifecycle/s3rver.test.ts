import { createHarness, type Harness } from "../host/harness";
import { policyProgram } from "./program";
import { startS3rver, type EmbeddedS3 } from "../support/s3rver";

const CREDENTIALS = { accessKeyIdEnv: "BCORS_TEST_KEY_ID", secretAccessKeyEnv: "BCORS_TEST_SECRET" };
const SECRET_VALUE = "s3rver-secret-value-9f2c";
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 };
const PROVIDER_URN_TYPE = "pulumi-nodejs:dynamic/bucket-cors:CorsPolicy";

let s3: EmbeddedS3;
let harness: Harness;

const target = (bucket: string) => ({ profile: "s3", bucket, endpoint: s3.endpoint, credentials: CREDENTIALS });
const policy = (bucket: string, rules: unknown[], extra: Record<string, unknown> = {}) => policyProgram({ name: "site", args: { target: target(bucket), rules, ...extra } });
const ops = (result: { steps: { op: string }[] }) => result.steps.map((s) => s.op);
const stored = () => harness.state().resources.filter((r) => r.type === PROVIDER_URN_TYPE);

beforeAll(async () => {
  process.env["BCORS_TEST_KEY_ID"] = "S3RVER";
  process.env["BCORS_TEST_SECRET"] = SECRET_VALUE;
  s3 = await startS3rver();
  for (const bucket of ["assets", "media", "taken", "ids"]) await s3.createBucket(bucket);
  harness = await createHarness({ project: "cors", stack: "s3rver" });
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  await s3?.stop();
});

describe("CorsPolicy lifecycle on s3rver, through the real provider host", () => {
  test("create applies the rules and stores them normalized", async () => {
    const result = await harness.up(policy("assets", [app]));
    expect(ops(result)).toEqual(["create"]);
    expect(await s3.liveRules("assets")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], ExposeHeaders: ["etag"], MaxAgeSeconds: 600 }]);
    const [resource] = stored();
    expect(resource!.id).toBe(`s3:${s3.endpoint.replace("http://", "")}/assets`);
    expect(resource!.outputs["rules"]).toEqual([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["etag"], maxAgeSeconds: 600 }]);
    expect(resource!.outputs["fingerprint"]).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  test("reordered and re-cased rules are no change", async () => {
    const same = { ...app, allowedMethods: ["put", "get"], allowedHeaders: ["Content-Type"], exposeHeaders: ["etag"] };
    expect(ops(await harness.preview(policy("assets", [same])))).toEqual(["same"]);
    expect(ops(await harness.up(policy("assets", [same])))).toEqual(["same"]);
  });

  test("a changed rule is an update, applied to the bucket", async () => {
    const result = await harness.up(policy("assets", [{ ...app, allowedMethods: ["GET"] }]));
    expect(ops(result)).toEqual(["update"]);
    expect((await s3.liveRules("assets"))?.[0]?.AllowedMethods).toEqual(["GET"]);
  });

  test("refresh detects an out-of-band edit, and the next preview plans to undo it", async () => {
    await s3.putRules("assets", [{ AllowedOrigins: ["https://evil.example"], AllowedMethods: ["GET", "DELETE"] }]);
    const refreshed = await harness.refresh();
    expect(refreshed.steps.map((s) => s.refresh)).toEqual(["update"]);
    expect(stored()[0]!.outputs["rules"]).toEqual([{ allowedOrigins: ["https://evil.example"], allowedMethods: ["GET", "DELETE"] }]);
    expect(ops(await harness.preview(policy("assets", [{ ...app, allowedMethods: ["GET"] }])))).toEqual(["update"]);
    expect(ops(await harness.up(policy("assets", [{ ...app, allowedMethods: ["GET"] }])))).toEqual(["update"]);
    expect((await s3.liveRules("assets"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
  });

  test("refresh detects an out-of-band delete", async () => {
    await s3.deleteRules("assets");
    const refreshed = await harness.refresh();
    expect(refreshed.steps.map((s) => s.refresh)).toEqual(["delete"]);
    expect(stored()).toEqual([]);
  });

  test("onExisting: fail refuses a configuration it does not manage and leaves the bucket untouched", async () => {
    const foreign = [{ AllowedOrigins: ["https://other.example"], AllowedMethods: ["GET"] }];
    await s3.putRules("assets", foreign);
    await expect(harness.up(policy("assets", [app]))).rejects.toThrow(
      'S3-compatible storage bucket "assets" already has a CORS configuration that this stack does not manage: 1 rule ([GET] from https://other.example); nothing was changed — set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it',
    );
    expect(await s3.liveRules("assets")).toEqual(foreign);
    expect(stored()).toEqual([]);
  });

  test("onExisting: adopt refuses a configuration that differs, and takes over one that matches", async () => {
    await expect(harness.up(policy("assets", [app], { onExisting: "adopt" }))).rejects.toThrow("has a CORS configuration that differs from your rules, so it cannot be adopted as is");
    const matching = { allowedOrigins: ["https://other.example"], allowedMethods: ["get"] };
    const result = await harness.up(policy("assets", [matching], { onExisting: "adopt" }));
    expect(ops(result)).toEqual(["create"]);
    expect(stored()[0]!.outputs["rules"]).toEqual([{ allowedOrigins: ["https://other.example"], allowedMethods: ["GET"] }]);
  });

  test("onExisting: overwrite replaces a foreign configuration", async () => {
    await harness.destroy();
    await s3.putRules("assets", [{ AllowedOrigins: ["https://other.example"], AllowedMethods: ["GET"] }]);
    expect(ops(await harness.up(policy("assets", [app], { onExisting: "overwrite" })))).toEqual(["create"]);
    expect((await s3.liveRules("assets"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
  });

  test("a target naming another bucket is a replace: the new bucket gets the rules, the old one loses them", async () => {
    const result = await harness.up(policy("media", [app], { onExisting: "overwrite" }));
    expect(ops(result)).toEqual(["replace"]);
    expect((await s3.liveRules("media"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
    expect(await s3.liveRules("assets")).toBeNull();
  });

  test("destroy removes the configuration", async () => {
    expect(ops(await harness.destroy())).toEqual(["delete"]);
    expect(await s3.liveRules("media")).toBeNull();
    expect(stored()).toEqual([]);
  });

  test("s3rver rewriting an ID (\"007\" → \"7\") is no drift and no diff", async () => {
    const withId = [{ ...app, id: "007" }];
    await harness.up(policy("ids", withId));
    expect((await s3.liveRules("ids"))?.[0]?.ID).toBe("7");
    expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["same"]);
    expect(ops(await harness.preview(policy("ids", withId)))).toEqual(["same"]);
    await harness.destroy();
  });

  test("a failing put (missing bucket) fails the update and leaves state as it was", async () => {
    await expect(harness.up(policy("no-such-bucket", [app]))).rejects.toThrow('GetBucketCors on S3-compatible storage bucket "no-such-bucket" failed (404 NoSuchBucket)');
    expect(stored()).toEqual([]);
  });

  test("the serialized provider is at most 2 KB and requires packages by name only", async () => {
    await harness.up(policy("assets", [app], { onExisting: "overwrite" }));
    const provider = stored()[0]!.inputs["__provider"] as string;
    expect(Buffer.byteLength(provider)).toBeLessThanOrEqual(2048);
    const required = [...provider.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)].sort()).toEqual(["pulumi-bucket-cors/provider"]);
    expect(provider).not.toMatch(/node_modules|dist-cjs|\/dist\//);
    await harness.destroy();
  });

  test("no credential value reaches state, outputs or the serialized provider", async () => {
    await harness.up(policy("assets", [app], { onExisting: "overwrite" }));
    const everything = JSON.stringify(harness.state());
    expect(everything).not.toContain(SECRET_VALUE);
    const provider = stored()[0]!.inputs["__provider"] as string;
    expect(provider).not.toContain(SECRET_VALUE);
    await harness.destroy();
  });
});
