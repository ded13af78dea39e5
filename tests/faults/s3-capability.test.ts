import { s3Backend } from "../../provider/backends/s3/backend";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { rejection } from "../backends/rejection";
import { ensureBuilt } from "../cli/build";
import { runCli, stderrOf } from "../cli/run-cli";
import { DENIED, METHOD_NOT_ALLOWED, NOT_IMPLEMENTED } from "./capability-texts";
import { proxiedS3rver } from "./s3-proxied";
import { accessDenied, cors, every, methodNotAllowed, minioNotImplemented, S3_REQUEST_ID, swiftS3apiNotImplemented } from "./faults";

/* Issue 22, item 3: an endpoint that cannot do a CORS call says what it can do and what to do instead, in the provider's and the CLI's words. */

process.env["BCT_CAP_KEY"] = S3RVER_KEY;
process.env["BCT_CAP_SECRET"] = "capability-secret-81d2";
const CONFIG = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] }] };
const RULES_JSON = JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }] });

const VARIABLES =
  "the keys were read from BCT_CAP_KEY and BCT_CAP_SECRET, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain)";

const env = proxiedS3rver(["caps"], { accessKeyIdEnv: "BCT_CAP_KEY", secretAccessKeyEnv: "BCT_CAP_SECRET" });
const target = env.target;
const where = (bucket: string) => `S3-compatible storage bucket "${bucket}"`;

describe("the provider's words (the S3 backend through the fault proxy in front of s3rver)", () => {
  test("fails when PutBucketCors answers 501 NotImplemented as community MinIO does: the server-wide setting and the swift profile instead; not retried", async () => {
    env.proxy().plan(every(cors("PUT"), minioNotImplemented("caps")));
    const error = await rejection(s3Backend.put(target("caps"), CONFIG));
    expect([error.code, error.status, error.serviceCode, error.message]).toEqual([
      "ServiceError",
      501,
      "NotImplemented",
      `PutBucketCors on ${where("caps")} failed (501 NotImplemented): A header you provided implies functionality that is not implemented (request id ${S3_REQUEST_ID}) — ${NOT_IMPLEMENTED("PutBucketCors", 'profile: "swift"')}`,
    ]);
    expect(env.proxy().lines()).toEqual(["PUT /caps/?cors= 501 (injected)"]);
    expect(await env.s3().liveRules("caps")).toBeNull();
  });

  test("fails when GetBucketCors answers 501 NotImplemented as Swift's s3api does to every ?cors call", async () => {
    env.proxy().plan(every(cors("GET"), swiftS3apiNotImplemented()));
    const error = await rejection(s3Backend.get(target("caps")));
    expect(error.message).toBe(
      `GetBucketCors on ${where("caps")} failed (501 NotImplemented): The requested resource is not implemented (request id ${S3_REQUEST_ID}) — ${NOT_IMPLEMENTED("GetBucketCors", 'profile: "swift"')}`,
    );
  });

  const methods = [
    { operation: "GetBucketCors", method: "GET" as const, verb: "read", call: () => s3Backend.get(target("caps")) },
    { operation: "PutBucketCors", method: "PUT" as const, verb: "change", call: () => s3Backend.put(target("caps"), CONFIG) },
    { operation: "DeleteBucketCors", method: "DELETE" as const, verb: "change", call: () => s3Backend.delete(target("caps")) },
  ];

  test.each(methods)("fails when $operation answers 405 MethodNotAllowed: check the endpoint is the S3 API's", async ({ operation, method, verb, call }) => {
    env.proxy().plan(every(cors(method), methodNotAllowed(method)));
    const error = await rejection(call());
    expect([error.code, error.status, error.message]).toEqual([
      "ServiceError",
      405,
      `${operation} on ${where("caps")} failed (405 MethodNotAllowed): The specified method is not allowed against this resource. (request id ${S3_REQUEST_ID}) — ${METHOD_NOT_ALLOWED(method, verb)}`,
    ]);
  });

  const permissions = [
    { operation: "GetBucketCors", method: "GET" as const, permission: "s3:GetBucketCORS", call: () => s3Backend.get(target("caps")) },
    { operation: "PutBucketCors", method: "PUT" as const, permission: "s3:PutBucketCORS", call: () => s3Backend.put(target("caps"), CONFIG) },
    { operation: "DeleteBucketCors", method: "DELETE" as const, permission: "s3:PutBucketCORS", call: () => s3Backend.delete(target("caps")) },
  ];

  test.each(permissions)("fails when $operation answers 403 AccessDenied: names $permission", async ({ operation, method, permission, call }) => {
    env.proxy().plan(every(cors(method), accessDenied()));
    const error = await rejection(call());
    expect([error.code, error.status, error.message]).toEqual([
      "ServiceError",
      403,
      `${operation} on ${where("caps")} failed (403 AccessDenied): Access Denied (request id ${S3_REQUEST_ID}) — ${VARIABLES} — ${DENIED(operation, permission)}`,
    ]);
  });
});

describe("the CLI's words (bucket-cors through the same proxy)", () => {
  const flags = () => [
    "--service",
    "s3",
    "--bucket",
    "caps",
    "--endpoint",
    env.proxy().url,
    "--access-key-id-env",
    "BCT_CAP_KEY",
    "--secret-access-key-env",
    "BCT_CAP_SECRET",
  ];
  const id = () => `s3:${env.proxy().url.replace("http://", "")}/caps`;
  // A 403 or a 501 to the one PutBucketCors sent is a refusal: nothing was written (issue 23, item 6; RFC 9110 §15.6.2).
  const nothingWritten = `Nothing was written: ${where("caps")} still holds no CORS configuration`;
  const cliKeys =
    "the keys were read from BCT_CAP_KEY and BCT_CAP_SECRET (--access-key-id-env, --secret-access-key-env; the AWS default chain is used only without them)";

  beforeAll(() => ensureBuilt(), 300_000);

  test("fails when apply meets 501 NotImplemented: exit 1, the advice on its own line names --service swift", async () => {
    env.proxy().plan(every(cors("PUT"), minioNotImplemented("caps")));
    const run = await runCli(["apply", "-", ...flags()], { input: RULES_JSON });
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      1,
      "",
      `error: ${id()}: PutBucketCors on ${where("caps")} failed (501 NotImplemented): A header you provided implies functionality that is not implemented (request id ${S3_REQUEST_ID})\n${nothingWritten}\n${NOT_IMPLEMENTED("PutBucketCors", "--service swift")}\n`,
    ]);
  });

  test("fails when get meets 405 MethodNotAllowed: exit 1 with the provider's advice, which names no SDK property", async () => {
    env.proxy().plan(every(cors("GET"), methodNotAllowed("GET")));
    const run = await runCli(["get", ...flags()]);
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      1,
      "",
      `error: GetBucketCors on ${where("caps")} failed (405 MethodNotAllowed): The specified method is not allowed against this resource. (request id ${S3_REQUEST_ID}) — ${METHOD_NOT_ALLOWED("GET", "read")}\n`,
    ]);
  });

  test("fails when apply meets 403 AccessDenied on PutBucketCors: names s3:PutBucketCORS and the flags that chose the keys", async () => {
    env.proxy().plan(every(cors("PUT"), accessDenied()));
    const run = await runCli(["apply", "-", ...flags()], { input: RULES_JSON });
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      1,
      "",
      `error: ${id()}: PutBucketCors on ${where("caps")} failed (403 AccessDenied): Access Denied (request id ${S3_REQUEST_ID})\n${nothingWritten}\n${cliKeys}: ${DENIED("PutBucketCors", "s3:PutBucketCORS")}\n`,
    ]);
  });
});
