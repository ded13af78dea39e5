import { s3Backend } from "../../provider/backends/s3/backend";
import { applyPolicy } from "../../provider/operations/apply";
import { REFUSAL_WORDS } from "../../provider/operations/words";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { every, serverWideCors } from "./faults";
import { proxiedS3rver } from "./s3-proxied";

/*
 * Issue 22, item 3: a server that answers CORS with no bucket configuration deciding it (a
 * server-wide setting, ceph/ceph#70697; community MinIO's cors_allow_origin). The fault proxy
 * plays it in front of s3rver: every preflight allowed, whatever the bucket holds.
 */

process.env["BCT_WIDE_KEY"] = S3RVER_KEY;
process.env["BCT_WIDE_SECRET"] = "server-wide-secret-7a2d";

const env = proxiedS3rver(["wide"], { accessKeyIdEnv: "BCT_WIDE_KEY", secretAccessKeyEnv: "BCT_WIDE_SECRET" }, every({ method: "OPTIONS" }, serverWideCors()));
const CONFIG = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] }] };
const EXPECTATIONS = [
  { origin: "https://app.example.com", method: "GET", allowed: true },
  { origin: "https://evil.example", method: "GET", allowed: false },
  { origin: "https://app.example.com", method: "PUT", allowed: false },
];

test("fails when verify: preflight finds origins the rules deny allowed: names the entries, the server-wide setting and what to do; the bucket is as it was", async () => {
  const url = `${env.proxy().url}/wide/bucket-cors-verify`;
  const confirm = { mode: "preflight" as const, timeoutSeconds: 0, expectations: EXPECTATIONS, words: REFUSAL_WORDS.resource };
  await expect(applyPolicy(s3Backend, env.target("wide"), CONFIG, { owned: false, onExisting: "fail", confirm })).rejects.toThrow(
    [
      `live preflights to ${url} (S3-compatible storage bucket "wide") still disagreed with expect after 0 s:`,
      "  expect[1] GET from https://evil.example: expected denied, observed allowed (status 200)",
      "  expect[2] PUT from https://app.example.com: expected denied, observed allowed (status 200)",
      "— if the service is slow to serve changes, raise propagationTimeoutSeconds; otherwise the server answers differently from its dialect's prediction: correct the rules or the expectation",
      "— expect[1], expect[2] were allowed although the rules deny them: if the endpoint answers CORS from a server-wide setting (Ceph RGW's global CORS rule, ceph/ceph#70697; community MinIO's MINIO_API_CORS_ALLOW_ORIGIN), that setting decides whatever the bucket's rules say — remove the origins from the server's setting, or expect them allowed; `bucket-cors doctor` shows whether the endpoint answers CORS with no configuration set",
      "The previous configuration was restored (no CORS configuration).",
    ].join("\n"),
  );
  expect(await env.s3().liveRules("wide")).toBeNull();
});

test("an expectation allowed but seen denied gets no server-wide hint: only a denied one seen allowed is its symptom", async () => {
  env.proxy().plan();
  const confirm = {
    mode: "preflight" as const,
    timeoutSeconds: 0,
    expectations: [{ origin: "https://app.example.com", method: "PUT", allowed: true }],
    words: REFUSAL_WORDS.resource,
  };
  const failure = applyPolicy(s3Backend, env.target("wide"), CONFIG, { owned: false, onExisting: "fail", confirm });
  await expect(failure).rejects.toThrow("expect[0] PUT from https://app.example.com: expected allowed, observed denied (status 403)");
  await expect(failure).rejects.not.toThrow("server-wide");
  expect(await env.s3().liveRules("wide")).toBeNull();
});
