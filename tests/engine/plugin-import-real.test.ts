import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { describeWithRgw, describeWithSwift } from "../servers/real-servers";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { PLUGIN_TOKEN, pluginPolicy, pluginProgram, usePluginBuild } from "../../testkit/engine/plugin-program";
import { EngineWorkspace } from "../../testkit/engine/workspace";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";

/*
 * `pulumi import` and the `import` resource option of the plugin's CorsPolicy on real Ceph RGW
 * and real OpenStack Swift (s3rver: plugin.test.ts). Each server sits behind a logging proxy, so
 * "nothing written" is the server's own request log; the configuration is also read out of band
 * before and after. One workspace imports from both servers, so each engine step runs once.
 */

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"];
const META = "X-Container-Meta-Access-Control-";

/** A loopback port nothing listens on: the service an import ID names cannot be reached. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeWithRgw("Ceph RGW (real server)", (rgw) => {
  describeWithSwift("OpenStack Swift (real server)", (swift) => {
    describeWithPulumi(
      "Importing live configurations into the plugin's CorsPolicy through the real pulumi CLI",
      (cli) => {
        let ws: EngineWorkspace;
        let s3: BucketOps;
        let containers: SwiftOps;
        let rgwProxy: FaultProxy;
        let swiftProxy: FaultProxy;
        let storage: string;
        /** What the servers held before any import, read out of band; every test ends with them unchanged. */
        const before: { rgw: Record<string, unknown>; swift: Record<string, Record<string, string>> } = { rgw: {}, swift: {} };
        const rgwRules = [{ AllowedOrigins: ["https://b.example.com", "https://a.example.com"], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }];
        const swiftMeta = { [`${META}Allow-Origin`]: "https://app.example.com", [`${META}Max-Age`]: "300" };
        const rgwId = (bucket: string) => `ceph:${rgwProxy.url}/${bucket}`;
        const swiftId = (container: string) => `swift:${storage}/${container}`;
        /** What a proxy saw that is not a read. */
        const writes = (proxy: FaultProxy) => proxy.lines().filter((line) => !/^(GET|HEAD) /.test(line));
        const rgwPolicy = (name: string, bucket: string, options?: string) =>
          pluginPolicy(
            name,
            {
              target: { profile: "ceph", bucket, endpoint: rgwProxy.url },
              rules: [{ allowedOrigins: ["https://a.example.com", "https://b.example.com"], allowedMethods: ["put", "get"], maxAgeSeconds: 600 }],
            },
            options,
          );
        const swiftPolicy = (name: string, container: string, options?: string) =>
          pluginPolicy(
            name,
            {
              target: { profile: "swift", bucket: container, endpoint: storage },
              rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"], maxAgeSeconds: 300 }],
            },
            options,
          );

        beforeAll(async () => {
          const r = rgw();
          const sw = swift();
          s3 = bucketOps(r.endpoint, r, r.region);
          containers = await swiftOps(sw.authUrl, sw.user, sw.key);
          for (const bucket of ["plugin-import-cli", "plugin-import-option", "plugin-import-none"]) await s3.createBucket(bucket);
          for (const bucket of ["plugin-import-cli", "plugin-import-option"]) await s3.putRules(bucket, rgwRules);
          for (const container of ["plugin-import-cli", "plugin-import-option"]) {
            await containers.createContainer(container);
            await containers.post(container, swiftMeta);
          }
          for (const name of ["plugin-import-cli", "plugin-import-option"]) {
            before.rgw[name] = await s3.liveRules(name);
            before.swift[name] = await containers.corsMeta(name);
          }
          rgwProxy = await startFaultProxy(r.endpoint);
          const storageUrl = new URL(sw.storageUrl);
          swiftProxy = await startFaultProxy(storageUrl.origin);
          storage = `${swiftProxy.url}${storageUrl.pathname}`;
          ws = await EngineWorkspace.create(await installedProject(), {
            project: "cors-plugin-import",
            binDir: cli().binDir,
            route: "directory",
            // The plugin logs in to Swift with TempAuth from these (an import ID names no variables).
            env: { ST_AUTH: sw.authUrl, ST_USER: sw.user, ST_KEY: sw.key },
          });
          usePluginBuild(ws.projectDir);
          await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", r.accessKeyId]);
          await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", r.secretAccessKey]);
        }, 600_000);

        afterAll(async () => {
          await rgwProxy?.stop();
          await swiftProxy?.stop();
        });

        beforeEach(() => {
          rgwProxy.clearLog();
          swiftProxy.clearLog();
        });

        test("pulumi import of an RGW bucket and a Swift container reads them and writes nothing", async () => {
          const file = path.join(ws.dir, "import.json");
          const resources = [
            { type: PLUGIN_TOKEN, name: "rgw-cli", id: rgwId("plugin-import-cli") },
            { type: PLUGIN_TOKEN, name: "swift-cli", id: swiftId("plugin-import-cli") },
          ];
          fs.writeFileSync(file, JSON.stringify({ resources }));
          // --generate-code=false: the Node.js language host built here does not implement GenerateProgram.
          await ws.pulumi(["import", "--file", file, "--yes", "--generate-code=false", "--protect=false"]);
          // One read at the import's preview, one at the import itself.
          expect(rgwProxy.lines()).toEqual(["GET /plugin-import-cli/?cors= 200", "GET /plugin-import-cli/?cors= 200"]);
          expect(swiftProxy.lines()).toEqual(["HEAD /v1/AUTH_test/plugin-import-cli 204", "HEAD /v1/AUTH_test/plugin-import-cli 204"]);
          expect(await s3.liveRules("plugin-import-cli")).toEqual(before.rgw["plugin-import-cli"]);
          expect(await containers.corsMeta("plugin-import-cli")).toEqual(before.swift["plugin-import-cli"]);
          const imported = await ws.resources(PLUGIN_TOKEN);
          expect(imported.map((r) => [r.urn.split("::").pop(), r.id, r.inputs])).toEqual([
            [
              "rgw-cli",
              `ceph:${rgwProxy.url.slice("http://".length)}/plugin-import-cli`,
              {
                target: { profile: "ceph", bucket: "plugin-import-cli", endpoint: rgwProxy.url },
                rules: [{ allowedOrigins: ["https://a.example.com", "https://b.example.com"], allowedMethods: ["GET", "PUT"], maxAgeSeconds: 600 }],
                onExisting: "fail",
                verify: "read",
              },
            ],
            [
              "swift-cli",
              `swift:${storage.slice("http://".length)}/plugin-import-cli`,
              {
                target: { profile: "swift", bucket: "plugin-import-cli", endpoint: storage },
                rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"], maxAgeSeconds: 300 }],
                onExisting: "fail",
                verify: "read",
              },
            ],
          ]);
        });

        test("the import resource option adopts an RGW bucket and a Swift container with reads only, and the next preview shows no change", async () => {
          const imported = [rgwPolicy("rgw-cli", "plugin-import-cli"), swiftPolicy("swift-cli", "plugin-import-cli")];
          const options = [
            rgwPolicy("rgw-option", "plugin-import-option", `{ import: ${JSON.stringify(rgwId("plugin-import-option"))} }`),
            swiftPolicy("swift-option", "plugin-import-option", `{ import: ${JSON.stringify(swiftId("plugin-import-option"))} }`),
          ];
          await ws.program(pluginProgram(...imported, ...options));
          expect(opsOf(await ws.up()).sort()).toEqual(["import rgw-option", "import swift-option", "same rgw-cli", "same swift-cli"]);
          expect(writes(rgwProxy)).toEqual([]);
          expect(writes(swiftProxy)).toEqual([]);
          expect(await s3.liveRules("plugin-import-option")).toEqual(before.rgw["plugin-import-option"]);
          expect(await containers.corsMeta("plugin-import-option")).toEqual(before.swift["plugin-import-option"]);
          // The import option stays in the program (the engine ignores it once the resource is in the state).
          rgwProxy.clearLog();
          swiftProxy.clearLog();
          expect(opsOf(await ws.preview({ expectNoChanges: true })).sort()).toEqual(["same rgw-cli", "same rgw-option", "same swift-cli", "same swift-option"]);
          expect(rgwProxy.lines()).toEqual([]);
          expect(swiftProxy.lines()).toEqual([]);
        });

        test("fails when the import ID names an RGW bucket with no configuration or a Swift container that does not exist, and writes nothing", async () => {
          const rgwMissing = ws.pulumi(["import", PLUGIN_TOKEN, "none", rgwId("plugin-import-none"), "--yes", "--generate-code=false"]);
          await expect(rgwMissing).rejects.toThrow(
            `import of "${rgwId("plugin-import-none")}": Ceph RGW bucket "plugin-import-none" has no CORS configuration (or no such bucket), so there is nothing to import — check the ID (bucket-cors get prints the bucket's configuration), or declare the resource without import to create one`,
          );
          const swiftMissing = ws.pulumi(["import", PLUGIN_TOKEN, "gone", swiftId("plugin-import-gone"), "--yes", "--generate-code=false"]);
          await expect(swiftMissing).rejects.toThrow(
            `import of "${swiftId("plugin-import-gone")}": OpenStack Swift container "plugin-import-gone" has no CORS configuration (or no such bucket), so there is nothing to import — check the ID (bucket-cors get prints the bucket's configuration), or declare the resource without import to create one`,
          );
          expect(writes(rgwProxy)).toEqual([]);
          expect(writes(swiftProxy)).toEqual([]);
          expect(await s3.liveRules("plugin-import-none")).toBeNull();
        });

        test("fails when the service the import ID names cannot be reached, saying nothing was imported", async () => {
          const port = await closedPort();
          const id = `ceph:http://127.0.0.1:${port}/assets`;
          const unreachable = ws.pulumi(["import", PLUGIN_TOKEN, "unreachable", id, "--yes", "--generate-code=false"]);
          await expect(unreachable).rejects.toThrow(
            `import of "${id}": GetBucketCors on Ceph RGW bucket "assets" failed (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:${port} — nothing listens on 127.0.0.1:${port} — is the server running? check the endpoint; nothing was imported`,
          );
          const names = (await ws.resources(PLUGIN_TOKEN)).map((r) => r.urn.split("::").pop()).sort();
          expect(names).toEqual(["rgw-cli", "rgw-option", "swift-cli", "swift-option"]);
        });
      },
      { route: "directory" },
    );
  });
});
