import * as fs from "fs";
import * as path from "path";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { repoRoot } from "../../testkit/host/paths";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { EngineWorkspace } from "../../testkit/engine/workspace";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { appliedThenInternalError, cors, every } from "../faults/faults";
import { packageSchema } from "../../plugin/schema";
import { PLUGIN_TOKEN, pluginPolicy, pluginPolicySet, pluginProgram, usePluginBuild } from "../../testkit/engine/plugin-program";

/*
 * The provider plugin (plugin/, built into dist/plugin by npm run build) on the real engine: a
 * TypeScript program declaring `bucket-cors:index:CorsPolicy` through the Pulumi.yaml `plugins:`
 * path route, `pulumi import` of a live configuration, and the archive `pulumi plugin install`
 * takes. Every request reaches s3rver through a logging proxy, so "no write" is what the server saw.
 */

const TOKEN = PLUGIN_TOKEN;
const SECRET = "plugin-secret-7f3a91";
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot(), "package.json"), "utf8")) as { version: string };

/** A policy of the plugin's resource on an s3 target. */
function policy(name: string, endpoint: string, bucket: string, rules: unknown): string {
  return pluginPolicy(name, { target: { profile: "s3", bucket, endpoint }, rules });
}

describeWithPulumi(
  "The provider plugin pulumi-resource-bucket-cors through the real pulumi CLI (typed in the project directory)",
  (cli) => {
    let s3: EmbeddedS3;
    let proxy: FaultProxy;
    let ws: EngineWorkspace;
    const webRules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["get", "PUT"] }];

    beforeAll(async () => {
      s3 = await startS3rver();
      proxy = await startFaultProxy(s3.endpoint);
      ws = await EngineWorkspace.create(await installedProject(), { project: "cors-plugin", binDir: cli().binDir, route: "directory" });
      usePluginBuild(ws.projectDir);
      await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", "S3RVER"]);
      await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", SECRET]);
      await s3.createBucket("web");
      await s3.createBucket("adopt");
      await s3.createBucket("site");
      await s3.putRules("adopt", [{ AllowedOrigins: ["https://b.example.com", "https://a.example.com"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 }]);
    }, 600_000);

    afterAll(async () => {
      await proxy?.stop();
      await s3?.stop();
    });

    test("pulumi import adopts the live configuration with nothing written", async () => {
      // --generate-code=false: the Node.js language host built here does not implement GenerateProgram.
      await ws.pulumi(["import", TOKEN, "adopted", `s3:${proxy.url}/adopt`, "--yes", "--generate-code=false", "--protect=false"]);
      // One read at the import's preview, one at the import itself: nothing else reached the server.
      expect(proxy.lines()).toEqual(["GET /adopt/?cors= 200", "GET /adopt/?cors= 200"]);
      const [adopted] = await ws.resources(TOKEN);
      expect(adopted?.id).toBe(`s3:${proxy.url.slice("http://".length)}/adopt`);
      expect(adopted?.inputs).toEqual({
        target: { profile: "s3", bucket: "adopt", endpoint: proxy.url },
        rules: [{ allowedOrigins: ["https://a.example.com", "https://b.example.com"], allowedMethods: ["GET"], maxAgeSeconds: 600 }],
        onExisting: "fail",
        verify: "read",
      });
    });

    test("up writes a new policy with the provider config's credentials and leaves the imported one as it is; the next preview and refresh show no change", async () => {
      // The imported policy as the program declares it: the same rules, in another order.
      const adoptRules = [{ allowedOrigins: ["https://b.example.com", "https://a.example.com"], allowedMethods: ["GET"], maxAgeSeconds: 600 }];
      await ws.program(pluginProgram(policy("web", proxy.url, "web", webRules), policy("adopted", proxy.url, "adopt", adoptRules)));
      proxy.clearLog();
      await ws.up();
      expect(proxy.lines().filter((line) => line.includes("/adopt/"))).toEqual([]);
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }]);
      expect(await s3.liveRules("adopt")).toEqual([
        { AllowedOrigins: ["https://b.example.com", "https://a.example.com"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 },
      ]);
      proxy.clearLog();
      await ws.preview({ expectNoChanges: true });
      expect(proxy.lines()).toEqual([]);
      // The plugin's Read of resources in the state (at refresh's preview and at the refresh): buckets holding their rules are no drift.
      await ws.refresh({ expectNoChanges: true });
      expect(proxy.lines().sort()).toEqual(["GET /adopt/?cors= 200", "GET /adopt/?cors= 200", "GET /web/?cors= 200", "GET /web/?cors= 200"]);
      const web = (await ws.resources(TOKEN)).find((r) => r.urn.endsWith("::web"));
      expect(web?.id).toBe(`s3:${proxy.url.slice("http://".length)}/web`);
      expect(web?.inputs).toEqual({ target: { profile: "s3", bucket: "web", endpoint: proxy.url }, rules: webRules });
      // No serialized provider in the state, and the secret access key nowhere in plain text (the provider's inputs hold its ciphertext).
      expect(JSON.stringify(await ws.exportStack())).not.toContain("__provider");
      expect(ws.backendText()).not.toContain(SECRET);
    });

    test("fails when the import ID names a bucket with no configuration, or no profile", async () => {
      const missing = ws.pulumi(["import", TOKEN, "missing", `s3:${proxy.url}/web-missing`, "--yes", "--generate-code=false"]);
      await expect(missing).rejects.toThrow(
        `import of "s3:${proxy.url}/web-missing": S3-compatible storage bucket "web-missing" has no CORS configuration (or no such bucket), so there is nothing to import — check the ID (bucket-cors get prints the bucket's configuration), or declare the resource without import to create one`,
      );
      const profile = ws.pulumi(["import", TOKEN, "gcs", "gcs:assets", "--yes", "--generate-code=false"]);
      await expect(profile).rejects.toThrow(
        `import of "gcs:assets": "gcs" is not a profile (aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw) — an import ID is <profile>:<bucket>, <profile>:<region>/<bucket>, r2:<accountId>/<bucket> or <profile>:<endpoint URL>/<bucket>, e.g. s3:http://127.0.0.1:4568/assets`,
      );
      expect((await ws.resources(TOKEN)).map((r) => r.urn.split("::").pop())).toEqual(["adopted", "web"]);
    });

    test("a CorsPolicySet from pulumi-bucket-cors/plugin is constructed by the plugin: its child writes the rules under the set", async () => {
      const adoptRules = [{ allowedOrigins: ["https://b.example.com", "https://a.example.com"], allowedMethods: ["GET"], maxAgeSeconds: 600 }];
      const set = pluginPolicySet("sites", {
        targets: [{ profile: "s3", bucket: "site", endpoint: proxy.url }],
        rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }],
      });
      await ws.program(pluginProgram(policy("web", proxy.url, "web", webRules), policy("adopted", proxy.url, "adopt", adoptRules), set));
      await ws.up();
      expect(await s3.liveRules("site")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]);
      const child = (await ws.resources(TOKEN)).find((r) => r.urn.endsWith("::sites-s3-site"));
      expect(child?.urn).toContain("bucket-cors:index:CorsPolicySet$bucket-cors:index:CorsPolicy::sites-s3-site");
      await ws.preview({ expectNoChanges: true });
    });

    test("destroy removes the rules of every policy", async () => {
      await ws.destroy();
      expect(await s3.liveRules("web")).toBeNull();
      expect(await s3.liveRules("adopt")).toBeNull();
      expect(await s3.liveRules("site")).toBeNull();
    });

    // The plugin answers a create that may have landed as ErrorResourceInitFailed (plugin/respond.ts): the
    // engine records the resource with its outputs, as it does for the dynamic provider (tests/engine/unconfirmed.test.ts).
    test("fails when a create's PutBucketCors lands but is answered 500: the engine records it as unconfirmed; the next up updates it without a write, and destroy removes it", async () => {
      await s3.createBucket("late");
      const rules = [{ allowedOrigins: ["https://late.example"], allowedMethods: ["GET"] }];
      await ws.program(
        pluginProgram(pluginPolicy("late", { target: { profile: "s3", bucket: "late", endpoint: proxy.url }, rules, propagationTimeoutSeconds: 1 })),
      );
      proxy.plan(every(cors("PUT"), appliedThenInternalError()));
      const failed = await ws.attempt("up");
      proxy.plan();
      expect(failed.ok).toBe(false);
      expect(failed.output.replace(/\n +/g, "\n")).toContain(
        'PutBucketCors on S3-compatible storage bucket "late" failed (500 InternalError): We encountered an internal error. Please try again.\nThe write may still have reached the bucket: S3-compatible storage bucket "late" holds either 1 rule ([GET] from https://late.example) or no CORS configuration — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write\nThe stack records this policy as unconfirmed: the next pulumi up writes the program\'s rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only',
      );
      expect(await s3.liveRules("late")).toEqual([{ AllowedOrigins: ["https://late.example"], AllowedMethods: ["GET"] }]);
      const [recorded] = await ws.resources(TOKEN);
      expect([recorded?.id, recorded?.inputs?.["rules"], recorded?.outputs?.["rules"], recorded?.outputs?.["unconfirmed"]]).toEqual([
        `s3:${proxy.url.slice("http://".length)}/late`,
        rules,
        rules,
        'a create failed after a write that may have reached S3-compatible storage bucket "late": it holds 1 rule ([GET] from https://late.example), or what it held before, as the failure says',
      ]);
      proxy.clearLog();
      await ws.up();
      expect(proxy.lines().filter((line) => line.startsWith("PUT"))).toEqual([]);
      expect((await ws.resources(TOKEN))[0]?.outputs?.["unconfirmed"]).toBeUndefined();
      await ws.preview({ expectNoChanges: true });
      await ws.destroy();
      expect(await s3.liveRules("late")).toBeNull();
    });

    test("the built plugin serves the schema of the sources, and its archive installs with pulumi plugin install", async () => {
      const served = await ws.pulumi(["package", "get-schema", path.join(repoRoot(), "dist", "plugin", "pulumi-resource-bucket-cors")]);
      expect(JSON.parse(served)).toEqual(JSON.parse(packageSchema(version)));
      const archive = path.join(repoRoot(), "dist", `pulumi-resource-bucket-cors-v${version}-linux-${process.arch === "x64" ? "amd64" : process.arch}.tar.gz`);
      await ws.pulumi(["plugin", "install", "resource", "bucket-cors", version, "--file", archive]);
      const installed = await ws.pulumi(["package", "get-schema", `bucket-cors@${version}`]);
      expect(JSON.parse(installed)).toEqual(JSON.parse(packageSchema(version)));
    });
  },
  { route: "directory" },
);
