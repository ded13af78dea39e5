import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { literal } from "../../testkit/engine/programs";
import { EngineWorkspace, ROUTE_WORDS, type EngineRoute } from "../../testkit/engine/workspace";

// Issue 23, item 1: the one-bucket check fired inside an `apply`, after the engine had started
// creating. With `up --skip-preview` (what Automation API `stack.up()` does), two of three
// policies on one bucket were created, a later delete emptied the bucket while the state still
// claimed its rules, and the refusal took 40–80 s and 4 GB. Now each policy's claim is an input
// that resolves only once the bucket is known and the others had their turn: every claimant of
// a contested bucket fails check, so none is created and the bucket keeps what it held.

const credentials = { accessKeyIdEnv: "BCORS_CLAIM_KEY_ID", secretAccessKeyEnv: "BCORS_CLAIM_SECRET" };
/** What the bucket held before the program ran: it must hold exactly this afterwards. */
const HELD = [{ AllowedOrigins: ["https://kept.example"], AllowedMethods: ["GET"] }];

/**
 * `count` CorsPolicy resources on one bucket, named p0…, each with other rules and `overwrite`
 * (the setting under which a created loser would have replaced the bucket's rules). `created`: the
 * bucket is a resource of the program (a dynamic resource creating it on s3rver, standing in for
 * `aws.s3.BucketV2`), so the target is unknown at preview; otherwise a plain string.
 */
function program(endpoint: string): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const bucketName = config.require("bucket");
const endpoint = ${JSON.stringify(endpoint)};

const bucketProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { name: string; endpoint: string }) {
    const s3 = require("@aws-sdk/client-s3");
    const client = new s3.S3Client({ endpoint: inputs.endpoint, region: "us-east-1", forcePathStyle: true,
      credentials: { accessKeyId: process.env.BCORS_CLAIM_KEY_ID, secretAccessKey: process.env.BCORS_CLAIM_SECRET } });
    await client.send(new s3.CreateBucketCommand({ Bucket: inputs.name })).catch((e: Error) => {
      if (e.name !== "BucketAlreadyOwnedByYou" && e.name !== "BucketAlreadyExists") throw e;
    });
    return { id: inputs.name, outs: inputs };
  },
  async delete() {},
};
class Bucket extends pulumi.dynamic.Resource {
  constructor(name: string, args: { name: string; endpoint: string }) {
    super(bucketProvider, name, args, {});
  }
}

const bucket: pulumi.Input<string> = config.getBoolean("created") ? new Bucket("bucket-" + bucketName, { name: bucketName, endpoint }).id : bucketName;
if (config.getBoolean("set")) {
  new cors.CorsPolicySet("site", {
    targets: [cors.targets.s3({ bucket: bucketName, endpoint, credentials: ${literal(credentials)} })],
    rules: [{ allowedOrigins: ["https://set.example"], allowedMethods: ["GET"] }],
  });
  new cors.CorsPolicy("site-s3-" + bucketName, {
    target: cors.targets.s3({ bucket: bucketName, endpoint, credentials: ${literal(credentials)} }),
    rules: [{ allowedOrigins: ["https://policy.example"], allowedMethods: ["GET"] }],
  });
}
for (let i = 0; i < count; i++) {
  new cors.CorsPolicy("p" + i, {
    target: cors.targets.s3({ bucket, endpoint, credentials: ${literal(credentials)} }),
    rules: [{ allowedOrigins: ["https://p" + i + ".example"], allowedMethods: ["GET"] }],
    onExisting: "overwrite",
  });
}
`;
}

/** The refusal every claimant prints (sdk/one-per-bucket.ts), for p0…p{count-1} on one bucket. */
function refusal(count: number, bucket: string): string {
  const names = Array.from({ length: count }, (_, i) => `CorsPolicy "p${i}"`);
  const where = `S3-compatible storage bucket "${bucket}": a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy`;
  return count === 2
    ? `${names[0]} and ${names[1]} both target ${where}, or point one of them at another bucket`
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} all target ${where}, or point the others at other buckets`;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

for (const route of ["directory", "inline"] as const satisfies readonly EngineRoute[]) {
  describeWithPulumi(
    `Two or more CorsPolicy on one bucket: none is created, even without a preview (${ROUTE_WORDS[route]})`,
    (cli) => {
      let s3: EmbeddedS3;
      let ws: EngineWorkspace;

      beforeAll(async () => {
        s3 = await startS3rver();
        ws = await EngineWorkspace.create(await installedProject(), {
          project: `cors-claims-${route}`,
          binDir: cli().binDir,
          route,
          env: { BCORS_CLAIM_KEY_ID: "S3RVER", BCORS_CLAIM_SECRET: "S3RVER" },
        });
        await ws.program(program(s3.endpoint));
      }, 600_000);

      afterAll(async () => s3?.stop());

      /** Runs `up` without a preview on a bucket holding HELD; returns the output after checking nothing was created. */
      async function upWithoutPreview(count: number, bucket: string, created: boolean): Promise<string> {
        await s3.createBucket(bucket);
        await s3.putRules(bucket, HELD);
        await ws.pulumi(["config", "set", "count", String(count)]);
        await ws.pulumi(["config", "set", "bucket", bucket]);
        await ws.pulumi(["config", "set", "created", String(created)]);
        const result = await ws.attempt("up", { skipPreview: true });
        expect(result.ok).toBe(false);
        expect(await s3.liveRules(bucket)).toEqual(HELD);
        expect(await ws.resources()).toEqual([]);
        return result.output;
      }

      test.each([
        [2, false],
        [10, false],
        [2, true],
        [10, true],
      ])("%i policies, bucket created by the program: %s — every one is refused, the bucket keeps its rules", async (count, created) => {
        const bucket = `claims-${route}-${count}-${created ? "created" : "plain"}`;
        const output = await upWithoutPreview(count, bucket, created);
        // The engine stops at the first check failure without a preview, so one claimant reports it.
        expect(output).toMatch(new RegExp(`resource 'p\\d' has a problem: ${escaped(refusal(count, bucket))}`));
      });

      test("a CorsPolicySet child and a CorsPolicy of the same name on one bucket are two claimants", async () => {
        const bucket = `claims-${route}-set`;
        await ws.pulumi(["config", "set", "set", "true"]);
        const output = await upWithoutPreview(0, bucket, false);
        await ws.pulumi(["config", "rm", "set"]);
        expect(output).toContain(
          `CorsPolicy "site-s3-${bucket}" (in CorsPolicySet "site") and CorsPolicy "site-s3-${bucket}" both target S3-compatible storage bucket "${bucket}": a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy, or point one of them at another bucket`,
        );
      });
    },
    { route },
  );
}
