import * as fs from "node:fs";
import * as path from "node:path";
import { exampleDir, exampleFiles, projectName, type ExampleName } from "../examples/examples";
import { describeWithSwift } from "../servers/real-servers";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { EngineWorkspace } from "../../testkit/engine/workspace";

/*
 * Each examples/ folder run as its README says, through the real pulumi CLI: the example's files
 * in a project made like `pulumi new typescript`, its config set with `pulumi config set`, against
 * loopback servers (s3rver for S3 targets, the real Swift for vStorage). One workspace per example:
 * preview, up, preview --expect-no-changes, destroy, with the server looked at out of band.
 */

const S3RVER_CONFIG = [
  ["bucket-cors:accessKeyId", "S3RVER"],
  ["bucket-cors:secretAccessKey", "S3RVER", "--secret"],
] as const;

/** A workspace holding the example's files (index.ts compiled by the project's tsc) and its config. */
async function exampleWorkspace(
  name: ExampleName,
  binDir: string,
  env: Record<string, string>,
  config: ReadonlyArray<readonly string[]>,
): Promise<EngineWorkspace> {
  const ws = await EngineWorkspace.create(await installedProject(), { project: projectName(name), binDir, env, route: "directory" });
  // create() wrote the template's Pulumi.yaml, package.json, tsconfig.json and .gitignore; the data files come from the example.
  for (const file of exampleFiles(name)) {
    if (!["Pulumi.yaml", "package.json", "tsconfig.json", ".gitignore", "index.ts"].includes(file))
      fs.copyFileSync(path.join(exampleDir(name), file), path.join(ws.projectDir, file));
  }
  for (const [key, value, flag] of config) await ws.pulumi(["config", "set", ...(flag === undefined ? [] : [flag]), key!, value!]);
  await ws.program(fs.readFileSync(path.join(exampleDir(name), "index.ts"), "utf8"));
  return ws;
}

