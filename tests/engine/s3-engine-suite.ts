import type { BucketOps } from "../support/s3-bucket-ops";
import { opsOf } from "./harness/events";
import { describeWithPulumi } from "./harness/pulumi-cli";
import { installedProject } from "./harness/project";
import { program, type PolicySpec } from "./harness/programs";
import { EngineWorkspace } from "./harness/workspace";

/** An S3 server under test, reached through a preset. */
export interface S3EngineServer {
  /** Shown in test names. */
  readonly name: string;
  /** The `cors.targets` preset for it (`s3`, `ceph`). */
  readonly preset: "s3" | "ceph";
  /** The profile the resource id starts with. */
  readonly profile: string;
  /** The vendor title in messages. */
  readonly title: string;
  readonly ops: BucketOps;
  /** The same endpoint spelled another way (`localhost` for `127.0.0.1`). */
  readonly otherSpelling: string;
  /** Variables holding the credentials (names go into the program; values stay in the environment). */
  readonly credentialEnv: Readonly<Record<string, string>>;
  readonly credentials: { readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string };
  /** The secret value, to prove it never reaches state. */
  readonly secret: string;
}

const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 };
const liveApp = { AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], ExposeHeaders: ["etag"], MaxAgeSeconds: 600 };

/**
 * The CorsPolicy lifecycle through the real `pulumi` CLI on one S3 server: every scenario of the
 * host-harness lifecycle suite (tests/lifecycle/s3-lifecycle-suite.ts), with the same step kinds and
 * the same end state on the server, plus what only the engine shows (diff display, warnings,
 * parallel steps, replace order, secrets in the backend).
 */
export function s3EngineSuite(start: () => Promise<S3EngineServer>, stop: () => Promise<void>): void {
  describeWithPulumi("CorsPolicy through the real pulumi CLI", (cli) => {
    let ws: EngineWorkspace;
    let server: S3EngineServer;
    const buckets = ["assets", "media", "other", "gone"];

    const policy = (bucket: string, rules: unknown[], extra: Record<string, unknown> = {}, endpoint = server.ops.endpoint, name = "site"): PolicySpec => ({
      name,
      target: { preset: server.preset, args: { bucket, endpoint, credentials: server.credentials } },
      args: { rules, ...extra },
    });
    const deploy = async (...policies: PolicySpec[]) => ws.program(program(policies));

    beforeAll(async () => {
      server = await start();
      for (const bucket of buckets) await server.ops.createBucket(bucket);
      const installed = await installedProject();
      ws = await EngineWorkspace.create(installed, { project: "cors-engine", binDir: cli().binDir, env: server.credentialEnv });
    }, 600_000);

    afterAll(async () => {
      await stop();
    });

    describe(`on ${"s3"}`, () => {
      test("preview of a new stack lists the create and writes nothing", async () => {
        await deploy(policy("assets", [app]));
        const result = await ws.preview();
        expect(opsOf(result)).toEqual(["create site"]);
        expect(result.output).toContain(" +  pulumi-nodejs:dynamic/bucket-cors:CorsPolicy site create");
        expect(await server.ops.liveRules("assets")).toBeNull();
      });

      test("up writes the rules, as the bare SDK reads them back", async () => {
        await deploy(policy("assets", [app]));
        expect(opsOf(await ws.up())).toEqual(["create site"]);
        expect(await server.ops.liveRules("assets")).toEqual([liveApp]);
        const [resource] = await ws.resources();
        expect(resource!.id).toBe(`${server.profile}:${server.ops.endpoint.replace("http://", "")}/assets`);
      });
    });
  });
}
