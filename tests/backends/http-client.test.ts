import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { s3Backend } from "../../provider/backends/s3/backend";
import { swiftBackend } from "../../provider/backends/swift/backend";
import { configureTransport } from "../../provider/backends/http/transport";
import { selfSigned, type SelfSigned } from "../../testkit/self-signed";
import { fixed, loopbackS3Target, servedPerFile } from "./loopback";
import { rejection } from "./rejection";

/*
 * The one HTTP client (provider/backends/http/request.ts) under what only it serves since fetch
 * and the hand-built Response went (issue 21, item 2): a Keystone login's POST body and its
 * catalog over HTTPS with the CLI's TLS settings, the --debug trace of both requests, and a URL
 * with userinfo, which node:http would send as Basic auth.
 */

const ORIGIN = "https://app.example.com";
const TOKEN = "ks-token-https-7c1";
/** What a request the HTTPS stand-in received: method, path, Content-Length and body. */
type Seen = [string, string, string | undefined, string];

let dir: string;
let tls: SelfSigned;
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bcors-http-"));
  tls = selfSigned(dir);
  // Keystone v3 and a Swift account on one HTTPS port: the catalog names the account's storage URL.
  server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push([req.method ?? "", req.url ?? "", req.headers["content-length"], Buffer.concat(chunks).toString("utf8")]);
      if (req.method === "POST" && req.url === "/v3/auth/tokens") {
        const catalog = catalogOf();
        res.writeHead(201, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(catalog), "X-Subject-Token": TOKEN }).end(catalog);
      } else if (req.method === "HEAD" && req.url === "/v1/AUTH_demo/media" && req.headers["x-auth-token"] === TOKEN) {
        res.writeHead(204, { "X-Container-Meta-Access-Control-Allow-Origin": ORIGIN, "X-Container-Meta-Access-Control-Max-Age": "600" }).end();
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

afterEach(() => {
  configureTransport({});
  for (const name of ["OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"]) delete process.env[name];
});

/** Keystone's token body: a catalog whose object store is the stand-in's Swift account. */
function catalogOf(): string {
  return JSON.stringify({ token: { catalog: [{ type: "object-store", endpoints: [{ interface: "public", url: `${base}/v1/AUTH_demo` }] }] } });
}

/** Keystone variables with a password of the test's own, so no test reuses another's cached session. */
function keystone(password: string): void {
  Object.assign(process.env, { OS_AUTH_URL: `${base}/v3`, OS_USERNAME: "demo", OS_PASSWORD: password, OS_PROJECT_NAME: "demo" });
}

// Swift allows every method and echoes every requested header (docs/cors-semantics.md, Swift): a rule with all methods and headers *.
const LIVE = {
  kind: "config",
  config: { rules: [{ allowedOrigins: [ORIGIN], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"], maxAgeSeconds: 600 }] },
};
/** The login's body: the password inside, so only its length and presence are compared. */
const loginOf = (password: string) => (s: Seen) => [s[0], s[1], s[2] === String(Buffer.byteLength(s[3])), s[3].includes(`"password":"${password}"`)];

describe("Swift over HTTPS through the one client", () => {
  test("a Keystone login and the container read go over HTTPS with the CA bundle: the password body arrives whole, with its length", async () => {
    keystone("pw-ca-bundle");
    configureTransport({ extraCa: tls.cert.toString("utf8") });
    expect(await swiftBackend.get({ profile: "swift", bucket: "media" })).toEqual(LIVE);
    expect([loginOf("pw-ca-bundle")(seen[0]!), seen.slice(1)]).toEqual([
      ["POST", "/v3/auth/tokens", true, true],
      [["HEAD", "/v1/AUTH_demo/media", undefined, ""]],
    ]);
  });

  test("with certificates not verified (--no-verify-ssl) the same login and read succeed without the CA", async () => {
    keystone("pw-no-verify");
    configureTransport({ verifyTls: false });
    expect(await swiftBackend.get({ profile: "swift", bucket: "media" })).toEqual(LIVE);
    expect(seen.map((s) => [s[0], s[1]])).toEqual([
      ["POST", "/v3/auth/tokens"],
      ["HEAD", "/v1/AUTH_demo/media"],
    ]);
  });

  test("fails without the CA: the login names its auth URL and the certificate code, and nothing reaches the server", async () => {
    keystone("pw-untrusted");
    const error = await rejection(swiftBackend.get({ profile: "swift", bucket: "media" }));
    expect([error.code, error.message]).toEqual([
      "NetworkError",
      `Auth (Keystone v3) on OpenStack Swift container "media" failed (DEPTH_ZERO_SELF_SIGNED_CERT): could not reach ${base}/v3/auth/tokens — check the auth URL and that the service is reachable`,
    ]);
    expect(seen).toEqual([]);
  });

  test("--debug traces the login and the read: tokens masked, the password body not shown", async () => {
    keystone("pw-traced");
    const lines: string[] = [];
    configureTransport({ extraCa: tls.cert.toString("utf8"), trace: (line) => lines.push(line) });
    await swiftBackend.get({ profile: "swift", bucket: "media" });
    const port = base.replace("https://127.0.0.1:", "");
    expect(lines.map((line) => line.replace(/^(< date: ).*/, "$1<http-date>").replace(`:${port}/`, ":<port>/"))).toEqual([
      "> POST https://127.0.0.1:<port>/v3/auth/tokens",
      "> content-type: application/json",
      "< 201 Created",
      "< connection: keep-alive",
      `< content-length: ${Buffer.byteLength(catalogOf())}`,
      "< content-type: application/json",
      "< date: <http-date>",
      "< keep-alive: timeout=5",
      "< x-subject-token: ***",
      "> HEAD https://127.0.0.1:<port>/v1/AUTH_demo/media",
      "> x-auth-token: ***",
      "< 204 No Content",
      "< connection: keep-alive",
      "< date: <http-date>",
      "< keep-alive: timeout=5",
      `< x-container-meta-access-control-allow-origin: ${ORIGIN}`,
      "< x-container-meta-access-control-max-age: 600",
    ]);
    expect(lines.some((line) => line.includes("pw-traced") || line.includes(TOKEN))).toBe(false);
  });
});

describe("a URL's user name and password are never sent", () => {
  const serve = servedPerFile();

  test("fails when a preflight's URL carries userinfo: refused before sending, where node:http would send it as Basic auth", async () => {
    const front = await serve(fixed(200, { "Access-Control-Allow-Origin": ORIGIN }));
    const via = front.url.replace("http://", "http://user:pw-probe@");
    const error = await rejection(
      s3Backend.preflight(loopbackS3Target(front, "userinfo"), { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET" }, via }),
    );
    expect([error.code, error.message]).toEqual([
      "NetworkError",
      `Preflight on S3-compatible storage bucket "userinfo" failed (NetworkError): Request cannot be constructed from a URL that includes credentials: ${front.url.replace("http://", "http://***@")}`,
    ]);
    expect(front.received).toEqual([]);
  });
});