describeWithPulumi(
  "examples/ through the real pulumi CLI on loopback servers",
  (cli) => {
    let s3: EmbeddedS3;
    beforeAll(async () => {
      s3 = await startS3rver();
    });
    afterAll(async () => s3?.stop());

    describe("quickstart on s3rver", () => {
      let ws: EngineWorkspace;
      beforeAll(async () => {
        await s3.createBucket("quickstart-assets");
        ws = await exampleWorkspace("quickstart", cli().binDir, {}, [["bucket", "quickstart-assets"], ["endpoint", s3.endpoint], ...S3RVER_CONFIG]);
      }, 600_000);

      test("preview plans the create; up writes the rules; a second preview has no changes", async () => {
        expect(opsOf(await ws.preview())).toEqual(["create quickstart"]);
        expect(opsOf(await ws.up())).toEqual(["create quickstart"]);
        expect(await s3.liveRules("quickstart-assets")).toEqual([
          {
            ID: "app",
            AllowedOrigins: ["https://app.example.com"],
            AllowedMethods: ["GET", "HEAD"],
            AllowedHeaders: ["content-type", "x-amz-*"],
            ExposeHeaders: ["etag"],
            MaxAgeSeconds: 3600,
          },
          { ID: "public-read", AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
        ]);
        expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same quickstart"]);
      });

      test("destroy removes the configuration", async () => {
        expect(opsOf(await ws.destroy())).toEqual(["delete quickstart"]);
        expect(await s3.liveRules("quickstart-assets")).toBeNull();
      });
    });
    describe("adopt-existing on s3rver", () => {
      let ws: EngineWorkspace;
      const handMade = [{ ID: "legacy", AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET", "HEAD"], MaxAgeSeconds: 600 }];
      beforeAll(async () => {
        await s3.createBucket("legacy-assets");
        await s3.putRules("legacy-assets", handMade);
        ws = await exampleWorkspace("adopt-existing", cli().binDir, {}, [
          ["bucket", "legacy-assets"],
          ["region", "us-east-1"],
          ["endpoint", s3.endpoint],
          ...S3RVER_CONFIG,
        ]);
      }, 600_000);

      test("up adopts the hand-made configuration, which stays as it was; a second preview has no changes", async () => {
        expect(opsOf(await ws.preview())).toEqual(["create adopted"]);
        expect(opsOf(await ws.up())).toEqual(["create adopted"]);
        expect(await s3.liveRules("legacy-assets")).toEqual(handMade);
        expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same adopted"]);
      });

      test("destroy removes the adopted configuration", async () => {
        expect(opsOf(await ws.destroy())).toEqual(["delete adopted"]);
        expect(await s3.liveRules("legacy-assets")).toBeNull();
      });
    });

    describe("from-dashboard-json on s3rver (R2 and AWS targets pointed at it)", () => {
      let ws: EngineWorkspace;
      beforeAll(async () => {
        for (const bucket of ["r2-assets", "aws-assets"]) await s3.createBucket(bucket);
        const config = [
          ["r2AccountId", "0123456789abcdef0123456789abcdef"],
          ["r2Bucket", "r2-assets"],
          ["r2Endpoint", s3.endpoint],
          ["awsBucket", "aws-assets"],
          ["awsRegion", "us-east-1"],
          ["awsEndpoint", s3.endpoint],
          ...S3RVER_CONFIG,
        ];
        ws = await exampleWorkspace("from-dashboard-json", cli().binDir, { R2_ACCESS_KEY_ID: "S3RVER", R2_SECRET_ACCESS_KEY: "S3RVER" }, config);
      }, 600_000);

      test("up writes each document's rules; a second preview has no changes", async () => {
        expect(opsOf(await ws.preview()).sort()).toEqual(["create dashboard-json", "create s3-xml"]);
        expect(opsOf(await ws.up()).sort()).toEqual(["create dashboard-json", "create s3-xml"]);
        expect(await s3.liveRules("r2-assets")).toEqual([
          {
            AllowedOrigins: ["http://localhost:3000", "https://app.example.com"],
            AllowedMethods: ["GET", "PUT"],
            AllowedHeaders: ["content-type"],
            ExposeHeaders: ["etag"],
            MaxAgeSeconds: 3600,
          },
        ]);
        expect(await s3.liveRules("aws-assets")).toEqual([
          {
            ID: "app",
            AllowedOrigins: ["https://app.example.com"],
            AllowedMethods: ["GET", "PUT"],
            AllowedHeaders: ["content-type"],
            ExposeHeaders: ["etag"],
            MaxAgeSeconds: 3600,
          },
        ]);
        expect(opsOf(await ws.preview({ expectNoChanges: true })).sort()).toEqual(["same dashboard-json", "same s3-xml"]);
      });

      test("destroy removes both configurations", async () => {
        expect(opsOf(await ws.destroy()).sort()).toEqual(["delete dashboard-json", "delete s3-xml"]);
        expect(await s3.liveRules("r2-assets")).toBeNull();
        expect(await s3.liveRules("aws-assets")).toBeNull();
      });
    });

    describeWithSwift("multi-cloud on s3rver (AWS, R2, Spaces, and a Space the program creates) and the real Swift (vStorage)", (swift) => {
      let ws: EngineWorkspace;
      let ops: SwiftOps;
      const buckets = ["aws-assets-mc", "r2-assets-mc", "spaces-assets-mc"];
      beforeAll(async () => {
        const info = swift();
        ops = await swiftOps(info.authUrl, info.user, info.key);
        await ops.createContainer("media-mc");
        for (const bucket of buckets) await s3.createBucket(bucket);
        const config = [
          ["awsBucket", "aws-assets-mc"],
          ["awsRegion", "us-east-1"],
          ["awsEndpoint", s3.endpoint],
          ["r2AccountId", "0123456789abcdef0123456789abcdef"],
          ["r2Bucket", "r2-assets-mc"],
          ["r2Endpoint", s3.endpoint],
          ["spacesBucket", "spaces-assets-mc"],
          ["spacesRegion", "nyc3"],
          ["spacesEndpoint", s3.endpoint],
          ["uploadsBucket", "uploads-mc"],
          ["vstorageContainer", "media-mc"],
          ["vstorageRegion", "hcm03"],
          ...S3RVER_CONFIG,
        ];
        const env = {
          R2_ACCESS_KEY_ID: "S3RVER",
          R2_SECRET_ACCESS_KEY: "S3RVER",
          SPACES_KEY: "S3RVER",
          SPACES_SECRET: "S3RVER",
          ST_AUTH: info.authUrl,
          ST_USER: info.user,
          ST_KEY: info.key,
        };
        ws = await exampleWorkspace("multi-cloud", cli().binDir, env, config);
      }, 600_000);

      test("up creates the uploads bucket and writes the rule set on it, the three buckets and the container; a second preview has no changes", async () => {
        // "uploads" twice: the program's S3Bucket and the CorsPolicy given its name as an Output.
        const children = ["media-vstorage", "uploads", "uploads", "web", "web-aws-aws-assets-mc", "web-r2-r2-assets-mc", "web-spaces-spaces-assets-mc"];
        await expect(s3.liveRules("uploads-mc")).rejects.toMatchObject({ name: "NoSuchBucket" });
        expect(opsOf(await ws.preview()).sort()).toEqual(children.map((c) => `create ${c}`));
        expect(opsOf(await ws.up()).sort()).toEqual(children.map((c) => `create ${c}`));
        expect(JSON.parse(await ws.pulumi(["stack", "output", "uploadsBucket", "--json"]))).toBe("uploads-mc");
        for (const bucket of [...buckets, "uploads-mc"]) {
          expect(await s3.liveRules(bucket)).toEqual([
            {
              ID: "app",
              AllowedOrigins: ["https://app.example.com"],
              AllowedMethods: ["GET", "PUT", "HEAD"],
              AllowedHeaders: ["content-type"],
              ExposeHeaders: ["etag"],
              MaxAgeSeconds: 3600,
            },
            { ID: "public", AllowedOrigins: ["*"], AllowedMethods: ["GET", "HEAD"] },
          ]);
        }
        const META = "x-container-meta-access-control-";
        expect(await ops.corsMeta("media-mc")).toEqual({
          [`${META}allow-origin`]: "* https://app.example.com",
          [`${META}expose-headers`]: "etag",
          [`${META}max-age`]: "3600",
        });
        expect(opsOf(await ws.preview({ expectNoChanges: true })).sort()).toEqual(children.map((c) => `same ${c}`));
      });

      test("destroy removes every configuration", async () => {
        const result = await ws.destroy();
        expect(opsOf(result).sort()).toEqual([
          "delete media-vstorage",
          "delete uploads",
          "delete uploads",
          "delete web",
          "delete web-aws-aws-assets-mc",
          "delete web-r2-r2-assets-mc",
          "delete web-spaces-spaces-assets-mc",
        ]);
        // The policy goes before the bucket it depends on, and the bucket itself is gone.
        expect(result.steps.filter((s) => s.name === "uploads").map((s) => `${s.op} ${s.type.split(":").pop()}`)).toEqual([
          "delete CorsPolicy",
          "delete S3Bucket",
        ]);
        await expect(s3.liveRules("uploads-mc")).rejects.toMatchObject({ name: "NoSuchBucket" });
        for (const bucket of buckets) expect(await s3.liveRules(bucket)).toBeNull();
        expect(await ops.corsMeta("media-mc")).toEqual({});
      });
    });
  },
  { route: "directory" },
);
