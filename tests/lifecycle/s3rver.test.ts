import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { s3LifecycleSuite } from "./s3-lifecycle-suite";

const SECRET_VALUE = "s3rver-secret-value-9f2c";
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"] };
let s3: EmbeddedS3;

s3LifecycleSuite(
  "s3rver",
  async () => {
    // s3rver checks the access key but not the signature, so any secret works (docs/test-servers.md, "s3rver").
    process.env["BCORS_TEST_KEY_ID"] = "S3RVER";
    process.env["BCORS_TEST_SECRET"] = SECRET_VALUE;
    s3 = await startS3rver();
    return {
      name: "s3rver",
      profile: "s3",
      title: "S3-compatible storage",
      ops: s3,
      credentials: { accessKeyIdEnv: "BCORS_TEST_KEY_ID", secretAccessKeyEnv: "BCORS_TEST_SECRET" },
      secret: SECRET_VALUE,
    };
  },
  async () => s3?.stop(),
  (ctx) => {
    describe("s3rver's own rewrites", () => {
      test('an ID rewritten "007" → "7" is no drift and no diff', async () => {
        const { harness, server, policy } = ctx();
        const withId = [{ ...app, id: "007" }];
        await harness.up(policy(server, "ids", withId));
        expect((await server.ops.liveRules("ids"))?.[0]?.ID).toBe("7");
        expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["same"]);
        expect((await harness.preview(policy(server, "ids", withId))).steps.map((s) => s.op)).toEqual(["same"]);
        await harness.destroy();
      });
    });
  },
);
