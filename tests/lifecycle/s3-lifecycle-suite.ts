import { createHarness, type Harness } from "../../testkit/host";
import type { BucketOps } from "../../testkit/s3-bucket-ops";
import { policyProgram } from "../../testkit/policy-program";

/** An S3 server under test and how to reach it. */
export interface S3ServerUnderTest {
  /** Shown in test names, e.g. "s3rver", "Ceph RGW". */
  readonly name: string;
  /** The target profile to use (its title appears in messages). */
  readonly profile: string;
  readonly title: string;
  /** Bare-SDK access for out-of-band checks and edits. */
  readonly ops: BucketOps;
  /** Names of the environment variables holding the credentials (set before the host starts). */
  readonly credentials: { readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string };
  /** The secret value, to prove it never reaches state. */
  readonly secret: string;
}

const app = {
  allowedOrigins: ["https://app.example.com"],
  allowedMethods: ["GET", "PUT"],
  allowedHeaders: ["content-type"],
  exposeHeaders: ["ETag"],
  maxAgeSeconds: 600,
};
const PROVIDER_URN_TYPE = "pulumi-nodejs:dynamic/bucket-cors:CorsPolicy";

/**
 * The full CorsPolicy lifecycle through the real provider host against one S3
 * server: create, no-op, update, drift by out-of-band edit and delete, adopt,
 * onExisting, replace, destroy, a failing put, serialized size and secrets.
 * `start` runs in beforeAll; `extra` adds server-specific tests.
 */
export function s3LifecycleSuite(
  name: string,
  start: () => Promise<S3ServerUnderTest>,
  stop: () => Promise<void>,
  extra?: (ctx: () => { harness: Harness; server: S3ServerUnderTest; policy: typeof policyOf }) => void,
): void {
  let harness: Harness;
  let server: S3ServerUnderTest;
  let s3: BucketOps;
  let secret: string;
  const policy = (bucket: string, rules: unknown[], extra_: Record<string, unknown> = {}) => policyOf(server, bucket, rules, extra_);
  const ops = (result: { steps: { op: string }[] }) => result.steps.map((s) => s.op);
  const stored = () => harness.state().resources.filter((r) => r.type === PROVIDER_URN_TYPE);

  beforeAll(async () => {
    server = await start();
    s3 = server.ops;
    secret = server.secret;
    for (const bucket of ["assets", "media", "ids", "extra"]) await s3.createBucket(bucket);
    harness = await createHarness({ project: "cors", stack: server.name.replace(/\W+/g, "-").toLowerCase() });
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
    await stop();
  });

  describe(`CorsPolicy lifecycle on ${name}, through the real provider host`, () => {
    test("create applies the rules and stores them normalized", async () => {
      const result = await harness.up(policy("assets", [app]));
      expect(ops(result)).toEqual(["create"]);
      expect(await s3.liveRules("assets")).toEqual([
        {
          AllowedOrigins: ["https://app.example.com"],
          AllowedMethods: ["GET", "PUT"],
          AllowedHeaders: ["content-type"],
          ExposeHeaders: ["etag"],
          MaxAgeSeconds: 600,
        },
      ]);
      const [resource] = stored();
      expect(resource!.id).toBe(`${server.profile}:${s3.endpoint.replace("http://", "")}/assets`);
      expect(resource!.outputs["rules"]).toEqual([
        {
          allowedOrigins: ["https://app.example.com"],
          allowedMethods: ["GET", "PUT"],
          allowedHeaders: ["content-type"],
          exposeHeaders: ["etag"],
          maxAgeSeconds: 600,
        },
      ]);
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
        `${server.title} bucket "assets" already has a CORS configuration that this stack does not manage: 1 rule ([GET] from https://other.example); nothing was changed — set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it`,
      );
      expect(await s3.liveRules("assets")).toEqual(foreign);
      expect(stored()).toEqual([]);
    });

    test("onExisting: adopt refuses a configuration that differs, and takes over one that matches", async () => {
      await expect(harness.up(policy("assets", [app], { onExisting: "adopt" }))).rejects.toThrow(
        "has a CORS configuration that differs from your rules, so it cannot be adopted as is",
      );
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

    test("a failing put (missing bucket) fails the update, names what to check, and leaves state as it was", async () => {
      const failure = harness.up(policy("no-such-bucket", [app]));
      await expect(failure).rejects.toThrow(`GetBucketCors on ${server.title} bucket "no-such-bucket" failed (404 NoSuchBucket)`);
      // Issue 19, item 9: a bare 404 did not say that the endpoint or region may be what is wrong.
      await expect(failure).rejects.toThrow(`— check the bucket name "no-such-bucket", the endpoint ${server.ops.endpoint} and the region "us-east-1"`);
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
      expect(everything).not.toContain(secret);
      const provider = stored()[0]!.inputs["__provider"] as string;
      expect(provider).not.toContain(secret);
      await harness.destroy();
    });
  });

  if (extra !== undefined) extra(() => ({ harness, server, policy: policyOf }));
}

/** A program with one CorsPolicy "site" on a bucket of the server. */
export function policyOf(server: S3ServerUnderTest, bucket: string, rules: unknown[], extra: Record<string, unknown> = {}): string {
  const target = { profile: server.profile, bucket, endpoint: server.ops.endpoint, credentials: server.credentials };
  return policyProgram({ name: "site", args: { target, rules, ...extra } });
}
