import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
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
 * Starts s3rver on 127.0.0.1 on `port` (0: a free one), storing into a fresh temporary directory
 * (docs/test-servers.md, "s3rver": defaults to override).
 */
export async function runS3rver(directoryPrefix: string, port = 0): Promise<RunningS3rver> {
  if (port !== 0) await assertPortFree(port);
  const directory = mkdtempSync(join(tmpdir(), directoryPrefix));
  const server = new S3rver({ address: "127.0.0.1", port, silent: true, directory, vhostBuckets: false });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    // Nothing was stored yet, and the caller never gets a close() to call.
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Rejects with listen's own error (EADDRINUSE…) when `port` cannot be bound on 127.0.0.1. s3rver
 * 3.7.1 cannot report it: its run() never settles on a listen error, and the http server's
 * unhandled "error" event ends the process (node_modules/s3rver/lib/s3rver.js, listen()).
 */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}
