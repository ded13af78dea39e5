import { s3Backend } from "../../provider/backends/s3/backend";
import { withoutServiceDefault } from "../../provider/backends/no-config";
import type { LiveConfig } from "../../provider/backends/types";
import { getProfile, type Profile } from "../../provider/profiles";
import type { Target } from "../../provider/targets";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { S3RVER_KEY } from "../../testkit/s3rver-server";

// Wasabi reads back its own default configuration on a bucket without a custom one
// (https://docs.wasabi.com/docs/cross-origin-resource-sharing-cors). Its rules are not published as text, so the
// table lists none yet; these tests give the Wasabi row a stand-in default to prove the mechanism.
const STAND_IN = { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET" as const, "HEAD" as const], maxAgeSeconds: 3000 }] };
const wasabiWithDefault: Profile = { ...getProfile("wasabi"), defaultConfigs: { value: [STAND_IN], source: "test stand-in" } };
const custom = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] }] };

describe("withoutServiceDefault", () => {
  test("a read equal to the profile's default is none: same rules in another spelling, order, case or with an ID", () => {
    const respelled: LiveConfig = {
      kind: "config",
      config: { rules: [{ id: "default", allowedOrigins: ["*"], allowedMethods: ["HEAD", "GET"], maxAgeSeconds: 3000 }] },
    };
    expect(withoutServiceDefault(respelled, wasabiWithDefault)).toEqual({ kind: "none" });
  });

  test("anything else is returned as read: another config, none, no bucket, unreadable", () => {
    const reads: LiveConfig[] = [
      { kind: "config", config: custom },
      { kind: "config", config: { rules: [{ ...STAND_IN.rules[0]!, maxAgeSeconds: 3001 }] } },
      { kind: "none" },
      { kind: "unreadable", raw: "<CORSConfiguration/>", issues: [] },
    ];
    for (const read of reads) expect(withoutServiceDefault(read, wasabiWithDefault)).toBe(read);
  });

  test("a profile whose no-configuration answer is a 404 keeps even a config equal to someone's default", () => {
    const read: LiveConfig = { kind: "config", config: STAND_IN };
    expect(withoutServiceDefault(read, { ...getProfile("aws"), defaultConfigs: wasabiWithDefault.defaultConfigs! })).toBe(read);
  });

  test("the Wasabi row lists no default until its rules are recorded, so every Wasabi read stays as read", () => {
    const read: LiveConfig = { kind: "config", config: STAND_IN };
    expect(getProfile("wasabi").defaultConfigs).toMatchObject({ value: [], uncertain: true });
    expect(withoutServiceDefault(read, getProfile("wasabi"))).toBe(read);
  });
});

describe("S3 backend with a Wasabi target on s3rver", () => {
  let s3: EmbeddedS3;
  process.env["BCT_NOCONFIG_KEY"] = S3RVER_KEY;
  const target = (bucket: string): Target => ({
    profile: "wasabi",
    bucket,
    endpoint: s3.endpoint,
    region: "us-east-1",
    credentials: { accessKeyIdEnv: "BCT_NOCONFIG_KEY", secretAccessKeyEnv: "BCT_NOCONFIG_KEY" },
  });

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket("wasabi-default");
  });
  afterAll(() => s3?.stop());

  test("a bucket holding exactly the default reads as the default through get, and as none once the default is known", async () => {
    await s3Backend.put(target("wasabi-default"), STAND_IN);
    const read = await s3Backend.get(target("wasabi-default"));
    expect(read).toEqual({ kind: "config", config: STAND_IN });
    expect(withoutServiceDefault(read, wasabiWithDefault)).toEqual({ kind: "none" });
  });

  test("a custom configuration stays a configuration; after delete the bucket reads none", async () => {
    await s3Backend.put(target("wasabi-default"), custom);
    expect(withoutServiceDefault(await s3Backend.get(target("wasabi-default")), wasabiWithDefault)).toEqual({ kind: "config", config: custom });
    await s3Backend.delete(target("wasabi-default"));
    expect(await s3Backend.get(target("wasabi-default"))).toEqual({ kind: "none" });
  });
});
