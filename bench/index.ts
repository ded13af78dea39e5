/**
 * `npm run bench`: each figure next to a baseline measured in the same run; `npm run bench -- get check-diff`
 * runs only the benches named (the keys of `BENCHES`).
 * - serialized provider size vs the smallest possible dynamic provider;
 * - `bucket-cors lint` whole-process time vs `node -e ""` (needs `npm run build`);
 * - `bucket-cors apply`/`get` whole-process vs `aws s3api` and `s3cmd` on a loopback Ceph RGW (cli-vs-tools.ts);
 * - provider GetBucketCors (through the backend: client cache, codec, normalization) vs a bare SDK call on the same s3rver;
 * - Check+Diff round trips through the real provider host for 1,000 resources vs a do-nothing provider in the same host;
 * - the real engine (engine.ts): pulumi up / no-change preview of 100 resources and state bytes per resource, vs do-nothing dynamic resources;
 * - the dynamic and the plugin route side by side (plugin-routes.ts): state, up, preview vs do-nothing resources of each kind; up on RGW vs bare calls.
 */
import { GetBucketCorsCommand } from "@aws-sdk/client-s3";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { s3Backend } from "../provider/backends/s3/backend";
import { createHarness } from "../testkit/host";
import { startS3rver } from "../testkit/s3rver";
import { policyProgram } from "../testkit/policy-program";
import { cliVsTools } from "./cli-vs-tools";
import { engineBench } from "./engine";
import { pluginRoutesBench } from "./plugin-routes";
import { alternatingMs, medianMs, report } from "./measure";

async function serializedSize(provider: object): Promise<number> {
  const text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
  return Buffer.byteLength(text);
}

async function providerSize(): Promise<void> {
  const { corsPolicyProvider } = await import("../provider/provider");
  const minimal = { create: async () => ({ id: "x" }) };
  report("serialized __provider size", await serializedSize(corsPolicyProvider), await serializedSize(minimal), "bytes");
}

async function operationLatency(): Promise<void> {
  const s3 = await startS3rver();
  try {
    await s3.createBucket("bench");
    await s3.putRules("bench", [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }]);
    process.env["BENCH_KEY"] = "S3RVER";
    const target = {
      profile: "s3" as const,
      bucket: "bench",
      endpoint: s3.endpoint,
      credentials: { accessKeyIdEnv: "BENCH_KEY", secretAccessKeyEnv: "BENCH_KEY" },
    };
    // Interleaved rounds, the same warm-up for both (issue 21: timing ours first, then the bare call, measured the load too).
    const [ours, bare] = await alternatingMs(
      () => s3Backend.get(target),
      () => s3.client.send(new GetBucketCorsCommand({ Bucket: "bench" })),
      400,
      20,
    );
    report("GetBucketCors via the provider backend (median, ABBA)", ours, bare, "ms");
  } finally {
    await s3.stop();
  }
}

async function checkDiffThroughput(): Promise<void> {
  const harness = await createHarness({ project: "bench", stack: "bench" });
  try {
    const target = { profile: "aws", bucket: "assets", region: "eu-west-1" };
    const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"] }];
    const plan = await harness.preview(policyProgram({ name: "site", args: { target, rules } }));
    const provider = plan.steps[0]!.inputs!["__provider"] as string;
    const doNothing = (
      await pulumi.runtime.serializeFunction(
        () => ({ create: async () => ({ id: "x" }), check: async (_o: unknown, n: unknown) => ({ inputs: n }), diff: async () => ({ changes: false }) }),
        { allowSecrets: true },
      )
    ).text;
    const urn = harness.host.urn("pulumi-nodejs:dynamic/bucket-cors:CorsPolicy", "site");
    const olds = {
      target,
      rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"] }],
      onExisting: "fail",
      verify: "read",
      resourceId: "aws:assets",
      fingerprint: "sha256:0",
    };
    const run = async (providerText: string) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 1000; i++) {
        const checked = await harness.host.check({ urn, olds, news: { target, rules, __provider: providerText } });
        await harness.host.diff({ urn, id: "aws:assets", olds: { ...olds, __provider: providerText }, news: checked.inputs, oldInputs: olds });
      }
      return 1000 / (Number(process.hrtime.bigint() - start) / 1e9);
    };
    await run(provider);
    await run(doNothing);
    report("check+diff through the provider host (resources/s)", await run(provider), await run(doNothing), "res/s");
  } finally {
    await harness.stop();
  }
}

/** Whole-process time of `bucket-cors lint` (offline: no AWS SDK loaded) vs an empty Node process. */
async function cliProcessTime(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bcors-bench-"));
  const file = join(dir, "cors.json");
  writeFileSync(file, JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }] }));
  const cli = join(__dirname, "..", "dist", "cli", "bin.js");
  const unbundled = join(__dirname, "..", "dist", "cli", "main.js");
  const run = (args: string[]) => async () => execFileSync(process.execPath, args, { stdio: "ignore" });
  try {
    const lint = await medianMs(run([cli, "lint", file]), 15, 2);
    report("bucket-cors lint, whole process (median of 15)", lint, await medianMs(run(["-e", ""]), 15, 2), "ms");
    report("bucket-cors lint: bin vs unbundled dist/cli/main.js", lint, await medianMs(run([unbundled, "lint", file]), 15, 2), "ms");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every bench by the name `npm run bench -- <name>…` selects (none named: all, in this order). */
const BENCHES = {
  size: providerSize,
  lint: cliProcessTime,
  tools: cliVsTools,
  get: operationLatency,
  "check-diff": checkDiffThroughput,
  engine: engineBench,
  "plugin-routes": pluginRoutesBench,
} as const;

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !Object.hasOwn(BENCHES, name));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(", ")}: choose from ${Object.keys(BENCHES).join(", ")}`);
  const chosen = names.length === 0 ? Object.keys(BENCHES) : names;
  for (const name of chosen) await BENCHES[name as keyof typeof BENCHES]();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
