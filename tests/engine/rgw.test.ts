import { describeWithRgw } from "../servers/real-servers";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { s3EngineSuite } from "./s3-engine-suite";

const WRONG_SECRET = "wrong-secret-engine-3c9a";

describeWithRgw("Ceph RGW (real server)", (rgw) => {
  // Every scenario runs on both routes: here as an inline program, on s3rver (s3rver.test.ts)
  // typed in the project directory.
  s3EngineSuite(
    "Ceph RGW",
    "inline",
    async () => {
      const info = rgw();
      return {
        name: "Ceph RGW",
        preset: "ceph",
        // Debian's RGW 16.2 chooses the rule by origin alone: pin that generation (the default is the newer one).
        presetArgs: { version: "16.2" },
        profile: "ceph",
        title: "Ceph RGW",
        ops: bucketOps(info.endpoint, info, info.region),
        otherSpelling: info.endpoint.replace("127.0.0.1", "localhost"),
        // global-setup put the values in the environment under these names.
        credentialEnv: { BCORS_ENGINE_WRONG_SECRET: WRONG_SECRET },
        credentials: info.credentialEnv,
        secret: info.secretAccessKey,
        deniedExplanation:
          '(status 403) (ceph-legacy rules) — rules[0]: origin "https://evil.example" matches none of "https://app.example.com"; no rule lists the origin: 403',
        configKeys: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
      };
    },
    async () => undefined,
    (ctx) => {
      describe("RGW specifics", () => {
        test("a wrong secret fails up with SignatureDoesNotMatch and never echoes a secret", async () => {
          const { ws, server, deploy } = ctx();
          await deploy({
            name: "wrong",
            target: {
              preset: "ceph",
              args: {
                bucket: "media",
                endpoint: server.ops.endpoint,
                credentials: { accessKeyIdEnv: server.credentials.accessKeyIdEnv, secretAccessKeyEnv: "BCORS_ENGINE_WRONG_SECRET" },
              },
            },
            args: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
          });
          const result = await ws.attempt("up");
          expect(result.ok).toBe(false);
          expect(result.output).toMatch(/GetBucketCors on Ceph RGW bucket "media" failed \(403 SignatureDoesNotMatch\)/);
          expect(result.output).not.toContain(WRONG_SECRET);
          expect(result.output).not.toContain(server.secret);
          expect(ws.backendText()).not.toContain(server.secret);
          expect(await server.ops.liveRules("media")).toBeNull();
        });
      });
    },
  );
});
