import { rejection } from "./rejection";
import { s3Backend } from "../../provider/backends/s3/backend";
import { MAX_RESPONSE_BYTES } from "../../provider/backends/limits";
import type { Target } from "../../provider/targets";
import { drip, fixed, huge, loopbackS3Target, servedPerFile, type Loopback } from "./loopback";

process.env["BCT_ACCESS_KEY"] = "AKIDBCT";
process.env["BCT_SECRET_KEY"] = "Zq"; // two characters: a short secret is still scrubbed
const RULES = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] }] };

const target = (server: Loopback, bucket = "hostile"): Target => loopbackS3Target(server, bucket);

const serve = servedPerFile();

describe("S3 backend against hostile loopback servers", () => {
  test("fails when a server drips one byte every 2 s: get ends at its overall deadline", async () => {
    const server = await serve(drip());
    const started = Date.now();
    const error = await rejection(s3Backend.get(target(server, "drip"), { deadlineMs: 3_000 }));
    expect(Date.now() - started).toBeLessThan(4_500);
    expect([error.code, error.message]).toEqual([
      "DeadlineExceeded",
      `GetBucketCors on S3-compatible storage bucket "drip" failed (Timeout): no complete answer within the deadline of 3 s — the service is unreachable, stalled or too slow; try again later`,
    ]);
  });

  test("fails when a server drips one byte every 2 s: put and delete end at their deadline too", async () => {
    const server = await serve(drip());
    const put = await rejection(s3Backend.put(target(server, "drip-put"), RULES, { deadlineMs: 2_500 }));
    const del = await rejection(s3Backend.delete(target(server, "drip-delete"), { deadlineMs: 2_500 }));
    expect([put.code, del.code]).toEqual(["DeadlineExceeded", "DeadlineExceeded"]);
    expect(del.message).toBe(
      `DeleteBucketCors on S3-compatible storage bucket "drip-delete" failed (Timeout): no complete answer within the deadline of 2.5 s — the service is unreachable, stalled or too slow; try again later`,
    );
  });

  test("fails when a preflight's server drips: the probe ends at its deadline", async () => {
    const server = await serve(drip());
    const started = Date.now();
    const error = await rejection(
      s3Backend.preflight(
        target(server, "drip-probe"),
        { method: "OPTIONS", headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "GET" } },
        { deadlineMs: 2_000 },
      ),
    );
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(error.message).toBe(
      `Preflight on S3-compatible storage bucket "drip-probe" failed (Timeout): no complete answer within the deadline of 2 s — the service is unreachable, stalled or too slow; try again later`,
    );
  });

  test.each([
    { name: "with Content-Length", withLength: true },
    { name: "chunked, without Content-Length", withLength: false },
  ])("fails fast when GetBucketCors answers a 200 MB body ($name), without reading it", async ({ withLength }) => {
    const server = await serve(huge(200 * 1024 * 1024, withLength));
    const started = Date.now();
    const error = await rejection(s3Backend.get(target(server, "huge")));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect([error.code, error.message]).toEqual([
      "ResponseTooLarge",
      `GetBucketCors on S3-compatible storage bucket "huge" failed (200 ResponseTooLarge): the answer's body is larger than ${MAX_RESPONSE_BYTES / 1024} KiB, the most this package reads; it was not read — check that the endpoint is the storage service's API`,
    ]);
    expect(server.received.length).toBe(1); // not retried
    expect(server.sent).toBeLessThan(16 * 1024 * 1024); // socket buffers at most, not the body
  });

  test("a preflight answered with a 200 MB body returns the status and headers, reading 64 KiB of it", async () => {
    const server = await serve(huge(200 * 1024 * 1024, false));
    const answer = await s3Backend.preflight(target(server, "huge-probe"), { method: "OPTIONS", headers: { Origin: "https://app.example.com" } });
    expect([answer.status, answer.headers["content-type"], answer.errorCode]).toEqual([200, "application/xml", undefined]);
    expect(server.sent).toBeLessThan(16 * 1024 * 1024);
  });

  test('fails when a 200 answer to GetBucketCors is an HTML page, naming the service and content type (never "0 rules")', async () => {
    const server = await serve(fixed(200, { "Content-Type": "text/html; charset=utf-8" }, "<!DOCTYPE html><html><body>Sign in</body></html>"));
    const error = await rejection(s3Backend.get(target(server, "html")));
    expect([error.code, error.message]).toEqual([
      "NotCorsDocument",
      `GetBucketCors on S3-compatible storage bucket "html" failed (200 NotCorsDocument): the answer is not an S3 CORS configuration (content type text/html, root element <html>) — check that the endpoint is the service's S3 API, not a website or a proxy's page`,
    ]);
  });

  test("fails when a 200 answer is XML of another kind", async () => {
    const server = await serve(fixed(200, { "Content-Type": "application/xml" }, `<?xml version="1.0"?><ListBucketResult><Name>x</Name></ListBucketResult>`));
    const error = await rejection(s3Backend.get(target(server, "other-xml")));
    expect(error.message).toBe(
      `GetBucketCors on S3-compatible storage bucket "other-xml" failed (200 NotCorsDocument): the answer is not an S3 CORS configuration (content type application/xml, root element <ListBucketResult>) — check that the endpoint is the service's S3 API, not a website or a proxy's page`,
    );
  });

  test("an empty <CORSConfiguration/> is unreadable, with the document as sent", async () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>`;
    const server = await serve(fixed(200, { "Content-Type": "application/xml" }, body));
    expect(await s3Backend.get(target(server, "empty"))).toEqual({
      kind: "unreadable",
      raw: body,
      issues: [
        {
          code: "no-rules",
          path: [],
          params: {},
          severity: "error",
          message:
            "the bucket answered a CORS document with no rules, which S3 does not accept as a configuration — remove it (bucket-cors delete) or put rules over it",
        },
      ],
    });
  });

  test("a service error quoting the secret key, a default-chain session token and a user:pass@ URL is scrubbed", async () => {
    const message = "Signature for Zq with token SESSION-tok-1 via http://admin:hunter2@proxy.internal/ did not match";
    const server = await serve(
      fixed(
        403,
        { "Content-Type": "application/xml", "x-amz-request-id": "REQ1" },
        `<Error><Code>SignatureDoesNotMatch</Code><Message>${message}</Message></Error>`,
      ),
    );
    const explicit = await rejection(s3Backend.put(target(server, "signed"), RULES));
    expect([explicit.code, explicit.serviceCode, explicit.status]).toEqual(["ServiceError", "SignatureDoesNotMatch", 403]);
    expect(explicit.message).toBe(
      `PutBucketCors on S3-compatible storage bucket "signed" failed (403 SignatureDoesNotMatch): Signature for *** with token SESSION-tok-1 via http://***@proxy.internal/ did not match (request id REQ1) — the keys were read from BCT_ACCESS_KEY and BCT_SECRET_KEY, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain) — check that they are this service's access key id and secret`,
    );

    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "AKIDCHAIN", AWS_SECRET_ACCESS_KEY: "chain-secret", AWS_SESSION_TOKEN: "SESSION-tok-1" });
    try {
      const { credentials: _, ...chain } = target(server, "chain");
      const error = await rejection(s3Backend.get(chain));
      expect(error.message).toBe(
        `GetBucketCors on S3-compatible storage bucket "chain" failed (403 SignatureDoesNotMatch): Signature for Zq with token *** via http://***@proxy.internal/ did not match (request id REQ1) — target.credentials names no variables and the bucket-cors: config has no keys, so the AWS default chain, tried last, signed (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then AWS_PROFILE in ~/.aws, then a container or instance role) — check that they are this service's access key id and secret, or name the variables that hold this service's keys in target.credentials: { accessKeyIdEnv, secretAccessKeyEnv }`,
      );
      expect(error.cause).toBeInstanceOf(Error);
    } finally {
      for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) delete process.env[name];
    }
  });

  test("fails when GetBucketCors is answered 307: the SDK does not follow it, so the signed request never reaches the other server", async () => {
    const other = await serve(fixed(200, { "Content-Type": "application/xml" }, "<CORSConfiguration/>"));
    const server = await serve(fixed(307, { Location: `${other.url}/redirected?cors` }));
    const error = await rejection(s3Backend.get(target(server, "redirected")));
    expect([error.code, error.message]).toEqual([
      "RedirectRefused",
      `GetBucketCors on S3-compatible storage bucket "redirected" failed (307 Redirect): the service redirected the request to ${other.url}; redirects are not followed, so that no credential is sent to another address — set the endpoint to the address the service names, if you trust it`,
    ]);
    expect(other.received).toEqual([]);
  });

  test("a preflight answered 302 returns that answer and is not followed", async () => {
    const other = await serve(fixed(200, { "Access-Control-Allow-Origin": "*" }));
    const server = await serve(fixed(302, { Location: `${other.url}/elsewhere` }));
    const answer = await s3Backend.preflight(target(server, "probe-redirected"), { method: "OPTIONS", headers: { Origin: "https://app.example.com" } });
    expect([answer.status, answer.headers["location"]]).toEqual([302, `${other.url}/elsewhere`]);
    expect(other.received).toEqual([]);
  });

  // Issue 12: the CLI's credential hint matched the SDK's wording; the backend now gives it a code.
  test("fails when the default chain finds no credentials: code MissingCredentials, and no request is sent", async () => {
    const server = await serve(fixed(200, {}));
    const cleared = {
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_PROFILE: "",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
      AWS_CONFIG_FILE: "/nonexistent",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const saved = Object.fromEntries(Object.keys(cleared).map((name) => [name, process.env[name]]));
    Object.assign(process.env, cleared);
    try {
      const { credentials: _, ...chain } = target(server, "no-credentials");
      const error = await rejection(s3Backend.get({ ...chain, region: "eu-north-1" })); // a new client: the chain is read again
      expect([error.code, error.serviceCode, error.message.split(":")[0]]).toEqual([
        "MissingCredentials",
        "NoCredentials",
        `GetBucketCors on S3-compatible storage bucket "no-credentials" failed (NoCredentials)`,
      ]);
      expect(server.received).toEqual([]);
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  test("fails when a connection is refused, with the network code", async () => {
    const server = await serve(fixed(200, {}));
    await server.close();
    const error = await rejection(s3Backend.get(target(server, "refused"), { deadlineMs: 30_000 }));
    expect([error.code, error.serviceCode, error.message.startsWith(`GetBucketCors on S3-compatible storage bucket "refused" failed (ECONNREFUSED)`)]).toEqual([
      "NetworkError",
      "ECONNREFUSED",
      true,
    ]);
  }, 60_000);
});
