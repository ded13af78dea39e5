import { describeWithSwift } from "../servers/real-servers";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { opsOf, refreshesOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { program, type PolicySpec } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"];
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 };
const META = "x-container-meta-access-control-";
const appMeta = { [`${META}allow-origin`]: "https://app.example.com", [`${META}expose-headers`]: "etag", [`${META}max-age`]: "600" };

/** The Swift lifecycle of tests/lifecycle/swift.test.ts through the real pulumi CLI, same steps and end states. */
describeWithSwift("OpenStack Swift (real server)", (swift) => {
  describeWithPulumi(
    "CorsPolicy on Swift through the real pulumi CLI",
    (cli) => {
      let ws: EngineWorkspace;
      let ops: SwiftOps;
      const policy = (container: string, rules: unknown[], extra: Record<string, unknown> = {}, endpoint?: string): PolicySpec => ({
        name: "media",
        target: { preset: "swift", args: endpoint === undefined ? { container } : { container, endpoint } },
        args: { rules, ...extra },
      });
      const deploy = (spec: PolicySpec) => ws.program(program([spec]));

      beforeAll(async () => {
        const info = swift();
        ops = await swiftOps(info.authUrl, info.user, info.key);
        for (const c of ["media", "other"]) await ops.createContainer(c);
        ws = await EngineWorkspace.create(await installedProject(), {
          project: "cors-swift",
          binDir: cli().binDir,
          route: "directory",
          env: { ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key },
        });
      }, 600_000);

      test("up writes the container's CORS metadata", async () => {
        await deploy(policy("media", [app]));
        expect(opsOf(await ws.up())).toEqual(["create media"]);
        expect(await ops.corsMeta("media")).toEqual(appMeta);
        expect((await ws.resources())[0]!.id).toBe("swift:media");
      });

      test("re-cased and reordered rules: preview --expect-no-changes passes", async () => {
        await deploy(policy("media", [{ ...app, allowedMethods: ["head", "get", "put", "post", "delete"], exposeHeaders: ["etag"] }]));
        expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same media"]);
      });

      test("an update rewrites the metadata and removes what the new policy leaves unset; --diff names the value", async () => {
        const { maxAgeSeconds: _omit, ...rest } = app;
        await deploy(policy("media", [{ ...rest, allowedOrigins: ["https://app.example.com", "https://b.example"] }]));
        expect((await ws.preview({ diff: true })).output).toContain('+ [1]: "https://b.example"');
        expect(opsOf(await ws.up())).toEqual(["update media"]);
        expect(await ops.corsMeta("media")).toEqual({
          [`${META}allow-origin`]: "https://app.example.com https://b.example",
          [`${META}expose-headers`]: "etag",
        });
      });

      test("refresh records an out-of-band edit and an out-of-band removal; up restores", async () => {
        await ops.post("media", { "X-Container-Meta-Access-Control-Allow-Origin": "https://evil.example" });
        expect(refreshesOf(await ws.refresh())).toEqual(["update media"]);
        await ops.post("media", { "X-Remove-Container-Meta-Access-Control-Allow-Origin": "x", "X-Remove-Container-Meta-Access-Control-Expose-Headers": "x" });
        expect(refreshesOf(await ws.refresh())).toEqual(["delete media"]);
        expect(await ws.resources()).toEqual([]);
        await deploy(policy("media", [app]));
        expect(opsOf(await ws.up())).toEqual(["create media"]);
        expect(await ops.corsMeta("media")).toEqual(appMeta);
      });

      test("the same container named by its storage URL is an update (the login's storage URL is recorded): the metadata stays", async () => {
        await deploy(policy("media", [app], {}, swift().storageUrl));
        expect(opsOf(await ws.up())).toEqual(["update media"]);
        expect(await ops.corsMeta("media")).toEqual(appMeta);
      });

      test("preview refuses what Swift cannot hold, saying what would widen", async () => {
        await deploy(policy("other", [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], allowedHeaders: ["content-type"] }]));
        const result = await ws.attempt("preview");
        expect(result.ok).toBe(false);
        expect(result.output).toContain(
          `resource 'media' has a problem: rules[0].allowedMethods: ["GET"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE, HEAD would be allowed too`,
        );
      });

      test("onExisting: fail refuses foreign metadata that differs and leaves it; metadata that means the same is taken over", async () => {
        await ops.post("other", { "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example.com" });
        const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }];
        const others = [{ allowedOrigins: ["https://other.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }];
        await ws.program(program([policy("media", [app], {}, swift().storageUrl), { ...policy("other", others), name: "other" }]));
        expect((await ws.attempt("up")).output).toContain(
          'OpenStack Swift container "other" already has a CORS configuration that this stack does not manage: 1 rule ([GET,PUT,POST,DELETE,HEAD] from https://app.example.com headers *); nothing was changed',
        );
        expect(await ops.corsMeta("other")).toEqual({ [`${META}allow-origin`]: "https://app.example.com" });
        await ws.program(program([policy("media", [app], {}, swift().storageUrl), { ...policy("other", rules), name: "other" }]));
        expect(opsOf(await ws.up()).sort()).toEqual(["create other", "same media"]);
        expect(await ops.corsMeta("other")).toEqual({ [`${META}allow-origin`]: "https://app.example.com" }); // taken over, not rewritten
      });

      test("allowWidening stores the wider policy Swift holds", async () => {
        const narrow = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], allowedHeaders: ["content-type"] }];
        await ws.program(
          program([
            policy("media", [app], {}, swift().storageUrl),
            { ...policy("other", narrow, { onExisting: "adopt", swift: { allowWidening: true } }), name: "other" },
          ]),
        );
        expect(opsOf(await ws.up()).sort()).toEqual(["same media", "update other"]);
        const other = (await ws.resources()).find((r) => r.urn.endsWith("::other"));
        expect(other!.outputs!["rules"]).toEqual([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }]);
      });

      test("verify: preflight sends real preflights to Swift after apply", async () => {
        const narrow = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], allowedHeaders: ["content-type"] }];
        const expectations = [
          { origin: "https://app.example.com", method: "PUT", headers: ["content-type"], allowed: true },
          { origin: "https://evil.example", method: "GET", allowed: false },
        ];
        await ws.program(
          program([
            policy("media", [app], { expect: expectations, verify: "preflight" }, swift().storageUrl),
            { ...policy("other", narrow, { onExisting: "adopt", swift: { allowWidening: true } }), name: "other" },
          ]),
        );
        expect(opsOf(await ws.up()).sort()).toEqual(["same other", "update media"]);
      });

      test("destroy removes the metadata", async () => {
        expect(opsOf(await ws.destroy()).sort()).toEqual(["delete media", "delete other"]);
        expect(await ops.corsMeta("media")).toEqual({});
        expect(await ops.corsMeta("other")).toEqual({});
      });
    },
    { route: "directory" },
  );
});
