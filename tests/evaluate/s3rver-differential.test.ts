import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runS3Differential } from "./s3-differential";

// s3rver has no type declarations; it is a devDependency used only by tests.

const S3rver = require("s3rver") as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

describe('differential: evaluate(..., { dialect: "s3rver" }) against the embedded s3rver 3.7.1', () => {
  let server: InstanceType<typeof S3rver>;
  let client: S3Client;
  let endpoint: string;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "bcors-eval-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    await client.send(new CreateBucketCommand({ Bucket: "bcors-eval" }));
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  test("2,000+ random (policy, request) pairs agree on status, every access-control-* and vary header, and error code and message", async () => {
    const { pairs, mismatches, tally } = await runS3Differential(
      { endpoint, client, bucket: "bcors-eval", missingBucket: "bcors-missing", key: "k", concurrent: false, dialect: "s3rver" },
      20260523,
      260,
      8,
    );
    expect(pairs).toBeGreaterThanOrEqual(2000);
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(mismatches).toHaveLength(0);
    // The draw hits and misses: every kind of answer occurs often.
    expect(Object.keys(tally).sort()).toEqual([
      "actual with CORS headers",
      "actual without CORS headers",
      "preflight 200",
      "preflight 403 BadRequest",
      "preflight 403 CORSResponse",
    ]);
    expect(Object.entries(tally).filter(([, n]) => n < 15)).toEqual([]);
  });
});
