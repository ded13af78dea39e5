import { createHarness, secret } from "../../testkit/host";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithRgw } from "../servers/real-servers";
import { policyProgram } from "../../testkit/policy-program";
import { s3LifecycleSuite } from "./s3-lifecycle-suite";

const WRONG_SECRET = "wrong-secret-7d1e0c";

describeWithRgw("Ceph RGW (real server)", (rgw) => {
  s3LifecycleSuite(
    "Ceph RGW",
    async () => {
      const info = rgw();
      process.env["BCORS_RGW_WRONG_SECRET"] = WRONG_SECRET;
      return {
        name: "Ceph RGW",
        profile: "ceph",
        title: "Ceph RGW",
        ops: bucketOps(info.endpoint, info, info.region),
        credentials: info.credentialEnv,
        secret: info.secretAccessKey,
      };
    },
    async () => undefined,
    (ctx) => {
      describe("RGW specifics", () => {
        test("a wrong secret fails with SignatureDoesNotMatch and never echoes a secret", async () => {
          const { harness, server } = ctx();
          const target = {
            profile: "ceph",
            bucket: "extra",
            endpoint: server.ops.endpoint,
            credentials: { accessKeyIdEnv: server.credentials.accessKeyIdEnv, secretAccessKeyEnv: "BCORS_RGW_WRONG_SECRET" },
          };
          const failure = harness.up(policyProgram({ name: "wrong", args: { target, rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] } }));
          await expect(failure).rejects.toThrow(/GetBucketCors on Ceph RGW bucket "extra" failed \(403 SignatureDoesNotMatch\)/);
          const message = await failure.catch((e: unknown) => (e as Error).message);
          expect(message).not.toContain(WRONG_SECRET);
          expect(message).not.toContain(server.secret);
          expect(await server.ops.liveRules("extra")).toBeNull();
        });

        test("credentials from provider config (bucket-cors:accessKeyId/secretAccessKey, secret) work", async () => {
          const { server } = ctx();
          const configured = await createHarness({
            project: "cors",
            stack: "rgw-config",
            config: { "bucket-cors:accessKeyId": process.env[server.credentials.accessKeyIdEnv]!, "bucket-cors:secretAccessKey": secret(server.secret) },
          });
          try {
            const target = { profile: "ceph", bucket: "extra", endpoint: server.ops.endpoint };
            const result = await configured.up(
              policyProgram({ name: "configured", args: { target, rules: [{ allowedOrigins: ["https://cfg.example"], allowedMethods: ["GET"] }] } }),
            );
            expect(result.steps.map((s) => s.op)).toEqual(["create"]);
            expect((await server.ops.liveRules("extra"))?.[0]?.AllowedOrigins).toEqual(["https://cfg.example"]);
            expect(JSON.stringify(configured.state())).not.toContain(server.secret);
            await configured.destroy();
          } finally {
            await configured.stop();
          }
        });

        // Issue 11, item 3: RGW accepts a rule without methods; refresh, update and destroy then all failed.
        test("a configuration this package cannot decode is drift at refresh (with its raw text), rewritten by up; destroy leaves one written since", async () => {
          const { harness, server, policy } = ctx();
          const rules = [{ allowedOrigins: ["https://app.example"], allowedMethods: ["GET"] }];
          await harness.up(policy(server, "extra", rules));
          await server.ops.putRules("extra", [{ AllowedOrigins: ["https://broken.example"], AllowedMethods: [] }]);
          const refreshed = await harness.refresh();
          expect(refreshed.steps.map((s) => s.refresh)).toEqual(["update"]);
          const outputs = harness.state().resources.find((r) => r.type.endsWith("CorsPolicy"))!.outputs;
          expect([outputs["rules"], outputs["liveUnreadable"]]).toEqual([[], '{"CORSRules":[{"AllowedOrigins":["https://broken.example"]}]}']);
          expect((await harness.up(policy(server, "extra", rules))).steps.map((s) => s.op)).toEqual(["update"]);
          expect(await server.ops.liveRules("extra")).toEqual([{ AllowedOrigins: ["https://app.example"], AllowedMethods: ["GET"] }]);
          await server.ops.putRules("extra", [{ AllowedOrigins: ["https://broken.example"], AllowedMethods: [] }]);
          // Issue 23, item 2: a delete never takes what this resource did not write, unreadable rules included.
          await harness.destroy();
          expect(await server.ops.liveRules("extra")).toEqual([{ AllowedOrigins: ["https://broken.example"] }]);
          await server.ops.deleteRules("extra");
        });

        test("RGW's rewrites (sorted origins and headers, re-ordered and de-duplicated methods, upper-cased get) are no drift", async () => {
          const { harness, server, policy } = ctx();
          const rules = [{ allowedOrigins: ["https://z.example", "https://a.example"], allowedMethods: ["PUT", "GET"], allowedHeaders: ["x-b", "x-a"] }];
          await harness.up(policy(server, "extra", rules));
          await server.ops.putRules("extra", [
            {
              AllowedOrigins: ["https://z.example", "https://a.example", "https://z.example"],
              AllowedMethods: ["PUT", "get", "GET"],
              AllowedHeaders: ["X-B", "x-a"],
            },
          ]);
          expect(await server.ops.liveRules("extra")).toEqual([
            { AllowedOrigins: ["https://a.example", "https://z.example"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["X-B", "x-a"] },
          ]);
          expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["same"]);
          expect((await harness.preview(policy(server, "extra", rules))).steps.map((s) => s.op)).toEqual(["same"]);
          await harness.destroy();
        });

        test("RGW drops a negative MaxAgeSeconds silently; the validator refuses it before it can be sent", async () => {
          const { harness, server, policy } = ctx();
          await server.ops.putRules("extra", [{ AllowedOrigins: ["*"], AllowedMethods: ["GET"], MaxAgeSeconds: -1 }]);
          expect(await server.ops.liveRules("extra")).toEqual([{ AllowedOrigins: ["*"], AllowedMethods: ["GET"] }]);
          await server.ops.deleteRules("extra");
          await expect(harness.preview(policy(server, "extra", [{ allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: -1 }]))).rejects.toThrow(
            "rules[0].maxAgeSeconds: -1 is negative; max-age is seconds ≥ 0 — use 0 to stop browsers caching the preflight, or omit it",
          );
        });

        test("verify: preflight sends real preflights to RGW after apply", async () => {
          const { harness, server, policy } = ctx();
          const expectations = [
            { origin: "https://app.example.com", method: "PUT", headers: ["content-type"], allowed: true, exposes: ["etag"] },
            { origin: "https://evil.example", method: "PUT", allowed: false },
          ];
          const rules = [
            { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["ETag"] },
          ];
          const result = await harness.up(policy(server, "extra", rules, { expect: expectations, verify: "preflight" }));
          expect(result.steps.map((s) => s.op)).toEqual(["create"]);
          await harness.destroy();
        });
      });
    },
  );
});
