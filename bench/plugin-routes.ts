/**
 * The two routes of issue 20 on the real engine, each next to a do-nothing resource of its own kind
 * in the same run, through the same CLI, with pulumi typed in the project directory (the plugin is
 * found through the Pulumi.yaml `plugins:` path, which an inline program does not read):
 * - dynamic: `cors.CorsPolicy` vs a dynamic resource that stores its inputs (as engine.ts);
 * - plugin: the plugin's `bucket-cors:index:CorsPolicy` vs a provider plugin whose create stores
 *   its inputs (`@pulumi/pulumi/provider`'s server, a few lines, written to a temporary directory);
 * state bytes per resource, `pulumi up` and a no-change `pulumi preview` of BENCH_PLUGIN_COUNT
 * resources (default 100) on s3rver; then `pulumi up` of BENCH_RGW_COUNT CorsPolicy on a loopback
 * Ceph RGW on each route (default 20; 1000 for the issue's figure) vs as many bare PutBucketCors
 * calls, 8 at a time as `pulumi up`'s default --parallel here (`pulumi up --help`: "default 8"),
 * made right before each route's up (BENCH_RGW_NOTHING=1: also as many do-nothing plugin resources).
 * BENCH_PLUGIN_PARTS=s3rver or rgw runs one of the two parts.
 * Each state figure comes with one entry's bytes by field: where the state goes.
 */
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installedProject, type InstalledProject } from "../testkit/engine/project";
import { findPulumiCli } from "../testkit/engine/pulumi-cli";
import { literal } from "../testkit/engine/programs";
import { PLUGIN_TOKEN, pluginProgram, usePluginBuild } from "../testkit/engine/plugin-program";
import { CORS_POLICY_TYPE, EngineWorkspace, type ExportedResource } from "../testkit/engine/workspace";
import { startS3rver } from "../testkit/s3rver";
import { startBenchRgw } from "./cli-vs-tools";
import { bytesPerResource, doNothingProgram, seconds } from "./engine";
import { report } from "./measure";

const COUNT = Number(process.env["BENCH_PLUGIN_COUNT"] ?? 100);
const RGW_COUNT = Number(process.env["BENCH_RGW_COUNT"] ?? 20);
/** BENCH_ROUTES=plugin (or dynamic) measures one route on s3rver; both by default. */
const ROUTES = (process.env["BENCH_ROUTES"] ?? "dynamic,plugin").split(",") as Route[];
/** BENCH_PLUGIN_PARTS=rgw (or s3rver) runs one part: the 1,000-bucket RGW run takes long enough to be run on its own. */
const PARTS = (process.env["BENCH_PLUGIN_PARTS"] ?? "s3rver,rgw").split(",");
const PARALLEL = 8;
/** Port of this bench's own RGW (cli-vs-tools.ts uses 7499, the test suites others). */
const RGW_PORT = "7498";
const NOTHING_TOKEN = "nothing:index:Resource";
const rules = [
  {
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: ["GET", "PUT"],
    allowedHeaders: ["content-type"],
    exposeHeaders: ["ETag"],
    maxAgeSeconds: 600,
  },
];

type Route = "dynamic" | "plugin";

/** `count` resources of the route's CorsPolicy on buckets `<prefix>0…`, or of the same kind's do-nothing resource. */
function program(route: Route, doNothing: boolean, endpoint: string, prefix: string, count: number, profile = "s3"): string {
  const target = `{ profile: ${JSON.stringify(profile)}, bucket: ${JSON.stringify(prefix)} + i, endpoint: ${JSON.stringify(endpoint)} }`;
  const loop = (statement: string) => `for (let i = 0; i < ${count}; i++) {\n  ${statement}\n}\n`;
  if (route === "plugin") {
    const cls = doNothing
      ? `class Nothing extends pulumi.CustomResource {\n  constructor(name: string, args: pulumi.Inputs) {\n    super(${JSON.stringify(NOTHING_TOKEN)}, name, args);\n  }\n}`
      : "";
    return pluginProgram(cls, loop(`new ${doNothing ? "Nothing" : "PluginCorsPolicy"}("p" + i, { target: ${target}, rules: ${literal(rules)} });`));
  }
  if (doNothing) return doNothingProgram(loop(`new DoNothing("p" + i, { target: ${target}, rules: ${literal(rules)} });`));
  return `import * as cors from "pulumi-bucket-cors";\n${loop(`new cors.CorsPolicy("p" + i, { target: ${target} as cors.TargetInput, rules: ${literal(rules)} });`)}`;
}

