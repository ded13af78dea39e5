import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { program } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { appliedThenInternalError, cors, every } from "../faults/faults";

// Issue 23, item 10: an update whose PutBucketCors reached the bucket but was answered with an error left the
// bucket at the new rules and the state at the old ones; reverting the program to the old rules then made `up`
// do nothing and `--expect-no-changes` pass over a bucket holding other rules. The failed update now records the
// policy as unconfirmed (lifecycle/unconfirmed.ts), and the next `up` writes the program's rules.

const OLD = [{ allowedOrigins: ["https://old.example"], allowedMethods: ["GET"] }];
const NEW = [{ allowedOrigins: ["https://new.example"], allowedMethods: ["GET", "PUT"], maxAgeSeconds: 600 }];
const OLD_LIVE = [{ AllowedOrigins: ["https://old.example"], AllowedMethods: ["GET"] }];
const NEW_LIVE = [{ AllowedOrigins: ["https://new.example"], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }];
const WHERE = 'S3-compatible storage bucket "assets"';
const INTERNAL = "failed (500 InternalError): We encountered an internal error. Please try again.";

describeWithPulumi(
  "An update that may have reached the bucket is recorded as unconfirmed (s3rver behind the fault proxy, inline program)",
  (cli) => {
    let ws: EngineWorkspace;
    let s3: EmbeddedS3;
    let proxy: FaultProxy;

    beforeAll(async () => {
      s3 = await startS3rver();
      await s3.createBucket("assets");
      proxy = await startFaultProxy(s3.endpoint);
      const env = { BCORS_UNCONFIRMED_KEY: "S3RVER", BCORS_UNCONFIRMED_SECRET: "unconfirmed-secret-5e2d" };
      ws = await EngineWorkspace.create(await installedProject(), { project: "cors-unconfirmed", binDir: cli().binDir, env, route: "inline" });
    }, 600_000);

    afterAll(async () => {
      await proxy?.stop();
      await s3?.stop();
    });

    const deploy = (rules: unknown[]) =>
      ws.program(
        program([
          {
            name: "site",
            target: {
              preset: "s3",
              args: {
                bucket: "assets",
                endpoint: proxy.url,
                credentials: { accessKeyIdEnv: "BCORS_UNCONFIRMED_KEY", secretAccessKeyEnv: "BCORS_UNCONFIRMED_SECRET" },
              },
            },
            args: { rules, propagationTimeoutSeconds: 1 },
          },
        ]),
      );

    test("fails when an update's PutBucketCors lands but is answered 500; reverting the program then writes the old rules back", async () => {
      await deploy(OLD);
      expect(opsOf(await ws.up())).toEqual(["create site"]);

      // Every PutBucketCors is applied by s3rver, then answered 500 InternalError (the SDK tries 5 times).
      proxy.plan(every(cors("PUT"), appliedThenInternalError()));
      await deploy(NEW);
      const failed = await ws.attempt("up");
      expect(failed.ok).toBe(false);
      // The engine prints the failure's lines indented under "* ": compare them without the indent.
      expect(failed.output.replace(/\n +/g, "\n")).toContain(
        `* PutBucketCors on ${WHERE} ${INTERNAL}\nThe write may still have reached the bucket: ${WHERE} holds either 1 rule ([GET,PUT] from https://new.example max-age 600) or 1 rule ([GET] from https://old.example) — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write\nThe stack records this policy as unconfirmed: the next pulumi up writes the program's rules again, even if they are the previous ones, and pulumi refresh reads what the bucket holds`,
      );
      expect(await s3.liveRules("assets")).toEqual(NEW_LIVE);
      const [recorded] = await ws.resources();
      // The host leaves the serialized provider out of a failure's properties; destroy reads it from the outputs.
      expect(typeof recorded?.outputs?.["__provider"]).toBe("string");
      expect(recorded?.outputs?.["__provider"]).toBe(recorded?.inputs?.["__provider"]);
      // A partially failed update keeps the old inputs (pulumi/pulumi pkg/backend/snapshot.go).
      expect(recorded?.inputs?.["rules"]).toEqual(OLD);
      expect(recorded?.outputs?.["unconfirmed"]).toBe(
        `an update failed after a write that may have reached ${WHERE}: it holds 1 rule ([GET,PUT] from https://new.example max-age 600), or 1 rule ([GET] from https://old.example) as before, or what the failure named`,
      );

      // The program goes back to the rules the state had before: not "no change" while the bucket holds the new ones.
      proxy.plan();
      await deploy(OLD);
      const check = await ws.attempt("preview", { expectNoChanges: true });
      expect([check.ok, opsOf(check)]).toEqual([false, ["update site"]]);
      expect(opsOf(await ws.up())).toEqual(["update site"]);
      expect(await s3.liveRules("assets")).toEqual(OLD_LIVE);
      expect((await ws.resources())[0]?.outputs?.["unconfirmed"]).toBeUndefined();
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      expect(await s3.liveRules("assets")).toBeNull();
    }, 600_000);

    // Item 2 of the safety branch: a create that may have landed was not recorded at all.
    test("fails when a create's PutBucketCors lands but is answered 500: the engine records it as unconfirmed; the next up updates it without a write, and destroy removes it", async () => {
      await s3.deleteRules("assets");
      proxy.plan(every(cors("PUT"), appliedThenInternalError()));
      await deploy(NEW);
      const failed = await ws.attempt("up");
      expect(failed.ok).toBe(false);
      expect(failed.output.replace(/\n +/g, "\n")).toContain(
        "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only",
      );
      expect(await s3.liveRules("assets")).toEqual(NEW_LIVE);
      const [recorded] = await ws.resources();
      expect([recorded?.inputs?.["rules"], recorded?.outputs?.["rules"], typeof recorded?.outputs?.["__provider"]]).toEqual([NEW, NEW, "string"]);
      expect(recorded?.outputs?.["unconfirmed"]).toBe(
        `a create failed after a write that may have reached ${WHERE}: it holds 1 rule ([GET,PUT] from https://new.example max-age 600), or what it held before, as the failure says`,
      );
      proxy.plan();
      proxy.clearLog();
      expect(opsOf(await ws.up())).toEqual(["update site"]);
      expect(proxy.lines().filter((line) => line.startsWith("PUT"))).toEqual([]);
      expect((await ws.resources())[0]?.outputs?.["unconfirmed"]).toBeUndefined();
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      expect(await s3.liveRules("assets")).toBeNull();
    }, 600_000);

    // What testkit/host's stand-in engine does on refresh (testkit/host/README.md), held to the real engine.
    test("a refresh after a create that may have landed reads the rules: the unconfirmed mark and the init error go, and the next preview shows no change", async () => {
      proxy.plan(every(cors("PUT"), appliedThenInternalError()));
      await deploy(NEW);
      expect((await ws.attempt("up")).ok).toBe(false);
      proxy.plan();
      const [failed] = await ws.resources();
      expect([typeof failed?.outputs?.["unconfirmed"], failed?.initErrors?.length]).toEqual(["string", 1]);
      await ws.refresh();
      const [refreshed] = await ws.resources();
      expect([refreshed?.outputs?.["unconfirmed"], refreshed?.initErrors]).toEqual([undefined, undefined]);
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      expect(await s3.liveRules("assets")).toBeNull();
    }, 600_000);
  },
  { route: "inline" },
);
