import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";
import { rejection } from "./rejection";
import { s3Backend } from "../../provider/backends/s3/backend";
import { swiftBackend } from "../../provider/backends/swift/backend";
import type { Target } from "../../provider/targets";
import { describeWithRgw, describeWithSwift } from "../servers/real-servers";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { swiftOps } from "../../testkit/swift-ops";
import { S3RVER_KEY } from "../../testkit/s3rver-server";

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"] as const;

describeWithRgw("S3 backend on real Ceph RGW 16.2", (rgw) => {
  let ops: BucketOps;
  const target = (bucket: string): Target => ({ profile: "ceph", bucket, endpoint: rgw().endpoint, region: rgw().region, credentials: rgw().credentialEnv });

  beforeAll(async () => {
    ops = bucketOps(rgw().endpoint, rgw());
    await ops.createBucket("backend-empty-methods");
  });
  afterAll(() => ops.client.destroy());

  test("a rule with AllowedMethods: [] (put with the raw SDK) is unreadable, not a crash; delete removes it", async () => {
    await ops.putRules("backend-empty-methods", [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: [] }]);
    // RGW stores the rule and answers it without any <AllowedMethod>.
    expect(await s3Backend.get(target("backend-empty-methods"))).toEqual({
      kind: "unreadable",
      raw: JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com"] }] }),
      issues: [
        {
          code: "missing-field",
          path: ["rules", 0, "allowedMethods"],
          params: { example: '["GET"]', field: "AllowedMethods" },
          severity: "error",
          message: `rules[0].allowedMethods: is missing; every rule needs "AllowedMethods" — add "AllowedMethods": ["GET"]`,
        },
      ],
    });
    await s3Backend.delete(target("backend-empty-methods"));
    expect(await ops.liveRules("backend-empty-methods")).toBeNull();
    expect(await s3Backend.get(target("backend-empty-methods"))).toEqual({ kind: "none" });
  });

  test("each request takes a fresh connection (the profile's reuseConnections: false), where an s3-profile target on the same endpoint reuses one", async () => {
    // A TCP relay in front of RGW that counts the connections it accepts.
    const upstream = new URL(rgw().endpoint);
    let accepted = 0;
    const open = new Set<Socket>();
    const relay = createServer((socket) => {
      accepted += 1;
      open.add(socket);
      const out = createConnection({ host: upstream.hostname, port: Number(upstream.port) });
      socket.pipe(out).pipe(socket);
      socket.on("error", () => out.destroy());
      out.on("error", () => socket.destroy());
      out.on("close", () => socket.destroy());
      socket.on("close", () => {
        out.destroy();
        open.delete(socket);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    try {
      await ops.putRules("backend-empty-methods", [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]);
      const counted = async (profile: "ceph" | "s3") => {
        accepted = 0;
        for (let i = 0; i < 3; i++) expect((await s3Backend.get({ ...target("backend-empty-methods"), profile, endpoint })).kind).toBe("config");
        return accepted;
      };
      expect([await counted("ceph"), await counted("s3")]).toEqual([3, 1]);
    } finally {
      await ops.deleteRules("backend-empty-methods");
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  test("a missing bucket is no-bucket on get, a MissingBucket failure on put, success on delete", async () => {
    const live = await s3Backend.get(target("backend-no-such-bucket"));
    // RGW's <Message> is empty (the SDK says "UnknownError"), so the request id follows the code; the hint names where the bucket was looked for (issue 19, item 9).
    expect(live.kind === "no-bucket" ? [live.error.code, live.error.message.replace(/tx[0-9a-f-]+-default/, "<id>")] : live).toEqual([
      "MissingBucket",
      `GetBucketCors on Ceph RGW bucket "backend-no-such-bucket" failed (404 NoSuchBucket) (request id <id>) — check the bucket name "backend-no-such-bucket", the endpoint ${rgw().endpoint} and the region "${rgw().region}"`,
    ]);
    const error = await rejection(
      s3Backend.put(target("backend-no-such-bucket"), { rules: [{ allowedOrigins: ["https://a.example"], allowedMethods: ["GET"] }] }),
    );
    expect([error.code, error.message.startsWith(`PutBucketCors on Ceph RGW bucket "backend-no-such-bucket" failed (404 NoSuchBucket)`)]).toEqual([
      "MissingBucket",
      true,
    ]);
    await expect(s3Backend.delete(target("backend-no-such-bucket"))).resolves.toBeUndefined();
  });
});

describe("S3 backend on s3rver", () => {
  let s3: EmbeddedS3;
  process.env["BCT_S3RVER_KEY"] = S3RVER_KEY;
  const target = (bucket: string): Target => ({
    profile: "s3",
    bucket,
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyIdEnv: "BCT_S3RVER_KEY", secretAccessKeyEnv: "BCT_S3RVER_KEY" },
  });

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket("backend-s3rver");
  });
  afterAll(() => s3?.stop());

  test("get reads none, then the configuration put, then none after delete", async () => {
    expect(await s3Backend.get(target("backend-s3rver"))).toEqual({ kind: "none" });
    const config = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const, "PUT" as const], maxAgeSeconds: 600 }] };
    await s3Backend.put(target("backend-s3rver"), config);
    expect(await s3Backend.get(target("backend-s3rver"))).toEqual({ kind: "config", config });
    await s3Backend.delete(target("backend-s3rver"));
    expect(await s3Backend.get(target("backend-s3rver"))).toEqual({ kind: "none" });
  });

  test("a missing bucket is no-bucket, with the service's error", async () => {
    const live = await s3Backend.get(target("backend-missing"));
    expect(live.kind === "no-bucket" ? [live.error.code, live.error.serviceCode, live.error.message] : live).toEqual([
      "MissingBucket",
      "NoSuchBucket",
      `GetBucketCors on S3-compatible storage bucket "backend-missing" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "backend-missing", the endpoint ${s3.endpoint} and the region "us-east-1"`,
    ]);
  });
});

