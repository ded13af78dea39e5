import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { EngineWorkspace } from "../../testkit/engine/workspace";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { cors, every, first, internalError, stall } from "../faults/faults";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
const target = cors.targets.s3({
  bucket: "items",
  endpoint: config.require("endpoint"),
  credentials: { accessKeyIdEnv: "BCORS_ITEMS_KEY", secretAccessKeyEnv: "BCORS_ITEMS_SECRET" },
});
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] };
const cases: Record<string, cors.CorsPolicyArgs> = {
  good: { target, rules: [app], propagationTimeoutSeconds: 1 },
  nan: { target, rules: [{ ...app, maxAgeSeconds: NaN }] },
  surrogate: { target, rules: [{ ...app, allowedOrigins: ["https://a\\uD800.example"] }] },
  budget: { target, rules: [app], timeouts: { operationSeconds: 3, totalSeconds: 2 } },
  configKeys: { target: cors.targets.s3({ bucket: "items", endpoint: config.require("endpoint") }), rules: [app], propagationTimeoutSeconds: 1 },
};
new cors.CorsPolicy("site", cases[config.require("case")]!);
`;

// Issue 23, item 11, on the real engine: what check receives for maxAgeSeconds: NaN (NaN itself,
// which the message used to show as "null is a number"); a lone surrogate, which @pulumi/pulumi's
// encoder drops before check could see it, so the SDK refuses it in the program; and a refresh or
// destroy that fails, which the dynamic provider host printed with a stack trace and the message twice;
// and -v=9 logs, which hold the bucket-cors: config keys (upstream) but not keys named by variable.

/** The message of every GetBucketCors the fault proxy fails. */
const FAILED_READ = 'GetBucketCors on S3-compatible storage bucket "items" failed (500 InternalError): We encountered an internal error. Please try again.';
/** A stack frame line, as the host printed them. */
const FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

/** The secret each way of giving keys uses (s3rver checks the access key only). */
const ENV_SECRET = "items-secret-3f9a";
const CONFIG_SECRET = "config-secret-verbose-7c21";

/** Every log file the engine wrote into `dir` (glog, under -v, writes to $TMPDIR). */
function logsIn(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith("pulumi"))
    .map((name) => fs.readFileSync(path.join(dir, name), "utf8"))
    .join("\n");
}

/** What the engine prints after "Diagnostics:", where each message is shown once per resource. */
const diagnostics = (output: string) => output.slice(output.indexOf("Diagnostics:"));
const count = (text: string, part: string) => text.split(part).length - 1;

let s3: EmbeddedS3;
let proxy: FaultProxy;

describeWithPulumi(
  "Smaller items of issue 23 on the real engine (pulumi typed in the project directory)",
  (cli) => {
    let ws: EngineWorkspace;
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcors-verbose-"));

    beforeAll(async () => {
      s3 = await startS3rver();
      await s3.createBucket("items");
      proxy = await startFaultProxy(s3.endpoint);
      ws = await EngineWorkspace.create(await installedProject(), {
        project: "cors-items",
        binDir: cli().binDir,
        route: "directory",
        env: { BCORS_ITEMS_KEY: "S3RVER", BCORS_ITEMS_SECRET: ENV_SECRET, TMPDIR: logDir },
      });
      await ws.program(PROGRAM);
      await ws.pulumi(["config", "set", "endpoint", proxy.url]);
    }, 600_000);

    afterAll(async () => {
      proxy?.plan();
      await ws?.attempt("destroy");
      await proxy?.stop();
      await s3?.stop();
      fs.rmSync(logDir, { recursive: true, force: true });
    });

    test("-v=9 logs the bucket-cors: config secret (upstream), but never a secret named by variable in credentials (the recommendation)", async () => {
      await ws.pulumi(["config", "set", "case", "configKeys"]);
      await ws.pulumi(["config", "set", "--secret", "bucket-cors:accessKeyId", "S3RVER"]);
      await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", CONFIG_SECRET]);
      await ws.pulumi(["up", "--yes", "--skip-preview", "-v=9", "--stack", ws.stack]);
      expect(logsIn(logDir)).toContain(CONFIG_SECRET);
      await ws.destroy();
      await ws.pulumi(["config", "rm", "bucket-cors:accessKeyId"]);
      await ws.pulumi(["config", "rm", "bucket-cors:secretAccessKey"]);
      for (const name of fs.readdirSync(logDir)) fs.rmSync(path.join(logDir, name), { recursive: true, force: true });
      await ws.pulumi(["config", "set", "case", "good"]);
      await ws.pulumi(["up", "--yes", "--skip-preview", "-v=9", "--stack", ws.stack]);
      const logs = logsIn(logDir);
      expect(logs).toContain("BCORS_ITEMS_SECRET");
      expect(logs).not.toContain(ENV_SECRET);
      await ws.destroy();
    });

    test("fails at preview when maxAgeSeconds is NaN, saying it must be a finite whole number of seconds", async () => {
      await ws.pulumi(["config", "set", "case", "nan"]);
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      expect(diagnostics(result.output)).toContain(
        "error: pulumi-nodejs:dynamic/bucket-cors:CorsPolicy resource 'site' has a problem: rules[0].maxAgeSeconds: NaN is not a finite number; maxAgeSeconds is a finite whole number of seconds — use e.g. 3600, or omit it\n",
      );
    });

    test("fails at preview when an origin holds a lone surrogate, escaped, with no stack trace, and nothing is written", async () => {
      await ws.pulumi(["config", "set", "case", "surrogate"]);
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      expect(diagnostics(result.output)).toContain(
        'error: CorsPolicy "site": rules[0].allowedOrigins[0]: "https://a\\ud800.example" holds a lone surrogate (\\uD800), half of a UTF-16 pair, which Pulumi cannot send as written (its encoder drops or garbles it, so the bucket would get another value) — remove it, or write the whole character\n',
      );
      expect(result.output).not.toMatch(FRAME);
      expect(await s3.liveRules("items")).toBeNull();
    });

    test("fails when a create's calls together pass timeouts.totalSeconds, each under operationSeconds (issue 23, item 5)", async () => {
      await ws.pulumi(["config", "set", "case", "budget"]);
      proxy.plan(first(1, cors("GET"), stall(1_200)), first(1, cors("PUT"), stall(1_200)));
      const started = Date.now();
      const result = await ws.attempt("up");
      proxy.plan();
      expect(result.ok).toBe(false);
      const shown = diagnostics(result.output).replace(/ \d+(\.\d+)? s\b(?! \(timeouts)/g, " N s");
      // A create whose write may have landed is a partial failure: the engine lists its reasons and records the resource.
      expect(shown).toContain(
        '\t* create hit its overall deadline of 2 s (timeouts.totalSeconds; raise it if the service is this slow) after 2 calls: read N s, write N s (cut off) — PutBucketCors on S3-compatible storage "items" had no complete answer when it ran out\n',
      );
      expect(shown).toContain(
        'The write may still have reached the bucket: S3-compatible storage bucket "items" holds either 1 rule ([GET] from https://app.example.com) or no CORS configuration — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write',
      );
      expect(shown).toContain(
        "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only",
      );
      expect(result.output).not.toMatch(FRAME);
      expect(Date.now() - started).toBeLessThan(120_000);
      // Whether or not the held PUT reached s3rver after the cut, the next up converges, as the message says.
      await ws.pulumi(["config", "set", "case", "good"]);
      await ws.up();
      await ws.destroy();
    });

    test("a failed refresh and a failed destroy show the message once per resource and no stack trace", async () => {
      await ws.pulumi(["config", "set", "case", "good"]);
      await ws.up();
      proxy.plan(every(cors("GET"), internalError()));
      const refresh = await ws.attempt("refresh");
      expect(refresh.ok).toBe(false);
      expect(refresh.output).not.toMatch(FRAME);
      expect(refresh.output).not.toContain("BackendError");
      expect(count(diagnostics(refresh.output), FAILED_READ)).toBe(1);
      const destroy = await ws.attempt("destroy");
      expect(destroy.ok).toBe(false);
      expect(destroy.output).not.toMatch(FRAME);
      expect(destroy.output).not.toContain("BackendError");
      expect(count(diagnostics(destroy.output), FAILED_READ)).toBe(1);
      expect(await s3.liveRules("items")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]);
    });
  },
  { route: "directory" },
);
