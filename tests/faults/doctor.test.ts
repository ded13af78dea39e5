import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { ensureBuilt } from "../cli/build";
import { jsonOf, runCli, stderrOf } from "../cli/run-cli";
import { DENIED, METHOD_NOT_ALLOWED, NOT_IMPLEMENTED } from "./capability-texts";
import { proxiedS3rver } from "./s3-proxied";
import { accessDenied, cors, every, methodNotAllowed, minioNotImplemented, S3_REQUEST_ID, serverWideCors } from "./faults";

/*
 * Issue 22, item 3: `bucket-cors doctor` against stand-ins for what the test servers never answer:
 * community MinIO's 501 NotImplemented to GetBucketCors, a 405, a 403, and a server-wide CORS
 * setting that answers preflights with no configuration set. The fault proxy plays them in front of s3rver.
 */

process.env["BCT_DOC_KEY"] = S3RVER_KEY;
process.env["BCT_DOC_SECRET"] = "doctor-secret-5c1e";

const env = proxiedS3rver(["doc"], { accessKeyIdEnv: "BCT_DOC_KEY", secretAccessKeyEnv: "BCT_DOC_SECRET" });
const where = `S3-compatible storage bucket "doc"`;
const flags = () => [
  "--service",
  "s3",
  "--bucket",
  "doc",
  "--endpoint",
  env.proxy().url,
  "--access-key-id-env",
  "BCT_DOC_KEY",
  "--secret-access-key-env",
  "BCT_DOC_SECRET",
];
const url = () => `${env.proxy().url}/doc/bucket-cors-verify`;

/** The one preflight doctor sends when it cannot see any rule, as s3rver answers it for a bucket without CORS. */
const unlisted = () => ({
  origin: "https://doctor.invalid",
  method: "GET",
  purpose: "unlisted",
  url: url(),
  status: 403,
  allowed: false,
  headers: {},
  predicted: null,
});

const doctor = async () => {
  const run = await runCli(["doctor", ...flags(), "--json"]);
  return { code: run.code, json: jsonOf(run), stderr: stderrOf(run) };
};

beforeAll(() => ensureBuilt(), 300_000);

test("reports 501 NotImplemented to GetBucketCors (community MinIO) as refused, with the server-wide setting and --service swift instead: exit 0, nothing written", async () => {
  env.proxy().plan(every(cors("GET"), minioNotImplemented("doc")));
  expect(await doctor()).toEqual({
    code: 0,
    stderr: "",
    json: {
      ok: true,
      target: `s3:${env.proxy().url.replace("http://", "")}/doc`,
      read: {
        kind: "refused",
        rules: null,
        reason: `GetBucketCors on ${where} failed (501 NotImplemented): A header you provided implies functionality that is not implemented (request id ${S3_REQUEST_ID})\n${NOT_IMPLEMENTED("GetBucketCors", "--service swift")}`,
      },
      preflights: [unlisted()],
      followsRules: null,
      corsWithoutConfiguration: null,
      server: { headers: {}, looksLike: null },
    },
  });
  expect(env.proxy().lines()).toEqual(["GET /doc/?cors= 501 (injected)", "OPTIONS /doc/bucket-cors-verify 403"]);
});

test("reports 405 MethodNotAllowed to GetBucketCors with the provider's advice to check the endpoint", async () => {
  env.proxy().plan(every(cors("GET"), methodNotAllowed("GET")));
  const run = await doctor();
  expect([run.code, (run.json as { read: unknown }).read]).toEqual([
    0,
    {
      kind: "refused",
      rules: null,
      reason: `GetBucketCors on ${where} failed (405 MethodNotAllowed): The specified method is not allowed against this resource. (request id ${S3_REQUEST_ID}) — ${METHOD_NOT_ALLOWED("GET", "read")}`,
    },
  ]);
});

test("reports 403 AccessDenied to GetBucketCors naming s3:GetBucketCORS and the flags that chose the keys", async () => {
  env.proxy().plan(every(cors("GET"), accessDenied()));
  const run = await doctor();
  expect([run.code, (run.json as { read: unknown }).read]).toEqual([
    0,
    {
      kind: "refused",
      rules: null,
      reason: `GetBucketCors on ${where} failed (403 AccessDenied): Access Denied (request id ${S3_REQUEST_ID})\nthe keys were read from BCT_DOC_KEY and BCT_DOC_SECRET (--access-key-id-env, --secret-access-key-env; the AWS default chain is used only without them): ${DENIED("GetBucketCors", "s3:GetBucketCORS")}`,
    },
  ]);
});

test("flags a server that answers Access-Control-Allow-Origin to preflights with no configuration set (a server-wide CORS setting)", async () => {
  env.proxy().plan(every({ method: "OPTIONS" }, serverWideCors()));
  const run = await runCli(["doctor", ...flags()]);
  expect([run.code, run.stdout, stderrOf(run)]).toEqual([
    0,
    [
      `${where} (s3:${env.proxy().url.replace("http://", "")}/doc)`,
      "reads CORS: no configuration",
      `preflight GET from https://doctor.invalid (an origin no rule lists) to ${url()}`,
      "ALLOWED (200)",
      "Headers:",
      "  access-control-allow-methods: GET, PUT, POST, DELETE, HEAD",
      "  access-control-allow-origin: *",
      "  the rules predict denied: differs",
      "answers preflights per bucket rules: no: an answer differs from what the rules predict (bucket-cors verify explains one preflight)",
      "answers CORS with no configuration set: yes: it answers Access-Control-Allow-Origin although the bucket has no CORS configuration, so a server-wide setting decides (ceph/ceph#70697; community MinIO's cors_allow_origin) and bucket rules may not be what browsers get",
      "server: MinIO",
      "  server: MinIO",
      "",
    ].join("\n"),
    "",
  ]);
  expect(await env.s3().liveRules("doc")).toBeNull();
});
