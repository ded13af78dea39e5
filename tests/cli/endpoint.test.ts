import { createServer, type AddressInfo } from "node:net";
import { ensureBuilt } from "./build";
import { runCli, stderrOf } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

// Issue 19, item 8: `--endpoint 127.0.0.1:17480` said "Invalid URL"; a closed port and https:// to a plain-HTTP port had no hint.

const KEYS = { BCORS_EP_KEY: "S3RVER" };
const keyFlags = ["--access-key-id-env", "BCORS_EP_KEY", "--secret-access-key-env", "BCORS_EP_KEY"];
let s3: TestS3;
let closed: number;

beforeAll(async () => {
  s3 = await startS3();
  await s3.createBucket("endpoint-flags");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closed = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await ensureBuilt();
}, 300_000);
afterAll(() => s3?.stop());

const get = async (endpointFlag: string, endpoint: string, bucket = "endpoint-flags") => {
  const run = await runCli(["get", "--service", "s3", "--bucket", bucket, endpointFlag, endpoint, ...keyFlags], { env: KEYS });
  return { code: run.code, stdout: run.stdout, stderr: stderrOf(run) };
};

describe("the endpoint flag is checked before any request", () => {
  test.each([
    ["--endpoint", "127.0.0.1:17480", 'error: --endpoint: "127.0.0.1:17480" has no scheme — give --endpoint http://127.0.0.1:17480\n'],
    ["--endpoint-url", "localhost:17480", 'error: --endpoint-url: "localhost:17480" has no scheme — give --endpoint-url http://localhost:17480\n'],
    [
      "--endpoint",
      "http://127.0.0.1:17480/endpoint-flags",
      'error: --endpoint: "http://127.0.0.1:17480/endpoint-flags" has a path ("/endpoint-flags"); an S3 endpoint is the service\'s address alone, the bucket is given separately — give --endpoint http://127.0.0.1:17480\n',
    ],
    [
      "--endpoint",
      "http://127.0.0.1:70000",
      'error: --endpoint: "http://127.0.0.1:70000" has the port "70000"; a port is a number from 1 to 65535 — give the port the server listens on\n',
    ],
  ])("fails with exit 2 when %s is %s, giving the URL to write", async (flag, endpoint, stderr) => {
    expect(await get(flag, endpoint)).toEqual({ code: 2, stdout: "", stderr });
  });
});

describe("network failures say what to check", () => {
  test("fails with exit 1 on a closed port: nothing listens there", async () => {
    const run = await get("--endpoint", `http://127.0.0.1:${closed}`);
    expect([run.code, run.stderr.replace(/failed \(ECONNREFUSED\): .* — nothing/, "failed (ECONNREFUSED): … — nothing")]).toEqual([
      1,
      `error: GetBucketCors on S3-compatible storage bucket "endpoint-flags" failed (ECONNREFUSED): … — nothing listens on 127.0.0.1:${closed} — is the server running? check the endpoint\n`,
    ]);
  });

  test("fails with exit 1 when https:// addresses s3rver's plain-HTTP port: use http://", async () => {
    const run = await get("--endpoint", s3.endpoint.replace("http://", "https://"));
    expect([run.code, run.stderr.replace(/failed \((\w+)\): .* — the server/, "failed ($1): … — the server")]).toEqual([
      1,
      `error: GetBucketCors on S3-compatible storage bucket "endpoint-flags" failed (EPROTO): … — the server speaks plain HTTP, not TLS — use "${s3.endpoint}"\n`,
    ]);
  });

  test("fails with exit 1 on a missing bucket, naming the bucket, the endpoint and the region to check", async () => {
    expect(await get("--endpoint", s3.endpoint, "no-such-endpoint-bucket")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: GetBucketCors on S3-compatible storage bucket "no-such-endpoint-bucket" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "no-such-endpoint-bucket", the endpoint ${s3.endpoint} and the region "us-east-1"\n`,
    });
  });
});
