import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { PLUGIN_TOKEN, pluginPolicy, pluginProgram, usePluginBuild } from "../../testkit/engine/plugin-program";
import { policyStatement } from "../../testkit/engine/programs";
import { CORS_POLICY_TYPE, EngineWorkspace } from "../../testkit/engine/workspace";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";

/*
 * docs/plugin.md, "Moving from the dynamic CorsPolicy": a stack built with the dynamic CorsPolicy
 * moves to the plugin's bucket-cors:index:CorsPolicy by the documented steps, with the bucket read
 * out of band before and after each command (it never lacks its rules) and every request the
 * engine made seen by a logging proxy in front of s3rver (never a write, never a delete).
 */

describeWithPulumi(
  "Moving a stack from the dynamic CorsPolicy to the plugin's through the real pulumi CLI",
  (cli) => {
    let s3: EmbeddedS3;
    let proxy: FaultProxy;
    let ws: EngineWorkspace;
    const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], maxAgeSeconds: 600 }];
    const live = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }];
    const dynamic = (options?: string) =>
      policyStatement({
        name: "assets",
        target: { preset: "s3", args: { bucket: "assets", endpoint: proxy.url } },
        args: { rules },
        ...(options === undefined ? {} : { options }),
      });
    const plugin = (options?: string) => pluginPolicy("assets", { target: { profile: "s3", bucket: "assets", endpoint: proxy.url }, rules }, options);
    const both = (...statements: string[]) => pluginProgram(`import * as cors from "pulumi-bucket-cors";`, ...statements);

    beforeAll(async () => {
      s3 = await startS3rver();
      proxy = await startFaultProxy(s3.endpoint);
      ws = await EngineWorkspace.create(await installedProject(), { project: "cors-migrate", binDir: cli().binDir, route: "directory" });
      usePluginBuild(ws.projectDir);
      // The same keys serve both providers: the dynamic provider reads bucket-cors: config too.
      await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", "S3RVER"]);
      await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", "S3RVER"]);
      await s3.createBucket("assets");
    }, 600_000);

    afterAll(async () => {
      await proxy?.stop();
      await s3?.stop();
    });

    test("the stack starts with the dynamic CorsPolicy holding the bucket's rules", async () => {
      await ws.program(both(dynamic()));
      expect(opsOf(await ws.up())).toEqual(["create assets"]);
      expect(await s3.liveRules("assets")).toEqual(live);
    });

    test("an alias from the dynamic type: pulumi 3.248 plans no change for it (the plugin's Diff finds the same rules) and sends nothing", async () => {
      await ws.program(both(plugin(`{ aliases: [{ type: ${JSON.stringify(CORS_POLICY_TYPE)} }] }`)));
      proxy.clearLog();
      const plan = await ws.attempt("preview");
      expect({ ok: plan.ok, ops: opsOf(plan) }).toEqual({ ok: true, ops: ["same assets"] });
      expect(proxy.lines()).toEqual([]);
      expect(await s3.liveRules("assets")).toEqual(live);
    });

    test("step 1, retainOnDelete: true on the dynamic resource: up sends nothing to the bucket", async () => {
      await ws.program(both(dynamic("{ retainOnDelete: true }")));
      proxy.clearLog();
      expect(opsOf(await ws.up())).toEqual(["same assets"]);
      expect(proxy.lines()).toEqual([]);
      expect(await s3.liveRules("assets")).toEqual(live);
    });

    test("step 2, the plugin's resource with import in its place: up reads the bucket, and the dynamic resource leaves the state without a delete", async () => {
      await ws.program(both(plugin(`{ import: ${JSON.stringify(`s3:${proxy.url}/assets`)} }`)));
      proxy.clearLog();
      const result = await ws.up();
      expect(opsOf(result).sort()).toEqual(["delete assets", "import assets"]);
      expect(result.output).toContain("pulumi-nodejs:dynamic/bucket-cors:CorsPolicy assets deleted");
      expect(result.output).toContain("[retain]");
      // One read at the preview, one at the import; no DELETE /assets?cors.
      expect(proxy.lines()).toEqual(["GET /assets/?cors= 200", "GET /assets/?cors= 200"]);
      expect(await s3.liveRules("assets")).toEqual(live);
      expect(await ws.resources(CORS_POLICY_TYPE)).toEqual([]);
      expect((await ws.resources(PLUGIN_TOKEN)).map((r) => r.id)).toEqual([`s3:${proxy.url.slice("http://".length)}/assets`]);
    });

    test("step 3, import removed from the program: preview shows no change and sends nothing", async () => {
      await ws.program(both(plugin()));
      proxy.clearLog();
      expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same assets"]);
      expect(proxy.lines()).toEqual([]);
      expect(await s3.liveRules("assets")).toEqual(live);
    });

    // The other route docs/plugin.md names: an alias from the dynamic type, on a second bucket.
    const media = [{ allowedOrigins: ["https://media.example.com"], allowedMethods: ["GET"] }];
    const mediaLive = [{ AllowedOrigins: ["https://media.example.com"], AllowedMethods: ["GET"] }];
    const mediaDynamic = (endpoint: string) =>
      policyStatement({ name: "media", target: { preset: "s3", args: { bucket: "media", endpoint } }, args: { rules: media } });
    const mediaPlugin = (rules: typeof media, options?: string) =>
      pluginPolicy("media", { target: { profile: "s3", bucket: "media", endpoint: proxy.url }, rules }, options);
    const aliased = `{ aliases: [{ type: ${JSON.stringify(CORS_POLICY_TYPE)} }] }`;

    test("alias route, 1: a second bucket starts with the dynamic CorsPolicy", async () => {
      await s3.createBucket("media");
      await ws.program(both(plugin(), mediaDynamic(proxy.url)));
      expect(opsOf(await ws.up()).sort()).toEqual(["create media", "same assets"]);
      expect(await s3.liveRules("media")).toEqual(mediaLive);
    });

    test("alias route, 2: up with the alias moves it to the plugin's type as the same resource, sending nothing; the dynamic outputs stay", async () => {
      await ws.program(both(plugin(), mediaPlugin(media, aliased)));
      proxy.clearLog();
      expect(opsOf(await ws.up()).sort()).toEqual(["same assets", "same media"]);
      expect(proxy.lines()).toEqual([]);
      expect(await s3.liveRules("media")).toEqual(mediaLive);
      const [moved] = (await ws.resources(PLUGIN_TOKEN)).filter((r) => r.urn.endsWith("::media"));
      expect(moved?.urn).toBe("urn:pulumi:dev::cors-migrate::bucket-cors:index:CorsPolicy::media");
      expect(Object.keys(moved?.outputs ?? {})).toContain("__provider");
      expect(await ws.resources(CORS_POLICY_TYPE)).toEqual([]);
    });

    test("alias route, 3: refresh reads both buckets, changes nothing and drops the serialized provider from the state", async () => {
      proxy.clearLog();
      expect(opsOf(await ws.refresh({ expectNoChanges: true })).sort()).toEqual(["refresh assets", "refresh media"]);
      expect(proxy.lines().every((line) => line.startsWith("GET "))).toBe(true);
      expect(await s3.liveRules("media")).toEqual(mediaLive);
      const [moved] = (await ws.resources(PLUGIN_TOKEN)).filter((r) => r.urn.endsWith("::media"));
      expect(Object.keys(moved?.outputs ?? {}).sort()).toEqual(["fingerprint", "onExisting", "resourceId", "rules", "target", "verify"]);
      await ws.preview({ expectNoChanges: true });
    });

    test("alias route, 4: a changed origin is an update through the plugin; destroy removes both configurations", async () => {
      const cdn = [{ allowedOrigins: ["https://cdn.example.com"], allowedMethods: ["GET"] }];
      await ws.program(both(plugin(), mediaPlugin(cdn, aliased)));
      proxy.clearLog();
      expect(opsOf(await ws.up()).sort()).toEqual(["same assets", "update media"]);
      expect(proxy.lines()).toEqual(["GET /media/?cors= 200", "PUT /media/?cors= 200", "GET /media/?cors= 200"]);
      expect(await s3.liveRules("media")).toEqual([{ AllowedOrigins: ["https://cdn.example.com"], AllowedMethods: ["GET"] }]);
      expect(opsOf(await ws.destroy()).sort()).toEqual(["delete assets", "delete media"]);
      expect(await s3.liveRules("media")).toBeNull();
      expect(await s3.liveRules("assets")).toBeNull();
    });
  },
  { route: "directory" },
);
