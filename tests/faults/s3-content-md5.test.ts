import { s3Backend } from "../../provider/backends/s3/backend";
import type { Target } from "../../provider/targets";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { ensureBuilt } from "../cli/build";
import { runCli } from "../cli/run-cli";
import { describeWithRgw, describeWithVersitygw, type RgwInfo, type VersitygwInfo } from "../servers/real-servers";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";
import { cloudServerContentMd5, cors, every } from "./faults";
import { proxiedS3rver } from "./s3-proxied";

/* Issue 22, item 2: PutBucketCors goes out with Content-MD5 and without the SDK's CRC32, which servers checking Content-MD5 refuse. */

process.env["BCT_MD5_KEY"] = S3RVER_KEY;
process.env["BCT_MD5_SECRET"] = "md5-secret-3f9c";
const CONFIG = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const, "PUT" as const], maxAgeSeconds: 600 }] };
const LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }];
const BAD_DIGEST = "The Content-MD5 you specified did not match what we received.";

/**
 * The header names of a PutBucketCors as it reached the proxy. `content-md5` is there, and neither
 * `x-amz-sdk-checksum-algorithm` nor `x-amz-checksum-crc32`, which the SDK alone sends.
 */
const PUT_HEADERS = [
  "amz-sdk-invocation-id",
  "amz-sdk-request",
  "authorization",
  "connection",
  "content-length",
  "content-md5",
  "content-type",
  "host",
  "user-agent",
  "x-amz-content-sha256",
  "x-amz-date",
  "x-amz-user-agent",
];

/** The sorted header names of the proxy's PUT requests, and the headers each one signed. */
function puts(proxy: FaultProxy): { names: string[]; signed: string | undefined }[] {
  return proxy
    .requests()
    .filter((r) => r.method === "PUT")
    .map((r) => ({ names: Object.keys(r.headers).sort(), signed: /SignedHeaders=([^,]+)/.exec(String(r.headers["authorization"]))?.[1] }));
}

const SIGNED = "amz-sdk-invocation-id;amz-sdk-request;content-length;content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-user-agent";

describe("PutBucketCors through a stand-in that checks Content-MD5 like CloudServer (s3rver behind the fault proxy)", () => {
  const env = proxiedS3rver(
    ["md5-bare-sdk", "md5-backend", "md5-cli"],
    { accessKeyIdEnv: "BCT_MD5_KEY", secretAccessKeyEnv: "BCT_MD5_SECRET" },
    every(cors("PUT"), cloudServerContentMd5()),
  );
  const target = env.target;

  // What the client sent before this change (the SDK with requestChecksumCalculation: "WHEN_REQUIRED"): the stand-in refuses it.
  test("fails for the bare SDK: it sends x-amz-checksum-crc32 and no Content-MD5, answered 400 BadDigest", async () => {
    const sdk = bucketOps(env.proxy().url, { accessKeyId: S3RVER_KEY, secretAccessKey: "md5-secret-3f9c" });
    await expect(sdk.putRules("md5-bare-sdk", LIVE)).rejects.toMatchObject({ name: "BadDigest", message: BAD_DIGEST, $metadata: { httpStatusCode: 400 } });
    sdk.client.destroy();
    const [sent] = env.proxy().requests();
    expect([sent?.headers["content-md5"], sent?.headers["x-amz-sdk-checksum-algorithm"], typeof sent?.headers["x-amz-checksum-crc32"]]).toEqual([
      undefined,
      "CRC32",
      "string",
    ]);
    expect(await env.s3().liveRules("md5-bare-sdk")).toBeNull();
  });

  test("the backend's put sends Content-MD5 (signed) and no flexible-checksum header; the stand-in takes it and s3rver holds the rules", async () => {
    await s3Backend.put(target("md5-backend"), CONFIG);
    expect(env.proxy().lines()).toEqual(["PUT /md5-backend/?cors= 200"]);
    expect(puts(env.proxy())).toEqual([{ names: PUT_HEADERS, signed: SIGNED }]);
    expect(await env.s3().liveRules("md5-backend")).toEqual(LIVE);
  });

  test("bucket-cors apply goes through the same stand-in (exit 0), sending Content-MD5", async () => {
    await ensureBuilt();
    const flags = [
      "--service",
      "s3",
      "--bucket",
      "md5-cli",
      "--endpoint",
      env.proxy().url,
      "--access-key-id-env",
      "BCT_MD5_KEY",
      "--secret-access-key-env",
      "BCT_MD5_SECRET",
    ];
    const run = await runCli(["apply", "-", ...flags], { input: JSON.stringify({ CORSRules: LIVE }) });
    expect([run.code, run.stdout]).toEqual([
      0,
      `s3:${env.proxy().url.replace("http://", "")}/md5-cli: created (1 rule ([GET,PUT] from https://app.example.com max-age 600))\n`,
    ]);
    expect(env.proxy().lines()).toEqual(["GET /md5-cli/?cors= 404", "PUT /md5-cli/?cors= 200", "GET /md5-cli/?cors= 200"]);
    expect(puts(env.proxy())).toEqual([{ names: PUT_HEADERS, signed: SIGNED }]);
    expect(await env.s3().liveRules("md5-cli")).toEqual(LIVE);
  }, 300_000);
});

/**
 * The same stand-in in front of a real server that checks SigV4 signatures, which s3rver does not
 * (docs/test-servers.md, "s3rver"): a Content-MD5 added after signing would fail there.
 */
function onRealServer(name: string, profile: "ceph" | "versitygw", server: () => RgwInfo | VersitygwInfo): void {
  let proxy: FaultProxy;
  const bucket = `md5-${profile}`;
  const target = (): Target => ({ profile, bucket, endpoint: proxy.url, region: server().region, credentials: server().credentialEnv });

  beforeAll(async () => {
    const ops = bucketOps(server().endpoint, server(), server().region);
    await ops.createBucket(bucket);
    ops.client.destroy();
    proxy = await startFaultProxy(server().endpoint);
    proxy.plan(every(cors("PUT"), cloudServerContentMd5()));
  });
  afterAll(() => proxy?.stop());

  test(`put on ${name} is accepted with Content-MD5 and no CRC32, and get reads the rules back`, async () => {
    await s3Backend.put(target(), CONFIG);
    expect(await s3Backend.get(target())).toEqual({ kind: "config", config: CONFIG });
    expect(proxy.lines()).toEqual([`PUT /${bucket}/?cors= 200`, `GET /${bucket}/?cors= 200`]);
    expect(puts(proxy)).toEqual([{ names: PUT_HEADERS, signed: SIGNED }]);
  });
}

describeWithRgw("PutBucketCors with Content-MD5 on real Ceph RGW 16.2, through the same stand-in", (rgw) => onRealServer("Ceph RGW", "ceph", rgw));
describeWithVersitygw("PutBucketCors with Content-MD5 on real versitygw 1.8, through the same stand-in", (versitygw) =>
  onRealServer("versitygw", "versitygw", versitygw),
);
