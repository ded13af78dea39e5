import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { literal } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

const credentials = { accessKeyIdEnv: "BCORS_OUT_KEY_ID", secretAccessKeyEnv: "BCORS_OUT_SECRET" };

/**
 * The first thing a Pulumi user writes: the bucket is created by the same program and its id is
 * passed to the preset as an Output. The bucket here is the user's own dynamic resource (a user
 * on AWS would write `new aws.s3.BucketV2(...)`); it creates the bucket on s3rver.
 */
function programWithBucket(endpoint: string, rules: unknown): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

interface BucketInputs { name: string; endpoint: string }

const bucketProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: BucketInputs) {
    const s3 = require("@aws-sdk/client-s3");
    const client = new s3.S3Client({ endpoint: inputs.endpoint, region: "us-east-1", forcePathStyle: true,
      credentials: { accessKeyId: process.env.BCORS_OUT_KEY_ID, secretAccessKey: process.env.BCORS_OUT_SECRET } });
    await client.send(new s3.CreateBucketCommand({ Bucket: inputs.name }));
    return { id: inputs.name, outs: inputs };
  },
  async delete(id: string, props: BucketInputs) {
    const s3 = require("@aws-sdk/client-s3");
    const client = new s3.S3Client({ endpoint: props.endpoint, region: "us-east-1", forcePathStyle: true,
      credentials: { accessKeyId: process.env.BCORS_OUT_KEY_ID, secretAccessKey: process.env.BCORS_OUT_SECRET } });
    await client.send(new s3.DeleteBucketCommand({ Bucket: id }));
  },
};

class Bucket extends pulumi.dynamic.Resource {
  constructor(name: string, args: { name: string; endpoint: string }) {
    super(bucketProvider, name, args, {});
  }
}

const endpoint = ${JSON.stringify(endpoint)};
const bucket = new Bucket("uploads", { name: "uploads-" + pulumi.getStack(), endpoint });

const policy = new cors.CorsPolicy("uploads", {
  target: cors.targets.s3({ bucket: bucket.id, endpoint, credentials: ${literal(credentials)} }),
  rules: ${literal(rules)},
});

export const bucketName = bucket.id;
export const fingerprint = policy.fingerprint;
`;
}

describeWithPulumi(
  "A bucket created by the same program, passed as an Output, through the real pulumi CLI (typed in the project directory)",
  (cli) => {
    let s3: EmbeddedS3;
    let ws: EngineWorkspace;
    const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }];

    beforeAll(async () => {
      s3 = await startS3rver();
      ws = await EngineWorkspace.create(await installedProject(), {
        project: "cors-outputs",
        binDir: cli().binDir,
        route: "directory",
        env: { BCORS_OUT_KEY_ID: "S3RVER", BCORS_OUT_SECRET: "outputs-secret" },
      });
    }, 600_000);

    afterAll(async () => s3?.stop());

    test("preview validates the rules while the bucket is still unknown", async () => {
      await ws.program(programWithBucket(s3.endpoint, [{ allowedOrigins: ["https://app.example.com:443"], allowedMethods: ["GET"] }]));
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      expect(result.output).toContain(
        `resource 'uploads' has a problem: rules[0].allowedOrigins[0]: "https://app.example.com:443" names the default port; browsers leave it out of the Origin header, so this never matches — use "https://app.example.com"`,
      );
    });

    test("preview lists both creates; up creates the bucket, then its CORS policy", async () => {
      await ws.program(programWithBucket(s3.endpoint, rules));
      expect(opsOf(await ws.preview())).toEqual(["create uploads", "create uploads"]);
      const result = await ws.up();
      expect(result.steps.map((s) => `${s.op} ${s.type.split(":").pop()}`)).toEqual(["create Resource", "create CorsPolicy"]);
      expect(await s3.liveRules("uploads-dev")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }]);
      expect(JSON.parse(await ws.pulumi(["stack", "output", "bucketName", "--json"]))).toBe("uploads-dev");
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same uploads", "same uploads"]);
    });

    // Issue 11, "one target, one resource": a second policy on the same bucket would overwrite (or refuse) the
    // first's rules, and either one's delete would empty the bucket.
    test("preview fails when a second CorsPolicy resolves to the bucket an Output names, naming both resources", async () => {
      const second = `
new cors.CorsPolicy("uploads-again", {
  target: cors.targets.s3({ bucket: "uploads-" + pulumi.getStack(), endpoint, credentials: ${literal(credentials)} }),
  rules: ${literal(rules)},
});
`;
      await ws.program(programWithBucket(s3.endpoint, rules) + second);
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      expect(result.output).toContain(
        `CorsPolicy "uploads" and CorsPolicy "uploads-again" both target S3-compatible storage bucket "uploads-dev": a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy, or point one of them at another bucket`,
      );
      await ws.program(programWithBucket(s3.endpoint, rules));
    });

    test("destroy removes the policy before the bucket", async () => {
      const result = await ws.destroy();
      expect(result.steps.map((s) => `${s.op} ${s.type.split(":").pop()}`)).toEqual(["delete CorsPolicy", "delete Resource"]);
    });
  },
  { route: "directory" },
);
