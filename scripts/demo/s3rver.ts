import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import type { S3rverReady } from "../servers/s3rver-run";

export { S3RVER_KEY };

/** The demo's s3rver, in a process of its own. */
export interface DemoS3 {
  readonly endpoint: string;
  /** Stops the server (it removes its directory) and waits for its process to exit. */
  stop(): Promise<void>;
}

const RUN = join(__dirname, "..", "servers", "s3rver-run.ts");
const START_TIMEOUT_MS = 30_000;

/**
 * Starts s3rver on a free loopback port with `buckets` created, in a child process: never in the
 * demo's own, where any synchronous wait (a spawnSync of the CLI) would stop it answering the
 * provider, which then fails with a timeout. The child stops when the demo's IPC channel closes.
 * Its storage is a temporary directory named `storagePrefix` and six characters.
 */
export async function startS3rver(buckets: readonly string[], storagePrefix = "bucket-cors-demo-s3-"): Promise<DemoS3> {
  const child = fork(RUN, ["--port", "0", "--storage-prefix", storagePrefix, ...buckets], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const endpoint = await readyEndpoint(child);
  return {
    endpoint,
    stop: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

function readyEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`s3rver did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once("message", (message: S3rverReady) => {
      clearTimeout(timer);
      resolve(message.endpoint);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited before serving (${signal ?? `exit code ${String(code)}`}); its error is above`));
    });
  });
}
