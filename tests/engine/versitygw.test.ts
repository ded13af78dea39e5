import { describeWithVersitygw } from "../servers/real-servers";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { opsOf } from "../../testkit/engine/events";
import { s3EngineSuite } from "./s3-engine-suite";

/**
 * The scenarios that reach the server, in the suite's order: the dialect's explanation at preview,
 * create, update, refresh of an out-of-band edit and delete, replace onto another bucket. The rest
 * of the suite (preview-only checks, onExisting, parallelism, secrets in state) does not depend
 * on the server and runs on s3rver and RGW; all 19 on versitygw took 35 min on a loaded machine
 * (16 passed, 3 timed out compiling), which CI cannot spend on a fourth server.
 */
const SCENARIOS = [
  "a failing expectation fails preview with its explanation",
  "up writes the rules, as the bare SDK reads them back",
  "one value changed: preview --diff names it, up applies it",
  "an out-of-band change: refresh records it, up restores the declared rules",
  "an out-of-band delete: refresh drops the resource, up creates it again",
  "the target moves to another bucket: a replace, the new bucket has the rules and the old one none",
];

// Issue 22, item 1: the engine suite's S3 scenarios on versitygw, the one server here that answers
// CORS the way AWS documents (docs/cors-semantics.md, "16. versitygw"). Inline, as on RGW: the
// directory route is s3rver's (docs/engine-tests.md, "Two routes").
describeWithVersitygw("versitygw (real server)", (versitygw) => {
  s3EngineSuite(
    "versitygw",
    "inline",
    async () => {
      const info = versitygw();
      return {
        name: "versitygw",
        preset: "versitygw",
        profile: "versitygw",
        title: "versitygw",
        ops: bucketOps(info.endpoint, info, info.region),
        otherSpelling: info.endpoint.replace("127.0.0.1", "localhost"),
        // global-setup put the values in the environment under these names.
        credentialEnv: {},
        credentials: info.credentialEnv,
        secret: info.secretAccessKey,
        deniedExplanation:
          '(status 403) (versitygw rules) — rules[0]: origin "https://evil.example" matches none of "https://app.example.com"; no rule matches',
        configKeys: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
      };
    },
    async () => undefined,
    (ctx) => {
      describe("versitygw's end of the chain", () => {
        test("destroy removes the configuration the stack manages, and no bucket keeps one", async () => {
          const { ws, server } = ctx();
          expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
          for (const bucket of ["assets", "media", "other", "gone"]) expect(await server.ops.liveRules(bucket)).toBeNull();
          expect(await ws.resources()).toEqual([]);
        });
      });
    },
    SCENARIOS,
  );
});