/** A provider plugin `nothing` whose create stores its inputs; the directory the Pulumi.yaml `plugins:` path names. */
function doNothingPlugin(): string {
  const dir = mkdtempSync("/tmp/bench-nothing-");
  const server = require.resolve("@pulumi/pulumi/provider");
  writeFileSync(
    join(dir, "nothing.js"),
    `require(${JSON.stringify(server)}).main({ version: "0.0.1",
  async create(_urn, inputs) { return { id: inputs.target.bucket, outs: inputs }; },
  async diff() { return { changes: false }; },
}, process.argv.slice(2));\n`,
  );
  writeFileSync(join(dir, "pulumi-resource-nothing"), `#!/bin/sh\nexec node "$(dirname "$0")/nothing.js" "$@"\n`);
  chmodSync(join(dir, "pulumi-resource-nothing"), 0o755);
  return dir;
}

async function workspace(
  installed: InstalledProject,
  binDir: string,
  name: string,
  nothingDir: string,
  keys: Record<string, string>,
): Promise<EngineWorkspace> {
  // An hour per operation: `up` of 1,000 resources on a loaded 2-core machine outlasts the suites' 5 minutes.
  const ws = await EngineWorkspace.create(installed, { project: name, binDir, route: "directory", operationTimeoutMs: 3_600_000 });
  usePluginBuild(ws.projectDir);
  writeFileSync(
    join(ws.projectDir, "Pulumi.yaml"),
    `${readFileSync(join(ws.projectDir, "Pulumi.yaml"), "utf8")}    - name: nothing\n      path: ${nothingDir}\n`,
  );
  // The keys both CorsPolicy routes read (the dynamic provider reads bucket-cors: config as the plugin does).
  await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", keys["accessKeyId"]!]);
  await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", keys["secretAccessKey"]!]);
  return ws;
}

/**
 * Bytes of what the resource's own inputs and outputs hold, JSON as `pulumi stack export` prints them
 * (issue 20's target for the plugin: the whole state entry ≤ 1.2× this). The rest of an entry is the
 * engine's (urn, type, id, parent, provider reference, timestamps, propertyDependencies) and the
 * Node SDK's sourcePosition and stackTrace, the same for any resource of a program.
 */
function inputsAndOutputs(entries: readonly ExportedResource[]): number {
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? {}));
  return entries.reduce((sum, r) => sum + size(r.inputs) + size(r.outputs), 0) / entries.length;
}

/** One state entry's bytes by top-level field (inputs and outputs also by their own fields): where the state goes. */
function breakdown(label: string, entry: ExportedResource | undefined): void {
  if (entry === undefined) return;
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  const fields = (record: object) =>
    Object.entries(record)
      .map(([key, value]) => `${key} ${size(value)}`)
      .join(", ");
  console.log(`${label}: ${size(entry)} bytes: ${fields(entry)}`);
  if (entry.inputs !== undefined) console.log(`  inputs: ${fields(entry.inputs)}`);
  if (entry.outputs !== undefined) console.log(`  outputs: ${fields(entry.outputs)}`);
  if (process.env["BENCH_STATE_SAMPLE"] !== undefined) console.log(JSON.stringify(entry, null, 2));
}

async function onS3rver(installed: InstalledProject, binDir: string, nothingDir: string): Promise<void> {
  const s3 = await startS3rver();
  try {
    for (let i = 0; i < COUNT; i++) await s3.client.send(new CreateBucketCommand({ Bucket: `bench-${i}` }));
    const keys = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
    for (const route of ROUTES) {
      const type = route === "dynamic" ? CORS_POLICY_TYPE : PLUGIN_TOKEN;
      const cors = await workspace(installed, binDir, `bench-${route}`, nothingDir, keys);
      const nothing = await workspace(installed, binDir, `bench-${route}-nothing`, nothingDir, keys);
      await cors.program(program(route, false, s3.endpoint, "bench-", COUNT));
      await nothing.program(program(route, true, s3.endpoint, "bench-", COUNT));
      const upNothing = await seconds(() => nothing.up());
      const upCors = await seconds(() => cors.up());
      report(`${route}: pulumi up, ${COUNT} resources`, upCors, upNothing, "s");
      const previewNothing = await seconds(() => nothing.preview({ expectNoChanges: true }));
      const previewCors = await seconds(() => cors.preview({ expectNoChanges: true }));
      report(`${route}: pulumi preview, no changes, ${COUNT} resources`, previewCors, previewNothing, "s");
      const nothingType = route === "dynamic" ? "pulumi-nodejs:dynamic:Resource" : NOTHING_TOKEN;
      const ours = await cors.resources(type);
      const theirs = await nothing.resources(nothingType);
      report(`${route}: state per resource vs do-nothing`, bytesPerResource(ours, type), bytesPerResource(theirs, nothingType), "bytes");
      report(`${route}: state per resource vs its inputs + outputs`, bytesPerResource(ours, type), inputsAndOutputs(ours), "bytes");
      const outside = (entries: ExportedResource[], kind: string) => bytesPerResource(entries, kind) - inputsAndOutputs(entries);
      report(`${route}: state outside inputs + outputs vs do-nothing's`, outside(ours, type), outside(theirs, nothingType), "bytes");
      breakdown(`${route}: one CorsPolicy state entry`, ours[0]);
      breakdown(`${route}: one do-nothing state entry`, theirs[0]);
      await cors.destroy();
      await nothing.destroy();
    }
  } finally {
    await s3.stop();
  }
}