describeWithSwift("Swift backend on real Swift 2.30", (swift) => {
  const target = (container: string): Target => ({ profile: "swift", bucket: container, endpoint: swift().storageUrl });
  beforeAll(async () => {
    Object.assign(process.env, { ST_AUTH: swift().authUrl, ST_USER: swift().user, ST_KEY: swift().key });
    await (await swiftOps(swift().authUrl, swift().user, swift().key)).createContainer("backend-swift");
  });

  test("a missing container is no-bucket on get and a MissingBucket failure (404 NoSuchContainer) on put", async () => {
    const live = await swiftBackend.get(target("backend-no-such-container"));
    expect(live.kind === "no-bucket" ? [live.error.code, live.error.message] : live).toEqual([
      "MissingBucket",
      `HeadContainer on OpenStack Swift container "backend-no-such-container" failed (404 NoSuchContainer): the container does not exist — check the container name "backend-no-such-container" and the endpoint ${swift().storageUrl}`,
    ]);
    const error = await rejection(
      swiftBackend.put(target("backend-no-such-container"), {
        rules: [{ allowedOrigins: ["https://a.example"], allowedMethods: [...ALL], allowedHeaders: ["*"] }],
      }),
    );
    expect([error.code, error.message]).toEqual([
      "MissingBucket",
      `PostContainer on OpenStack Swift container "backend-no-such-container" failed (404 NoSuchContainer): the container does not exist — check the container name "backend-no-such-container" and the endpoint ${swift().storageUrl}`,
    ]);
  });

  test("put, get and delete round-trip on a real container", async () => {
    const config = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: [...ALL], allowedHeaders: ["*"], maxAgeSeconds: 600 }] };
    await swiftBackend.put(target("backend-swift"), config);
    expect(await swiftBackend.get(target("backend-swift"))).toEqual({ kind: "config", config });
    await swiftBackend.delete(target("backend-swift"));
    expect(await swiftBackend.get(target("backend-swift"))).toEqual({ kind: "none" });
  });
});
