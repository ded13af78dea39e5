import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf, refreshesOf } from "../../testkit/engine/events";
import { s3EngineSuite } from "./s3-engine-suite";

const SECRET_VALUE = "s3rver-engine-secret-4b7e";
let s3: EmbeddedS3;

// Every scenario runs on both routes: here typed in the project directory, on RGW (rgw.test.ts)
// as an inline program; running each on both servers and both routes repeated itself.
s3EngineSuite(
  "s3rver",
  "directory",
  async () => {
    s3 = await startS3rver();
    return {
      name: "s3rver",
      preset: "s3",
      profile: "s3",
      title: "S3-compatible storage",
      ops: s3,
      otherSpelling: s3.endpoint.replace("127.0.0.1", "localhost"),
      // s3rver checks the access key (S3RVER) but not the signature, so any secret works.
      credentialEnv: { BCORS_ENGINE_KEY_ID: "S3RVER", BCORS_ENGINE_SECRET: SECRET_VALUE },
      credentials: { accessKeyIdEnv: "BCORS_ENGINE_KEY_ID", secretAccessKeyEnv: "BCORS_ENGINE_SECRET" },
      secret: SECRET_VALUE,
      deniedExplanation: '(status 403) (aws rules) — rules[0]: origin "https://evil.example" matches none of "https://app.example.com"; no rule matches',
      configKeys: { accessKeyId: "S3RVER", secretAccessKey: "config-secret-value-e81f" },
    };
  },
  async () => s3?.stop(),
  (ctx) => {
    describe("s3rver's own rewrites", () => {
      test('an ID rewritten "007" → "7" is no drift and no diff', async () => {
        const { ws, server, policy, deploy } = ctx();
        const withId = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], id: "007" }];
        await deploy(policy("media", withId));
        expect(opsOf(await ws.up())).toEqual(["create site"]);
        expect((await server.ops.liveRules("media"))?.[0]?.ID).toBe("7");
        expect(refreshesOf(await ws.refresh())).toEqual(["same site"]);
        expect(opsOf(await ws.preview({ expectNoChanges: true }))).toEqual(["same site"]);
        expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
      });
    });
  },
);
