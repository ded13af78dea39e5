import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { medianMs, report } from "./measure";

const ROOT = join(__dirname, "..");
const RGW = join(ROOT, "scripts", "servers", "rgw.sh");
/** Port of the bench's own RGW (the test suites use others). */
const PORT = "7499";
const RUNS = 9;

/** The first path of `name` on PATH, or undefined. */
function which(name: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** s3cmd and the AWS CLI from Debian when missing (the bench runs as root on the CI image); undefined when they cannot be had. */
function tool(name: "aws" | "s3cmd"): string | undefined {
  const path = which(name);
  if (path !== undefined) return path;
  const installed = spawnSync("apt-get", ["install", "-y", "-q", name === "aws" ? "awscli" : "s3cmd"], { stdio: "ignore" });
  return installed.status === 0 ? which(name) : undefined;
}

/** A loopback Ceph RGW of the bench's own on `port` (scripts/servers/rgw.sh), its env file's values, and how to wipe it. */
export function startBenchRgw(port: string): {
  dir: string;
  env: Record<string, string>;
  endpoint: string;
  keys: { accessKeyId: string; secretAccessKey: string };
  stop(): void;
} {
  const dir = mkdtempSync("/tmp/bcb-");
  execFileSync("bash", [RGW, "start", dir, port], { stdio: "ignore" });
  const env = Object.fromEntries(
    readFileSync(join(dir, "env"), "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  ) as Record<string, string>;
  // The SDK's opt-out of its Node 20 notice, as backends/s3/client.ts sets it: the bench's own client would print it amid the figures.
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ||= "true";
  const stop = () => {
    execFileSync("bash", [RGW, "wipe", dir, port], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, env, endpoint: env["RGW_ENDPOINT"]!, keys: { accessKeyId: env["RGW_ACCESS_KEY_ID"]!, secretAccessKey: env["RGW_SECRET_ACCESS_KEY"]! }, stop };
}

/**
 * `bucket-cors apply` and `get` as whole processes against a loopback Ceph RGW, next to
 * what people run for the same: `aws s3api put-bucket-cors` / `get-bucket-cors` and
 * `s3cmd setcors` / `info`, on the same bucket in the same run. Each apply writes (two
 * documents alternate under --on-existing overwrite), as put-bucket-cors and setcors do.
 */
export async function cliVsTools(): Promise<void> {
  const aws = tool("aws");
  const s3cmd = tool("s3cmd");
  const rgw = startBenchRgw(PORT);
  const { dir, env, endpoint, keys } = rgw;
  try {
    await new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: keys }).send(new CreateBucketCommand({ Bucket: "bench" }));
    const files = documents(dir);
    const processEnv = {
      ...process.env,
      ...env,
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_DEFAULT_REGION: "us-east-1",
    };
    const run = (command: string, args: (turn: number) => string[]) => {
      let turn = 0;
      return async () => execFileSync(command, args(turn++), { stdio: "ignore", env: processEnv });
    };
    // The package's bin (the esbuild bundle with its V8 code cache), and the tsc output it replaced, for before/after in one run.
    const cli = join(ROOT, "dist", "cli", "bin.js");
    const unbundled = join(ROOT, "dist", "cli", "main.js");
    const target = [
      "--service",
      "ceph",
      "--endpoint",
      endpoint,
      "--bucket",
      "bench",
      "--access-key-id-env",
      "RGW_ACCESS_KEY_ID",
      "--secret-access-key-env",
      "RGW_SECRET_ACCESS_KEY",
    ];
    const apply = (entry: string) => (t: number) => [entry, "apply", files.json[t % 2]!, ...target, "--on-existing", "overwrite", "--no-lint"];
    const ourApply = await medianMs(run(process.execPath, apply(cli)), RUNS, 2);
    const ourGet = await medianMs(
      run(process.execPath, () => [cli, "get", ...target]),
      RUNS,
      2,
    );
    report("bucket-cors apply: bin vs unbundled dist/cli/main.js", ourApply, await medianMs(run(process.execPath, apply(unbundled)), RUNS, 2), "ms");
    report(
      "bucket-cors get: bin vs unbundled dist/cli/main.js",
      ourGet,
      await medianMs(
        run(process.execPath, () => [unbundled, "get", ...target]),
        RUNS,
        2,
      ),
      "ms",
    );
    if (aws !== undefined) {
      const version = execFileSync(aws, ["--version"], { encoding: "utf8" }).trim().split(" ")[0];
      const s3api = (t: number, verb: string[]) => [
        "s3api",
        ...verb,
        "--endpoint-url",
        endpoint,
        "--bucket",
        "bench",
        ...(t >= 0 ? ["--cors-configuration", `file://${files.json[t % 2]!}`] : []),
      ];
      report(
        `bucket-cors apply vs ${version} s3api put-bucket-cors`,
        ourApply,
        await medianMs(
          run(aws, (t) => s3api(t, ["put-bucket-cors"])),
          RUNS,
          2,
        ),
        "ms",
      );
      report(
        `bucket-cors get vs ${version} s3api get-bucket-cors`,
        ourGet,
        await medianMs(
          run(aws, () => s3api(-1, ["get-bucket-cors"])),
          RUNS,
          2,
        ),
        "ms",
      );
    } else console.log("aws CLI: not installed and apt-get could not install it; skipped");
    if (s3cmd !== undefined) {
      const host = new URL(endpoint).host;
      const config = join(dir, "s3cfg");
      writeFileSync(
        config,
        `[default]\naccess_key = ${keys.accessKeyId}\nsecret_key = ${keys.secretAccessKey}\nhost_base = ${host}\nhost_bucket = ${host}\nuse_https = False\nsignature_v2 = False\n`,
      );
      report(
        "bucket-cors apply vs s3cmd setcors",
        ourApply,
        await medianMs(
          run(s3cmd, (t) => ["-c", config, "setcors", files.xml[t % 2]!, "s3://bench"]),
          RUNS,
          2,
        ),
        "ms",
      );
      report(
        "bucket-cors get vs s3cmd info",
        ourGet,
        await medianMs(
          run(s3cmd, () => ["-c", config, "info", "s3://bench"]),
          RUNS,
          2,
        ),
        "ms",
      );
    } else console.log("s3cmd: not installed and apt-get could not install it; skipped");
  } finally {
    rgw.stop();
  }
}

/** Two documents that differ, as AWS CLI JSON and as S3 XML, so that every apply writes. */
function documents(dir: string): { json: string[]; xml: string[] } {
  const origins = ["https://a.example.com", "https://b.example.com"];
  const json = origins.map((origin, i) => {
    const file = join(dir, `cors-${i}.json`);
    writeFileSync(file, JSON.stringify({ CORSRules: [{ AllowedOrigins: [origin], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }] }));
    return file;
  });
  const xml = origins.map((origin, i) => {
    const file = join(dir, `cors-${i}.xml`);
    writeFileSync(
      file,
      `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>content-type</AllowedHeader></CORSRule></CORSConfiguration>`,
    );
    return file;
  });
  return { json, xml };
}
