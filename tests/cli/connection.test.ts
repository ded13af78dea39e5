import { writeFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { selfSigned } from "../../testkit/self-signed";
import { ensureBuilt } from "./build";
import { startFakeSwift, type FakeSwift } from "./fake-swift";
import { fixtureDir } from "./fixtures";
import { runCli, type CliRun } from "./run-cli";

/*
 * Issue 12, item 5: --debug (each request and response line, credentials masked),
 * --ca-bundle and --no-verify-ssl, against loopback stand-ins answering GetBucketCors.
 */

const KEY_ENV = "BCT_CONN_KEY";
const SECRET_ENV = "BCT_CONN_SECRET";
const SECRET = "conn-secret-Zq9";
const SESSION_ENV = "BCT_CONN_SESSION";
const SESSION = "session-token-Xy7";
const CORS_XML = `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration><CORSRule><AllowedOrigin>https://app.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;

let dir: string;
let https: HttpServer;
let http: HttpServer;
const servers: HttpServer[] = [];

function answerCors(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "application/xml", "x-amz-request-id": "REQ42" });
  res.end(CORS_XML);
}

async function listen(server: HttpServer): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return String((server.address() as AddressInfo).port);
}

let httpsPort: string;
let swift: FakeSwift;
const SWIFT_TOKEN = "swift-token-tls-5d2e";
let httpPort: string;

beforeAll(async () => {
  dir = fixtureDir({ "not-pem.txt": "just text\n", "bad-pem.pem": "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n" });
  // A self-signed certificate for 127.0.0.1, made for this run: it is its own CA.
  const tls = selfSigned(dir);
  https = createHttpsServer({ key: tls.key, cert: tls.cert }, answerCors);
  http = createHttpServer(answerCors);
  httpsPort = await listen(https);
  swift = await startFakeSwift(["media"], SWIFT_TOKEN, { key: tls.key, cert: tls.cert });
  httpPort = await listen(http);
  writeFileSync(join(dir, "huge.pem"), Buffer.alloc(2 * 1024 * 1024, "a"));
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await swift?.stop();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const env = { [KEY_ENV]: "AKIDCONN", [SECRET_ENV]: SECRET, [SESSION_ENV]: SESSION };
const target = (scheme: "http" | "https") => [
  "--service",
  "s3",
  "--endpoint",
  `${scheme}://127.0.0.1:${scheme === "https" ? httpsPort : httpPort}`,
  "--bucket",
  "conn",
  "--access-key-id-env",
  KEY_ENV,
  "--secret-access-key-env",
  SECRET_ENV,
];
const cli = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir, env });

describe("--ca-bundle and --no-verify-ssl", () => {
  test("a self-signed service is read with --ca-bundle naming its certificate", async () => {
    const run = await cli(["get", ...target("https"), "--ca-bundle", "cert.pem", "--format", "aws-json"]);
    expect([run.code, run.stderr, JSON.parse(run.stdout)]).toEqual([
      0,
      "",
      { CORSRules: [{ AllowedMethods: ["GET"], AllowedOrigins: ["https://app.example.com"] }] },
    ]);
  });

  test("fails without --ca-bundle, naming the certificate problem and the flag", async () => {
    const run = await cli(["get", ...target("https")]);
    expect([run.code, run.stdout]).toEqual([1, ""]);
    expect(run.stderr.split("\n")).toEqual([
      `error: GetBucketCors on S3-compatible storage bucket "conn" failed (DEPTH_ZERO_SELF_SIGNED_CERT): self-signed certificate`,
      "the service's TLS certificate is not issued by a CA Node trusts — give --ca-bundle FILE with the PEM certificate of the CA that issued it (--no-verify-ssl skips the check, insecurely)",
      "",
    ]);
  });

  test("--no-verify-ssl reads it, with a warning on stderr", async () => {
    const run = await cli(["get", ...target("https"), "--no-verify-ssl", "--format", "aws-json"]);
    expect([run.code, run.stderr]).toEqual([
      0,
      "warning: --no-verify-ssl: TLS certificates are not verified, so anyone on the network path can read and change these requests, credentials included — prefer --ca-bundle FILE with the service's CA\n",
    ]);
  });

  test.each([
    ["missing.pem", `error: cannot read --ca-bundle "missing.pem" (ENOENT) — check the path\n`],
    [
      "not-pem.txt",
      `error: --ca-bundle "not-pem.txt" holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block) — give the CA certificate in PEM form, e.g. openssl x509 -in ca.der -inform der -out ca.pem\n`,
    ],
    [
      "huge.pem",
      `error: --ca-bundle "huge.pem" is larger than 1024 KiB, more than a CA bundle holds — give the PEM file of the CA that issued the service's certificate\n`,
    ],
  ])("fails (exit 2) when --ca-bundle is %s", async (file, stderr) => {
    expect(await cli(["get", ...target("https"), "--ca-bundle", file])).toEqual({ code: 2, stdout: "", stderr });
  });

  test("fails (exit 2) when a PEM block is not a certificate", async () => {
    const run = await cli(["get", ...target("https"), "--ca-bundle", "bad-pem.pem"]);
    expect([run.code, run.stderr.startsWith(`error: --ca-bundle "bad-pem.pem": certificate 1 of 1 cannot be read (`)]).toEqual([2, true]);
  });
});