/** Runs `call(0…count-1)`, `PARALLEL` at a time. */
async function eightAtATime(count: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await call(i);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** `count` PutBucketCors calls, `PARALLEL` at a time. */
async function bareCalls(client: S3Client, prefix: string, count: number): Promise<void> {
  const CORSRules = [
    {
      AllowedOrigins: ["https://app.example.com"],
      AllowedMethods: ["GET", "PUT"],
      AllowedHeaders: ["content-type"],
      ExposeHeaders: ["ETag"],
      MaxAgeSeconds: 600,
    },
  ];
  await eightAtATime(count, (i) => client.send(new PutBucketCorsCommand({ Bucket: `${prefix}${i}`, CORSConfiguration: { CORSRules } })));
}

async function onRgw(installed: InstalledProject, binDir: string, nothingDir: string): Promise<void> {
  const rgw = startBenchRgw(RGW_PORT);
  const { endpoint, keys } = rgw;
  try {
    // RGW refuses a user's 1,001st bucket (TooManyBuckets; rgw_user_max_buckets defaults to 1000,
    // https://docs.ceph.com/en/latest/radosgw/config-ref/); this run makes three sets. rgw.sh's user is "tester".
    execFileSync("radosgw-admin", ["-c", join(rgw.dir, "ceph.conf"), "user", "modify", "--uid=tester", `--max-buckets=${3 * RGW_COUNT + 10}`], {
      stdio: "ignore",
    });
    const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: keys });
    for (const prefix of ["bare-", "dynamic-", "plugin-"])
      await eightAtATime(RGW_COUNT, (i) => client.send(new CreateBucketCommand({ Bucket: `${prefix}${i}` })));
    for (const route of ["dynamic", "plugin"] as const) {
      const ws = await workspace(installed, binDir, `bench-rgw-${route}`, nothingDir, keys);
      await ws.program(program(route, false, endpoint, `${route}-`, RGW_COUNT, "ceph"));
      // The bare calls right before each route's up (they overwrite the same buckets): the baseline shares the route's moment of load.
      const bare = await seconds(() => bareCalls(client, "bare-", RGW_COUNT));
      report(`${route}: pulumi up, ${RGW_COUNT} CorsPolicy on RGW vs bare PutBucketCors`, await seconds(() => ws.up()), bare, "s");
    }
    // BENCH_RGW_NOTHING=1: as many do-nothing plugin resources, for the share of the engine's own work in the figures above.
    if (process.env["BENCH_RGW_NOTHING"] !== undefined) {
      const ws = await workspace(installed, binDir, "bench-rgw-nothing", nothingDir, keys);
      await ws.program(program("plugin", true, endpoint, "plugin-", RGW_COUNT, "ceph"));
      const bare = await seconds(() => bareCalls(client, "bare-", RGW_COUNT));
      report(`do-nothing plugin resource: pulumi up, ${RGW_COUNT} vs bare PutBucketCors`, await seconds(() => ws.up()), bare, "s");
    }
  } finally {
    rgw.stop();
  }
}

export async function pluginRoutesBench(): Promise<void> {
  const cli = findPulumiCli();
  if (!("binDir" in cli)) {
    console.log(`plugin route benchmarks skipped: ${cli.missing}`);
    return;
  }
  const installed = await installedProject();
  const nothingDir = doNothingPlugin();
  try {
    if (PARTS.includes("s3rver")) await onS3rver(installed, cli.binDir, nothingDir);
    if (PARTS.includes("rgw")) await onRgw(installed, cli.binDir, nothingDir);
  } finally {
    rmSync(nothingDir, { recursive: true, force: true });
  }
}
