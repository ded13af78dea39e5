import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { program } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";
import { describeWithRgw } from "../servers/real-servers";

// Issue 23, item 9: RGW 16.2 answers 200 to a MaxAgeSeconds of 2³² and stores the rule without it; the read-back
// differed only in max-age (described identically on both sides), `up` blamed "another writer" and left the
// rewritten rules on the bucket, and the next `up` refused them as "not managed by this stack". 1e308 passed
// preview and RGW answered 400 MalformedXML, still worded as a write that "may still have reached the bucket".

const OLD = [{ allowedOrigins: ["https://old.example"], allowedMethods: ["GET"], maxAgeSeconds: 600 }];
const OLD_LIVE = [{ AllowedOrigins: ["https://old.example"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 }];
const withMaxAge = (maxAgeSeconds: number) => [{ allowedOrigins: ["https://old.example"], allowedMethods: ["GET"], maxAgeSeconds }];
const PROBLEM = "error: pulumi-nodejs:dynamic/bucket-cors:CorsPolicy resource 'site' has a problem: ";

describeWithRgw("Server rewrites on Ceph RGW 16.2", (rgw) => {
  let ops: BucketOps;

  beforeAll(async () => {
    const info = rgw();
    ops = bucketOps(info.endpoint, info, info.region);
    for (const bucket of ["measured", "ceph-refused", "generic-dropped"]) await ops.createBucket(bucket);
  });

  afterAll(() => ops?.client.destroy());

  // The measurements the ceph profile's maxAgeKept cites (provider/profiles/table.ts).
  test("RGW answers 200 to MaxAgeSeconds 4294967296 and reads the rule back without it; 1e+308 is refused with 400 MalformedXML", async () => {
    await ops.putRules("measured", [{ AllowedOrigins: ["*"], AllowedMethods: ["GET"], MaxAgeSeconds: 4294967296 }]);
    expect(await ops.liveRules("measured")).toEqual([{ AllowedOrigins: ["*"], AllowedMethods: ["GET"] }]);
    const refused = await ops.putRules("measured", [{ AllowedOrigins: ["*"], AllowedMethods: ["GET"], MaxAgeSeconds: 1e308 }]).catch((e: unknown) => e);
    expect([(refused as { name?: string }).name, (refused as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode]).toEqual([
      "MalformedXML",
      400,
    ]);
    expect(await ops.liveRules("measured")).toEqual([{ AllowedOrigins: ["*"], AllowedMethods: ["GET"] }]);
  });

  describeWithPulumi(
    "through the real pulumi CLI (inline program)",
    (cli) => {
      let ws: EngineWorkspace;

      beforeAll(async () => {
        ws = await EngineWorkspace.create(await installedProject(), { project: "cors-rgw-rewrites", binDir: cli().binDir, route: "inline" });
      }, 600_000);

      const deploy = (preset: "ceph" | "s3", bucket: string, rules: unknown[]) => {
        const info = rgw();
        const version = preset === "ceph" ? { version: "16.2" } : {};
        const args = { bucket, endpoint: info.endpoint, credentials: info.credentialEnv, ...version };
        return ws.program(program([{ name: "site", target: { preset, args }, args: { rules, propagationTimeoutSeconds: 1 } }]));
      };

      test.each([
        [
          4294967296,
          "rules[0].maxAgeSeconds: 4294967296 is more than 4294967294, the most Ceph RGW keeps: it answers the put with 200 and stores the rule without any max-age, so browsers would cache the preflight for their default 5 s — use 7200 (Chrome's cap)",
        ],
        [
          1e308,
          "rules[0].maxAgeSeconds: 1e+308 is more than 9007199254740991, the largest whole number sent exactly; from 1e21 up it is sent as 1e+21, which servers refuse (Ceph RGW: 400 MalformedXML) — use 7200 (Chrome's cap)",
        ],
      ])("fails at preview when a ceph target's maxAgeSeconds is %d, and up leaves the bucket's rules as they were", async (maxAge, reason) => {
        await deploy("ceph", "ceph-refused", OLD);
        expect(opsOf(await ws.up())).toEqual(["create site"]);
        await deploy("ceph", "ceph-refused", withMaxAge(maxAge));
        const preview = await ws.attempt("preview");
        expect(preview.ok).toBe(false);
        expect(preview.output).toContain(`${PROBLEM}${reason}\n`);
        expect((await ws.attempt("up")).ok).toBe(false);
        expect(await ops.liveRules("ceph-refused")).toEqual(OLD_LIVE);
        await deploy("ceph", "ceph-refused", OLD);
        expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      });

      // The generic s3 profile knows nothing of RGW: the put goes out, and the read-back shows the rule without max-age.
      test("fails when a generic s3 target's max-age is dropped by RGW: the rewrite is named, not blamed on another writer, and the previous rules are restored", async () => {
        await deploy("s3", "generic-dropped", OLD);
        expect(opsOf(await ws.up())).toEqual(["create site"]);
        await deploy("s3", "generic-dropped", withMaxAge(4294967296));
        const failed = await ws.attempt("up");
        expect(failed.ok).toBe(false);
        const where = 'S3-compatible storage bucket "generic-dropped"';
        // The engine prints the failure's lines indented: compare them without the indent.
        expect(failed.output.replace(/\n +/g, "\n")).toContain(
          `error: ${where} did not serve the new CORS configuration within 1 s: wanted 1 rule ([GET] from https://old.example max-age 4294967296), read back 1 rule ([GET] from https://old.example) — the service stored them without rules[0].maxAgeSeconds, so it cannot hold these rules as written: change or remove that value\nThe previous configuration was restored (1 rule ([GET] from https://old.example max-age 600)).`,
        );
        expect(failed.output).not.toContain("Another writer");
        expect(await ops.liveRules("generic-dropped")).toEqual(OLD_LIVE);
        // The state kept the old rules (the update was undone), so the program put back is no change.
        await deploy("s3", "generic-dropped", OLD);
        expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
        expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      });
    },
    { route: "inline" },
  );
});