/** The trace with what changes from run to run (dates, ids, ports, signatures' scope date, SDK versions) replaced. */
const shape = (stderr: string) =>
  stderr.split("\n").map((line) =>
    line
      .replace(/\d{8}T\d{6}Z/g, "<date>")
      .replace(/\/\d{8}\//g, "/<day>/")
      .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>")
      .replace(/^(debug: > amz-sdk-invocation-id: ).*/, "$1<uuid>")
      .replace(/^(debug: > (user-agent|x-amz-user-agent): ).*/, "$1<sdk>")
      .replace(/^(debug: < date: ).*/, "$1<http-date>"),
  );

describe("--debug", () => {
  test("prints each request and response line with headers on stderr, the signature, key id (a named variable) and session token masked", async () => {
    const run = await cli(["get", ...target("http"), "--session-token-env", SESSION_ENV, "--expected-bucket-owner", "111122223333", "--debug", "--json"]);
    expect(run.code).toBe(0);
    expect(shape(run.stderr)).toEqual([
      "debug: > GET http://127.0.0.1:<port>/conn/?cors=",
      "debug: > amz-sdk-invocation-id: <uuid>",
      "debug: > amz-sdk-request: attempt=1; max=5",
      "debug: > authorization: AWS4-HMAC-SHA256 Credential=***/<day>/us-east-1/s3/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date;x-amz-expected-bucket-owner;x-amz-security-token;x-amz-user-agent, Signature=***",
      "debug: > host: 127.0.0.1:<port>",
      "debug: > user-agent: <sdk>",
      "debug: > x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "debug: > x-amz-date: <date>",
      "debug: > x-amz-expected-bucket-owner: 111122223333",
      "debug: > x-amz-security-token: ***",
      "debug: > x-amz-user-agent: <sdk>",
      "debug: < 200 OK",
      "debug: < connection: keep-alive",
      "debug: < content-type: application/xml",
      "debug: < date: <http-date>",
      "debug: < keep-alive: timeout=5",
      "debug: < transfer-encoding: chunked",
      "debug: < x-amz-request-id: REQ42",
      "",
    ]);
    expect([run.stderr.includes(SECRET), run.stderr.includes(SESSION), run.stdout.includes(SECRET)]).toEqual([false, false, false]);
  });
});

describe("Swift over HTTPS", () => {
  const swiftFlags = () => ["--service", "swift", "--bucket", "media", "--endpoint", swift.storageUrl];
  const swiftCli = (args: string[]) => runCli(args, { cwd: dir, env: { OS_AUTH_TOKEN: SWIFT_TOKEN } });

  test("--ca-bundle is trusted for Swift too, and --debug masks X-Auth-Token", async () => {
    const run = await swiftCli(["get", ...swiftFlags(), "--ca-bundle", "cert.pem", "--debug", "--json"]);
    // Answered over TLS: the empty container's own answer, not a certificate error.
    expect([run.code, (JSON.parse(run.stdout) as { error: { message: string } }).error.message]).toEqual([
      1,
      `OpenStack Swift container "media" (swift:${swift.storageUrl.replace("https://", "")}/media) has no CORS configuration`,
    ]);
    expect(shape(run.stderr)).toEqual([
      "debug: > HEAD https://127.0.0.1:<port>/v1/AUTH_test/media",
      "debug: > x-auth-token: ***",
      "debug: < 204 No Content",
      "debug: < connection: keep-alive",
      "debug: < date: <http-date>",
      "debug: < keep-alive: timeout=5",
      "",
    ]);
    expect(run.stderr.includes(SWIFT_TOKEN)).toBe(false);
  });

  test("fails without --ca-bundle, naming the certificate problem and the flag", async () => {
    const run = await swiftCli(["get", ...swiftFlags()]);
    // node:https's own words for the TLS failure (fetch said only "fetch failed").
    expect([run.code, run.stderr.split("\n")]).toEqual([
      1,
      [
        `error: HeadContainer on OpenStack Swift container "media" failed (DEPTH_ZERO_SELF_SIGNED_CERT): self-signed certificate`,
        "the service's TLS certificate is not issued by a CA Node trusts — give --ca-bundle FILE with the PEM certificate of the CA that issued it (--no-verify-ssl skips the check, insecurely)",
        "",
      ],
    ]);
  });
});
