import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject, testedPulumiVersion } from "../../testkit/engine/project";
import { program, type PolicySpec } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

const credentialEnv = { BCORS_VER_KEY_ID: "S3RVER", BCORS_VER_SECRET: "versions-secret" };
const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], exposeHeaders: ["ETag"] }];
const live = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], ExposeHeaders: ["etag"] }];

/** The newest @pulumi/pulumi 3.x on the registry, asked at test time (the point is to try what users get today). */
function newestPulumi3(): string {
  const versions = JSON.parse(execFileSync("npm", ["view", "@pulumi/pulumi@^3", "version", "--json"], { encoding: "utf8", timeout: 60_000 })) as
    string | string[];
  const list = Array.isArray(versions) ? versions : [versions];
  return list[list.length - 1]!;
}

describeWithPulumi(
  "Versions through the real pulumi CLI",
  (cli) => {
    let s3: EmbeddedS3;
    const policy = (bucket: string): PolicySpec => ({
      name: "site",
      target: {
        preset: "s3",
        args: { bucket, endpoint: s3.endpoint, credentials: { accessKeyIdEnv: "BCORS_VER_KEY_ID", secretAccessKeyEnv: "BCORS_VER_SECRET" } },
      },
      args: { rules },
    });

    beforeAll(async () => {
      s3 = await startS3rver();
      for (const bucket of ["newest", "upgrade"]) await s3.createBucket(bucket);
    });

    afterAll(async () => s3?.stop());

    test("a program on the newest @pulumi/pulumi 3.x shares its one copy with this package, and works", async () => {
      const newest = newestPulumi3();
      const installed = await installedProject({ pulumiVersion: newest });
      expect(installed.pulumiCopies).toEqual({ "@pulumi/pulumi": newest });
      const ws = await EngineWorkspace.create(installed, { project: "cors-newest", binDir: cli().binDir, env: credentialEnv, route: "inline" });
      await ws.program(program([policy("newest")]));
      expect(opsOf(await ws.up())).toEqual(["create site"]);
      expect(await s3.liveRules("newest")).toEqual(live);
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      expect(await s3.liveRules("newest")).toBeNull();
    }, 600_000);

    test("upgrading this package between two ups shows no diff, and destroy runs with the new version", async () => {
      const before = await installedProject({ packageVersion: "0.1.0-engine.1" });
      const after = await installedProject({ packageVersion: "0.2.0-engine.2" });
      expect(before.pulumiCopies).toEqual({ "@pulumi/pulumi": testedPulumiVersion() });
      const ws = await EngineWorkspace.create(before, { project: "cors-upgrade", binDir: cli().binDir, env: credentialEnv, route: "directory" });
      await ws.program(program([policy("upgrade")]));
      expect(opsOf(await ws.up())).toEqual(["create site"]);

      ws.useInstalled(after);
      expect(JSON.parse(fs.readFileSync(path.join(ws.projectDir, "node_modules", "pulumi-bucket-cors", "package.json"), "utf8")).version).toBe(
        "0.2.0-engine.2",
      );
      await ws.program(program([policy("upgrade")]));
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
      expect(opsOf(await ws.up())).toEqual(["same site"]);
      expect(await s3.liveRules("upgrade")).toEqual(live);
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      expect(await s3.liveRules("upgrade")).toBeNull();
    }, 900_000);
  },
  { route: "directory" },
);
