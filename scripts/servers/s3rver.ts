import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// s3rver has no type declarations; it is a devDependency used only by the tests, the demo and the benchmarks.
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/** s3rver knows one key pair, S3RVER/S3RVER, and does not check signatures (docs/test-servers.md, "s3rver"). */
export const S3RVER_KEY = "S3RVER";

/** A running embedded s3rver. */
export interface RunningS3rver {
  /** `http://127.0.0.1:PORT`, path-style. */
  readonly endpoint: string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 on a free port, storing into a fresh temporary directory
 * (docs/test-servers.md, "s3rver": defaults to override).
 */
export async function runS3rver(directoryPrefix: string): Promise<RunningS3rver> {
  const directory = mkdtempSync(join(tmpdir(), directoryPrefix));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
