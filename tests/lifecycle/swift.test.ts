import { createHarness, type Harness } from "../../testkit/host";
import { describeWithSwift } from "../servers/real-servers";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { policyProgram } from "../../testkit/policy-program";

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"];
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 };
const META = "x-container-meta-access-control-";

describeWithSwift("OpenStack Swift (real server)", (swift) => {
  let harness: Harness;
  let ops: SwiftOps;
  const target = (container: string) => ({ profile: "swift", bucket: container });
  const policy = (container: string, rules: unknown[], extra: Record<string, unknown> = {}) =>
    policyProgram({ name: "media", args: { target: target(container), rules, ...extra } });
  const steps = (r: { steps: { op: string }[] }) => r.steps.map((s) => s.op);
  const stored = () => harness.state().resources.filter((r) => r.type.endsWith(":CorsPolicy"));

  beforeAll(async () => {
    const info = swift();
    Object.assign(process.env, { ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key });
    ops = await swiftOps(info.authUrl, info.user, info.key);
    for (const c of ["media", "other"]) await ops.createContainer(c);
    harness = await createHarness({ project: "cors", stack: "swift" });
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  describe("CorsPolicy lifecycle on Swift container metadata, through the real provider host", () => {
    test("create writes the container's CORS metadata", async () => {
      expect(steps(await harness.up(policy("media", [app])))).toEqual(["create"]);
      expect(await ops.corsMeta("media")).toEqual({
        [`${META}allow-origin`]: "https://app.example.com",
        [`${META}expose-headers`]: "etag",
        [`${META}max-age`]: "600",
      });
      expect(stored()[0]!.id).toBe("swift:media");
    });

    test("re-cased and reordered rules are no change", async () => {
      expect(
        steps(await harness.preview(policy("media", [{ ...app, allowedMethods: ["head", "get", "put", "post", "delete"], exposeHeaders: ["etag"] }]))),
      ).toEqual(["same"]);
    });

    test("an update rewrites the metadata and removes what the new policy leaves unset", async () => {
      const { maxAgeSeconds: _omit, ...rest } = app;
      expect(steps(await harness.up(policy("media", [{ ...rest, allowedOrigins: ["https://app.example.com", "https://b.example"] }])))).toEqual(["update"]);
      expect(await ops.corsMeta("media")).toEqual({ [`${META}allow-origin`]: "https://app.example.com https://b.example", [`${META}expose-headers`]: "etag" });
    });

    test("refresh detects an out-of-band edit and an out-of-band removal", async () => {
      await ops.post("media", { "X-Container-Meta-Access-Control-Allow-Origin": "https://evil.example" });
      expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["update"]);
      expect((stored()[0]!.outputs["rules"] as { allowedOrigins: string[] }[])[0]!.allowedOrigins).toEqual(["https://evil.example"]);
      await ops.post("media", { "X-Remove-Container-Meta-Access-Control-Allow-Origin": "x", "X-Remove-Container-Meta-Access-Control-Expose-Headers": "x" });
      expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["delete"]);
      expect(stored()).toEqual([]);
    });

    test("onExisting: fail refuses foreign metadata that differs and leaves it; metadata that means the same is taken over (fail or adopt)", async () => {
      await ops.post("other", { "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example.com" });
      const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }];
      const others = [{ allowedOrigins: ["https://other.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }];
      await expect(harness.up(policy("other", others))).rejects.toThrow(
        'OpenStack Swift container "other" already has a CORS configuration that this stack does not manage: 1 rule ([GET,PUT,POST,DELETE,HEAD] from https://app.example.com headers *); nothing was changed',
      );
      expect(await ops.corsMeta("other")).toEqual({ [`${META}allow-origin`]: "https://app.example.com" });
      expect(steps(await harness.up(policy("other", rules)))).toEqual(["create"]);
      await harness.destroy();
      expect(await ops.corsMeta("other")).toEqual({});
      await ops.post("other", { "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example.com" });
      expect(steps(await harness.up(policy("other", rules, { onExisting: "adopt" })))).toEqual(["create"]);
      await harness.destroy();
      expect(await ops.corsMeta("other")).toEqual({});
    });

    test("check refuses what Swift cannot hold, saying what would widen; allowWidening stores the wider policy", async () => {
      const narrow = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], allowedHeaders: ["content-type"] }];
      await expect(harness.preview(policy("media", narrow))).rejects.toThrow(
        'rules[0].allowedMethods: ["GET"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE, HEAD would be allowed too',
      );
      expect(steps(await harness.up(policy("media", narrow, { swift: { allowWidening: true } })))).toEqual(["create"]);
      expect(stored()[0]!.outputs["rules"]).toEqual([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"] }]);
    });

    const expectations = [
      { origin: "https://app.example.com", method: "PUT", headers: ["content-type"], allowed: true },
      { origin: "https://evil.example", method: "GET", allowed: false },
    ];

    test("verify: preflight sends real preflights to Swift after apply", async () => {
      expect(steps(await harness.up(policy("media", [app], { expect: expectations, verify: "preflight" })))).toEqual(["update"]);
    });

    test("the container written out by its storage URL, and back, is the same container: an update that keeps the metadata", async () => {
      const withUrl = (rules: unknown[]) =>
        policyProgram({
          name: "media",
          args: { target: { ...target("media"), endpoint: swift().storageUrl }, rules, expect: expectations, verify: "preflight" },
        });
      expect(stored()[0]!.outputs["location"]).toBe(
        `swift://${swift()
          .storageUrl.replace("127.0.0.1", "localhost")
          .replace(/^http:\/\//, "")}/media`,
      );
      expect(steps(await harness.up(withUrl([app])))).toEqual(["update"]);
      expect(await ops.corsMeta("media")).toEqual({
        [`${META}allow-origin`]: "https://app.example.com",
        [`${META}expose-headers`]: "etag",
        [`${META}max-age`]: "600",
      });
      expect(steps(await harness.up(policy("media", [app], { expect: expectations, verify: "preflight" })))).toEqual(["update"]);
      expect(await ops.corsMeta("media")).toEqual({
        [`${META}allow-origin`]: "https://app.example.com",
        [`${META}expose-headers`]: "etag",
        [`${META}max-age`]: "600",
      });
    });

    test("destroy removes the metadata", async () => {
      expect(steps(await harness.destroy())).toEqual(["delete"]);
      expect(await ops.corsMeta("media")).toEqual({});
    });
  });
});
