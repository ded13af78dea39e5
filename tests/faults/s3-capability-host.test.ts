import type { DeploymentError } from "../../testkit/host";
import { DENIED, NOT_IMPLEMENTED } from "./capability-texts";
import { accessDenied, cors, every, minioNotImplemented, S3_REQUEST_ID } from "./faults";
import { startS3Faults, type S3Faults } from "./s3-setup";

/* Issue 22, item 3, in a Pulumi program: the provider's words reach `pulumi up` through the real provider host. */

const RULES = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const URN = "urn:pulumi:faults-s3::cors::pulumi-nodejs:dynamic/bucket-cors:CorsPolicy::site";
/** What writeConfirmed (provider/operations/write.ts) adds to a write refused with a 4xx or 501 to its one attempt (issue 23, item 6). */
const NOTHING_WRITTEN = (bucket: string) => `Nothing was written: S3-compatible storage bucket "${bucket}" still holds no CORS configuration`;

let env: S3Faults;

beforeAll(async () => {
  env = await startS3Faults(["cap-501", "cap-403"]);
}, 180_000);
afterAll(async () => {
  await env?.stop();
});

async function failure(operation: Promise<unknown>): Promise<DeploymentError> {
  try {
    await operation;
  } catch (error) {
    return error as DeploymentError;
  }
  throw new Error("up succeeded against an endpoint that refuses PutBucketCors");
}

test('fails when PutBucketCors answers 501 NotImplemented: up names the server-wide MinIO setting and profile: "swift", and leaves the state empty', async () => {
  env.proxy.plan(every(cors("PUT"), minioNotImplemented("cap-501")));
  const error = await failure(env.harness.up(env.program("cap-501", RULES)));
  expect(error.message).toBe(
    `up failed: create failed for ${URN}: PutBucketCors on S3-compatible storage bucket "cap-501" failed (501 NotImplemented): A header you provided implies functionality that is not implemented (request id ${S3_REQUEST_ID}) — ${NOT_IMPLEMENTED("PutBucketCors", 'profile: "swift"')}\n${NOTHING_WRITTEN("cap-501")}`,
  );
  expect(env.harness.state()).toEqual({ resources: [] });
  expect(await env.s3.liveRules("cap-501")).toBeNull();
});

test("fails when PutBucketCors answers 403 AccessDenied: up names s3:PutBucketCORS and the target.credentials variables", async () => {
  env.proxy.plan(every(cors("PUT"), accessDenied()));
  const error = await failure(env.harness.up(env.program("cap-403", RULES)));
  const keys =
    "the keys were read from BCORS_FAULT_KEY_CAP_403 and BCORS_FAULT_SECRET, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain)";
  expect(error.message).toBe(
    `up failed: create failed for ${URN}: PutBucketCors on S3-compatible storage bucket "cap-403" failed (403 AccessDenied): Access Denied (request id ${S3_REQUEST_ID}) — ${keys} — ${DENIED("PutBucketCors", "s3:PutBucketCORS")}\n${NOTHING_WRITTEN("cap-403")}`,
  );
  expect(env.harness.state()).toEqual({ resources: [] });
});
