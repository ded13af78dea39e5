import type { BucketOps } from "../../testkit/s3-bucket-ops";
import { opsOf, refreshesOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { program, type PolicySpec } from "../../testkit/engine/programs";
import { EngineWorkspace, ROUTE_WORDS, type EngineRoute } from "../../testkit/engine/workspace";

/** An S3 server under test, reached through a preset. */
export interface S3EngineServer {
  /** Shown in test names. */
  readonly name: string;
  /** The `cors.targets` preset for it (`s3`, `ceph`, `versitygw`). */
  readonly preset: "s3" | "ceph" | "versitygw";
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
  /** Preset fields beyond bucket, endpoint and credentials (a Ceph `version` pinning the RGW generation running here). */
  readonly presetArgs?: Readonly<Record<string, unknown>>;
  /** How the evaluator explains, in this server's dialect, that PUT from https://evil.example is denied. */
  readonly deniedExplanation: string;
  /** Keys to put in provider config (`bucket-cors:accessKeyId`, secret `bucket-cors:secretAccessKey`). */
  readonly configKeys: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

const app = {
  allowedOrigins: ["https://app.example.com"],
  allowedMethods: ["GET", "PUT"],
  allowedHeaders: ["content-type"],
  exposeHeaders: ["ETag"],
  maxAgeSeconds: 600,
};
const liveApp = {
  AllowedOrigins: ["https://app.example.com"],
  AllowedMethods: ["GET", "PUT"],
  AllowedHeaders: ["content-type"],
  ExposeHeaders: ["etag"],
  MaxAgeSeconds: 600,
};

/**
 * The CorsPolicy lifecycle through the real `pulumi` CLI on one S3 server, on one route: every scenario of the
 * host-harness lifecycle suite (tests/lifecycle/s3-lifecycle-suite.ts), with the same step kinds and
 * the same end state on the server, plus what only the engine shows (diff display, warnings,
 * parallel steps, replace order, secrets in the backend).
 */
/** What server-specific tests get: the workspace (state empty after the common tests), the server and program helpers. */
export interface EngineSuiteContext {
  readonly ws: EngineWorkspace;
  readonly server: S3EngineServer;
  policy(bucket: string, rules: unknown[], extra?: Record<string, unknown>, endpoint?: string, name?: string): PolicySpec;
  deploy(...policies: PolicySpec[]): Promise<void>;
}

/**
 * `scenarios`: the titles of the "every user path" tests to run, in the suite's order (each starts from
 * the state the one before left); all of them when omitted. A title the suite does not have fails at
 * registration, so a renamed scenario is never dropped silently.
 */
export function s3EngineSuite(
  name: string,
  route: EngineRoute,
  start: () => Promise<S3EngineServer>,
  stop: () => Promise<void>,
  extra?: (ctx: () => EngineSuiteContext) => void,
  scenarios?: readonly string[],
): void {
  const registered = new Set<string>();
  const scenario = (title: string, fn: () => Promise<void>): void => {
    registered.add(title);
    if (scenarios === undefined || scenarios.includes(title)) test(title, fn);
  };
  describeWithPulumi(
    `CorsPolicy on ${name} through the real pulumi CLI (${ROUTE_WORDS[route]})`,
    (cli) => {
      let ws: EngineWorkspace;
      let server: S3EngineServer;
      const buckets = ["assets", "media", "other", "gone"];

      const policy = (bucket: string, rules: unknown[], extra: Record<string, unknown> = {}, endpoint = server.ops.endpoint, name = "site"): PolicySpec => ({
        name,
        target: { preset: server.preset, args: { bucket, endpoint, credentials: server.credentials, ...server.presetArgs } },
        args: { rules, ...extra },
      });
      const deploy = async (...policies: PolicySpec[]) => ws.program(program(policies));

      beforeAll(async () => {
        server = await start();
        for (const bucket of buckets) await server.ops.createBucket(bucket);
        const installed = await installedProject();
        ws = await EngineWorkspace.create(installed, { project: "cors-engine", binDir: cli().binDir, env: server.credentialEnv, route });
      }, 600_000);

      afterAll(async () => {
        await stop();
      });

      describe("every user path", () => {
        scenario("preview of a new stack lists the create and writes nothing", async () => {
          await deploy(policy("assets", [app]));
          const result = await ws.preview();
          expect(opsOf(result)).toEqual(["create site"]);
          expect(result.output).toContain(" +  pulumi-nodejs:dynamic/bucket-cors:CorsPolicy site create");
          expect(await server.ops.liveRules("assets")).toBeNull();
        });

        scenario("an invalid policy fails preview with the property path and the fix", async () => {
          await deploy(policy("assets", [{ ...app, allowedOrigins: ["https://app.example.com/"] }]));
          const result = await ws.attempt("preview");
          expect(result.ok).toBe(false);
          expect(result.output).toContain(
            `error: pulumi-nodejs:dynamic/bucket-cors:CorsPolicy resource 'site' has a problem: rules[0].allowedOrigins[0]: "https://app.example.com/" has a path; an origin is "*" or scheme://host[:port] — use "https://app.example.com"`,
          );
          expect(result.output).not.toContain("<nil>");
        });

        scenario("a failing expectation fails preview with its explanation", async () => {
          await deploy(policy("assets", [app], { expect: [{ origin: "https://evil.example", method: "PUT", allowed: true }] }));
          const result = await ws.attempt("preview");
          expect(result.ok).toBe(false);
          expect(result.output).toContain(
            `error: pulumi-nodejs:dynamic/bucket-cors:CorsPolicy resource 'site' has a problem: expect[0]: PUT from https://evil.example: expected allowed, but it is denied ${server.deniedExplanation}`,
          );
        });

        scenario("lint findings are warnings of the resource, and preview still passes", async () => {
          await deploy(policy("assets", [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"] }]));
          const result = await ws.preview();
          expect(result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toEqual([
            `rules[0].allowedOrigins[0]: "*" lets every site send PUT; any page a visitor opens can write to the bucket from the visitor's browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD`,
          ]);
          expect(result.output).toContain('warning: rules[0].allowedOrigins[0]: "*" lets every site send PUT');
        });

        scenario("up writes the rules, as the bare SDK reads them back", async () => {
          await deploy(policy("assets", [app]));
          const result = await ws.up();
          expect(opsOf(result)).toEqual(["create site"]);
          expect(result.output).not.toContain("NodeVersionSupportWarning");
          expect(await server.ops.liveRules("assets")).toEqual([liveApp]);
          const [resource] = await ws.resources();
          expect(resource!.id).toBe(`${server.profile}:${server.ops.endpoint.replace("http://", "")}/assets`);
          expect(resource!.outputs!["rules"]).toEqual([
            {
              allowedOrigins: ["https://app.example.com"],
              allowedMethods: ["GET", "PUT"],
              allowedHeaders: ["content-type"],
              exposeHeaders: ["etag"],
              maxAgeSeconds: 600,
            },
          ]);
        });

        scenario("rules reordered and re-cased: preview --expect-no-changes passes, up is a same", async () => {
          await deploy(policy("assets", [{ ...app, allowedMethods: ["put", "get"], allowedHeaders: ["Content-Type"], exposeHeaders: ["etag"] }]));
          expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
          expect(opsOf(await ws.up())).toEqual(["same site"]);
        });

        scenario("one value changed: preview --diff names it, up applies it", async () => {
          await deploy(policy("assets", [{ ...app, maxAgeSeconds: 900 }]));
          const preview = await ws.preview({ diff: true });
          expect(opsOf(preview)).toEqual(["update site"]);
          expect(preview.output).toContain("~ maxAgeSeconds : 600 => 900");
          expect(opsOf(await ws.up())).toEqual(["update site"]);
          expect((await server.ops.liveRules("assets"))?.[0]?.MaxAgeSeconds).toBe(900);
        });

        scenario("an out-of-band change: refresh records it, up restores the declared rules", async () => {
          await server.ops.putRules("assets", [{ AllowedOrigins: ["https://evil.example"], AllowedMethods: ["GET", "DELETE"] }]);
          const refreshed = await ws.refresh();
          expect(refreshesOf(refreshed)).toEqual(["update site"]);
          expect((await ws.resources())[0]!.outputs!["rules"]).toEqual([{ allowedOrigins: ["https://evil.example"], allowedMethods: ["GET", "DELETE"] }]);
          expect(opsOf(await ws.up())).toEqual(["update site"]);
          expect((await server.ops.liveRules("assets"))?.[0]?.AllowedOrigins).toEqual(["https://app.example.com"]);
        });

        scenario("an out-of-band delete: refresh drops the resource, up creates it again", async () => {
          await server.ops.deleteRules("assets");
          expect(refreshesOf(await ws.refresh())).toEqual(["delete site"]);
          expect(await ws.resources()).toEqual([]);
          expect(opsOf(await ws.up())).toEqual(["create site"]);
          expect((await server.ops.liveRules("assets"))?.[0]?.MaxAgeSeconds).toBe(900);
        });

        // Issue 11, item 1: a respelling was a replace; locationOf now knows the loopback names (and AWS's endpoints).
        scenario("the same bucket spelled differently (localhost for 127.0.0.1) is an update, and the bucket keeps the rules", async () => {
          await deploy(policy("assets", [{ ...app, maxAgeSeconds: 900 }], {}, server.otherSpelling));
          const result = await ws.up();
          expect(opsOf(result)).toEqual(["update site"]);
          expect((await server.ops.liveRules("assets"))?.[0]?.MaxAgeSeconds).toBe(900);
        });

        scenario("the target moves to another bucket: a replace, the new bucket has the rules and the old one none", async () => {
          await deploy(policy("media", [app]));
          const result = await ws.up();
          expect(opsOf(result)).toEqual(["delete-replaced site", "replace site", "create-replacement site"]);
          expect(await server.ops.liveRules("media")).toEqual([liveApp]);
          expect(await server.ops.liveRules("assets")).toBeNull();
        });

        scenario("onExisting: fail refuses a configuration it does not manage and leaves the bucket untouched", async () => {
          const foreign = [{ AllowedOrigins: ["https://other.example"], AllowedMethods: ["GET"] }];
          await server.ops.putRules("other", foreign);
          await deploy(policy("media", [app]), policy("other", [app], {}, undefined, "second"));
          const result = await ws.attempt("up");
          expect(result.ok).toBe(false);
          expect(result.output).toContain(
            `${server.title} bucket "other" already has a CORS configuration that this stack does not manage: 1 rule ([GET] from https://other.example); nothing was changed — set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it`,
          );
          expect(await server.ops.liveRules("other")).toEqual(foreign);
          expect((await ws.resources()).map((r) => r.urn.split("::").pop())).toEqual(["site"]);
        });

        scenario("onExisting: adopt refuses a configuration that differs, and takes over one that matches", async () => {
          await deploy(policy("media", [app]), policy("other", [app], { onExisting: "adopt" }, undefined, "second"));
          expect((await ws.attempt("up")).output).toContain("has a CORS configuration that differs from your rules, so it cannot be adopted as is");
          await deploy(
            policy("media", [app]),
            policy("other", [{ allowedOrigins: ["https://other.example"], allowedMethods: ["get"] }], { onExisting: "adopt" }, undefined, "second"),
          );
          const adopted = await ws.up();
          expect(opsOf(adopted).sort()).toEqual(["create second", "same site"]);
          // The engine says "created"; the provider's note says nothing was written.
          expect(adopted.output).toContain(
            `${server.title} bucket "other" already held rules that mean the same as yours: taken over as it is (onExisting: "adopt"), nothing was written`,
          );
        });

        scenario("onExisting: overwrite replaces a foreign configuration", async () => {
          await server.ops.putRules("gone", [{ AllowedOrigins: ["https://other.example"], AllowedMethods: ["GET"] }]);
          await deploy(policy("media", [app]), policy("gone", [app], { onExisting: "overwrite" }, undefined, "third"));
          expect(opsOf(await ws.up()).sort()).toEqual(["create third", "delete second", "same site"]);
          expect(await server.ops.liveRules("gone")).toEqual([liveApp]);
        });

        scenario("a missing bucket fails up with the service's error and leaves the state as it was", async () => {
          await deploy(policy("media", [app]), policy("no-such-bucket", [app], {}, undefined, "missing"));
          const result = await ws.attempt("up");
          expect(result.ok).toBe(false);
          expect(result.output).toContain(`GetBucketCors on ${server.title} bucket "no-such-bucket" failed (404 NoSuchBucket)`);
          expect((await ws.resources()).map((r) => r.urn.split("::").pop()).sort()).toEqual(["site", "third"]);
        });

        scenario("two policies on different buckets with the engine's default parallelism", async () => {
          await deploy(policy("media", [app]), policy("assets", [{ allowedOrigins: ["https://two.example"], allowedMethods: ["GET"] }], {}, undefined, "two"));
          expect(opsOf(await ws.up()).sort()).toEqual(["create two", "delete third", "same site"]);
          expect(await server.ops.liveRules("gone")).toBeNull();
          expect(await server.ops.liveRules("assets")).toEqual([{ AllowedOrigins: ["https://two.example"], AllowedMethods: ["GET"] }]);
          expect(await server.ops.liveRules("media")).toEqual([liveApp]);
        });

        scenario("the serialized provider in state is at most 2 KB and requires the package by name only", async () => {
          const [resource] = await ws.resources();
          const provider = resource!.inputs!["__provider"] as string;
          expect(Buffer.byteLength(provider)).toBeLessThanOrEqual(2048);
          const required = [...provider.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
          expect([...new Set(required)].sort()).toEqual(["pulumi-bucket-cors/provider"]);
        });

        scenario("a secret in provider config stays out of `pulumi stack export` and every backend file", async () => {
          const secretKey = server.configKeys.secretAccessKey;
          await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", secretKey]);
          await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", server.configKeys.accessKeyId]);
          await deploy(policy("media", [app]), {
            name: "configured",
            target: { preset: server.preset, args: { bucket: "other", endpoint: server.ops.endpoint } },
            args: { rules: [app], onExisting: "overwrite" },
          });
          expect(opsOf(await ws.up()).sort()).toEqual(["create configured", "delete two", "same site"]);
          expect(await server.ops.liveRules("other")).toEqual([liveApp]);
          const exported = await ws.exportStack();
          expect(JSON.stringify(exported)).not.toContain(secretKey);
          // README, "Credentials": the default provider resource stores every stack config key, a
          // key set with --secret as ciphertext only, one set without it in plain text.
          const defaultProvider = exported.deployment.resources?.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
          expect(defaultProvider?.inputs?.["bucket-cors:accessKeyId"]).toBe(server.configKeys.accessKeyId);
          expect(Object.keys(defaultProvider?.inputs?.["bucket-cors:secretAccessKey"] as object).sort()).toEqual([
            "4dabf18193072939515e22adb298388d",
            "ciphertext",
          ]);
          expect(ws.backendText()).not.toContain(secretKey);
          expect(ws.backendText()).not.toContain(server.secret);
        });

        scenario("destroy removes every configuration it manages", async () => {
          expect(opsOf(await ws.destroy()).sort()).toEqual(["delete configured", "delete site"]);
          for (const bucket of buckets) expect(await server.ops.liveRules(bucket)).toBeNull();
          expect(await ws.resources()).toEqual([]);
        });
      });

      const unknown = (scenarios ?? []).filter((title) => !registered.has(title));
      if (unknown.length > 0) throw new Error(`s3EngineSuite has no scenario ${unknown.map((t) => JSON.stringify(t)).join(", ")}`);
      if (extra !== undefined) extra(() => ({ ws, server, policy, deploy }));
    },
    { route },
  );
}
