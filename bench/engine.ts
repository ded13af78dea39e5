/**
 * The real engine: `pulumi up` and a no-change `pulumi preview` of 100 CorsPolicy resources on
 * s3rver vs 100 do-nothing dynamic resources with the same inputs, through the same CLI, project
 * and backend; and state bytes per resource from `pulumi stack export`. Needs the CLI
 * (scripts/pulumi/install.sh); without it this part says so and is skipped.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { installedProject } from "../testkit/engine/project";
import { findPulumiCli } from "../testkit/engine/pulumi-cli";
import { literal } from "../testkit/engine/programs";
import { EngineWorkspace, type ExportedResource } from "../testkit/engine/workspace";
import { startS3rver } from "../testkit/s3rver";
import { median, report } from "./measure";

const COUNT = 100;
const RUNS = 3;
const credentials = { accessKeyIdEnv: "BENCH_ENGINE_KEY", secretAccessKeyEnv: "BENCH_ENGINE_SECRET" };
const rules = [
  {
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: ["GET", "PUT"],
    allowedHeaders: ["content-type"],
    exposeHeaders: ["ETag"],
    maxAgeSeconds: 600,
  },
];

function corsProgram(endpoint: string): string {
  return `import * as cors from "pulumi-bucket-cors";

const endpoint = ${JSON.stringify(endpoint)};
const rules = cors.rules(${literal(rules)});
for (let i = 0; i < ${COUNT}; i++) {
  new cors.CorsPolicy("p" + i, { target: cors.targets.s3({ bucket: "bench-" + i, endpoint, credentials: ${literal(credentials)} }), rules });
}
`;
}

/**
 * The baseline program: a dynamic resource that stores its inputs and does nothing else, declared by
 * `body` (`new DoNothing(name, args)`); this bench and plugin-routes.ts's dynamic route both use it.
 */
export function doNothingProgram(body: string): string {
  return `import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { target: { bucket: string } }) {
    return { id: inputs.target.bucket, outs: inputs };
  },
};

class DoNothing extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    super(provider, name, args, {});
  }
}

${body}`;
}

export async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Mean bytes of one resource's entry (inputs, outputs, serialized provider, URNs) in the exported state. */
export function bytesPerResource(resources: readonly ExportedResource[], type: string): number {
  const ours = resources.filter((r) => r.type === type);
  return ours.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0) / ours.length;
}

export async function engineBench(): Promise<void> {
  const cli = findPulumiCli();
  if (!("binDir" in cli)) {
    console.log(`engine benchmarks skipped: ${cli.missing}`);
    return;
  }
  const s3 = await startS3rver();
  try {
    for (let i = 0; i < COUNT; i++) await s3.client.send(new CreateBucketCommand({ Bucket: `bench-${i}` }));
    const installed = await installedProject();
    const env = { BENCH_ENGINE_KEY: "S3RVER", BENCH_ENGINE_SECRET: "bench-secret" };
    const cors = await EngineWorkspace.create(installed, { project: "bench-cors", binDir: cli.binDir, env, route: "inline" });
    const nothing = await EngineWorkspace.create(installed, { project: "bench-nothing", binDir: cli.binDir, env, route: "inline" });
    await cors.program(corsProgram(s3.endpoint));
    await nothing.program(
      doNothingProgram(`const endpoint = ${JSON.stringify(s3.endpoint)};
for (let i = 0; i < ${COUNT}; i++) {
  new DoNothing("p" + i, { target: { profile: "s3", bucket: "bench-" + i, endpoint, credentials: ${literal(credentials)} }, rules: ${literal(rules)} });
}
`),
    );

    // up: create all, then destroy (untimed) so the next run creates again; alternate the two.
    const upCors: number[] = [];
    const upNothing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      upNothing.push(await seconds(() => nothing.up()));
      upCors.push(await seconds(() => cors.up()));
      if (run < RUNS - 1) {
        await nothing.destroy();
        await cors.destroy();
      }
    }
    report(`pulumi up, ${COUNT} resources (median of ${RUNS})`, median(upCors), median(upNothing), "s");

    const previewCors: number[] = [];
    const previewNothing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      previewNothing.push(await seconds(() => nothing.preview({ expectNoChanges: true })));
      previewCors.push(await seconds(() => cors.preview({ expectNoChanges: true })));
    }
    report(`pulumi preview, no changes, ${COUNT} resources (median of ${RUNS})`, median(previewCors), median(previewNothing), "s");

    const corsState = (await cors.exportStack()).deployment.resources ?? [];
    const nothingState = (await nothing.exportStack()).deployment.resources ?? [];
    report(
      "state per resource (pulumi stack export)",
      bytesPerResource(corsState, "pulumi-nodejs:dynamic/bucket-cors:CorsPolicy"),
      bytesPerResource(nothingState, "pulumi-nodejs:dynamic:Resource"),
      "bytes",
    );

    await cors.destroy();
    await nothing.destroy();
  } finally {
    await s3.stop();
  }
}
