/**
 * `npm run s3rver -- [--port N] BUCKET[=CORS-FILE]...`: s3rver on 127.0.0.1, port 4568 unless
 * `--port` says otherwise (0 picks a free one), with each BUCKET created and, given a CORS-FILE
 * (an aws-json document, as `bucket-cors get --format aws-json` writes), that configuration on it.
 * Prints one line once it serves, runs until Ctrl-C or SIGTERM, then removes its storage (a
 * temporary directory named `--storage-prefix`, default `bucket-cors-s3rver-`, and six characters).
 *
 * The demo starts it with fork(): the ready message then also goes over the IPC channel, and the
 * server stops when that channel closes, so even a killed demo leaves no server behind.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { CORSRule } from "@aws-sdk/client-s3";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { runS3rver, S3RVER_KEY } from "../../testkit/s3rver-server";

/** The port the examples' READMEs configure (`pulumi config set endpoint http://127.0.0.1:4568`). */
const DEFAULT_PORT = 4568;

/** What a forked server sends its parent once it serves. */
export interface S3rverReady {
  readonly endpoint: string;
}

interface Bucket {
  readonly name: string;
  readonly corsFile?: string;
}

function parseBucket(arg: string): Bucket {
  const at = arg.indexOf("=");
  if (at === -1) return { name: arg };
  // npm run runs scripts in the package root; INIT_CWD is where the user typed the command.
  return { name: arg.slice(0, at), corsFile: resolve(process.env["INIT_CWD"] ?? process.cwd(), arg.slice(at + 1)) };
}

function corsRulesOf(file: string): CORSRule[] {
  const document = JSON.parse(readFileSync(file, "utf8")) as { CORSRules?: CORSRule[] };
  if (!Array.isArray(document.CORSRules)) throw new Error(`${file}: not an aws-json document (no "CORSRules" array)`);
  return document.CORSRules;
}

async function main(): Promise<void> {
  // The AWS SDK's warning that its 2027 releases need Node 22, on every start: noise here (the
  // SDK's own opt-out, as in the demo).
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  const { values, positionals } = parseArgs({
    options: { port: { type: "string" }, "storage-prefix": { type: "string", default: "bucket-cors-s3rver-" } },
    allowPositionals: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${String(values.port)}: not a port number`);
  const buckets = positionals.map(parseBucket);
  const server = await runS3rver(values["storage-prefix"], port);
  const ops = bucketOps(server.endpoint, { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      ops.client.destroy();
      await server.close();
      // Stopped by the parent's disconnect, the channel is already closed.
      if (process.connected) process.disconnect();
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  process.once("disconnect", () => void stop());
  try {
    for (const bucket of buckets) {
      await ops.createBucket(bucket.name);
      if (bucket.corsFile !== undefined) await ops.putRules(bucket.name, corsRulesOf(bucket.corsFile));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const names = buckets.map((b) => b.name + (b.corsFile === undefined ? "" : ` (CORS from ${b.corsFile})`)).join(", ");
  console.log(`s3rver listening on ${server.endpoint} (keys ${S3RVER_KEY}/${S3RVER_KEY}; buckets: ${names || "none"}); Ctrl-C stops it`);
  process.send?.({ endpoint: server.endpoint } satisfies S3rverReady);
}

main().catch((error: unknown) => {
  console.error(`s3rver: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
  if (process.connected) process.disconnect();
});
