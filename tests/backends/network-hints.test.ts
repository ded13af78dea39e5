import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { s3Backend } from "../../provider/backends/s3/backend";
import { swiftBackend } from "../../provider/backends/swift/backend";
import type { Target } from "../../provider/targets";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { rejection } from "./rejection";

// Issue 19, item 8: a refused connection had no hint, and https:// to a plain-HTTP port showed only OpenSSL's "wrong version number".

/** A loopback port nothing listens on: bound to get a free one, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let s3: EmbeddedS3;
let closed: number;
beforeAll(async () => {
  s3 = await startS3rver();
  await s3.createBucket("hints");
  closed = await closedPort();
  Object.assign(process.env, { BCT_HINT_KEY: S3RVER_KEY, OS_AUTH_TOKEN: "hint-token" });
});
afterAll(async () => {
  delete process.env["OS_AUTH_TOKEN"];
  await s3?.stop();
});

const s3Target = (endpoint: string): Target => ({
  profile: "s3",
  bucket: "hints",
  endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyIdEnv: "BCT_HINT_KEY", secretAccessKeyEnv: "BCT_HINT_KEY" },
});
const swiftTarget = (endpoint: string): Target => ({ profile: "swift", bucket: "hints", endpoint });
/** The message with the SDK's or OpenSSL's own detail cut out: it varies with the Node and OpenSSL versions, the hint does not. */
const shape = (message: string) => message.replace(/failed \((\w+)\): .*? — /, "failed ($1): … — ");

describe("S3 backend: network failures say what to check", () => {
  test("fails with ECONNREFUSED on a closed port, naming the address and asking whether the server runs", async () => {
    const error = await rejection(s3Backend.get(s3Target(`http://127.0.0.1:${closed}`)));
    expect([error.code, error.serviceCode, shape(error.message)]).toEqual([
      "NetworkError",
      "ECONNREFUSED",
      `GetBucketCors on S3-compatible storage bucket "hints" failed (ECONNREFUSED): … — nothing listens on 127.0.0.1:${closed} — is the server running? check the endpoint`,
    ]);
  });

  test("fails with a TLS error when https:// addresses s3rver's plain-HTTP port, giving the http:// endpoint", async () => {
    const https = s3.endpoint.replace("http://", "https://");
    const error = await rejection(s3Backend.get(s3Target(https)));
    expect([error.code, shape(error.message)]).toEqual([
      "NetworkError",
      `GetBucketCors on S3-compatible storage bucket "hints" failed (${error.serviceCode}): … — the server speaks plain HTTP, not TLS — use "${s3.endpoint}"`,
    ]);
    expect(error.message).toMatch(/wrong version number/);
  });
});

describe("Swift backend: network failures say what to check", () => {
  test("fails with ECONNREFUSED on a closed port, naming the address", async () => {
    const error = await rejection(swiftBackend.get(swiftTarget(`http://127.0.0.1:${closed}/v1/AUTH_test`)));
    expect([error.code, error.serviceCode, shape(error.message)]).toEqual([
      "NetworkError",
      "ECONNREFUSED",
      `HeadContainer on OpenStack Swift container "hints" failed (ECONNREFUSED): … — nothing listens on 127.0.0.1:${closed} — is the server running? check the endpoint`,
    ]);
  });

  test("fails with a TLS error when https:// addresses a plain-HTTP port (s3rver's), giving the http:// storage URL", async () => {
    const https = `${s3.endpoint.replace("http://", "https://")}/v1/AUTH_test`;
    const error = await rejection(swiftBackend.get(swiftTarget(https)));
    expect([error.code, shape(error.message)]).toEqual([
      "NetworkError",
      `HeadContainer on OpenStack Swift container "hints" failed (${error.serviceCode}): … — the server speaks plain HTTP, not TLS — use "${s3.endpoint}/v1/AUTH_test"`,
    ]);
  });
});
