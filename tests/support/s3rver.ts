import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { bucketOps, type BucketOps } from "./s3-bucket-ops";

// s3rver has no type declarations; it is a devDependency used only by tests and the demo.
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/** An embedded s3rver on loopback and an SDK client to look at it out of band. */
export interface EmbeddedS3 extends BucketOps {
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 with a fresh directory (docs/test-servers.md, "s3rver": defaults to override). */
export async function startS3rver(): Promise<EmbeddedS3> {
  const directory = mkdtempSync(join(tmpdir(), "bcors-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false });
  const { port } = await server.run();
  // s3rver knows one key pair, S3RVER/S3RVER, and does not check signatures (docs/test-servers.md, "s3rver").
  const ops = bucketOps(`http://127.0.0.1:${port}`, { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
  return {
    ...ops,
    stop: async () => {
      ops.client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
