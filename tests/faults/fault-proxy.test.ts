import { createHash } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";
import { cloudServerContentMd5, cors, every, first, httpError, reset, slowDown, stall } from "./faults";

/** What a client got: the status and body, or the error code of a dead connection. */
type Got = { status: number; body: string } | { error: string };

function send(url: string, method: string, body = "", headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res
        .setEncoding("utf8")
        .on("data", (chunk: string) => (text += chunk))
        .on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

describe("fault proxy", () => {
  let upstream: Server;
  let proxy: FaultProxy;
  const seen: string[] = [];

  beforeAll(async () => {
    // An upstream that echoes what reached it, so forwarding is checked end to end.
    upstream = createServer((req, res) => {
      let body = "";
      req
        .setEncoding("utf8")
        .on("data", (chunk: string) => (body += chunk))
        .on("end", () => {
          seen.push(`${req.method} ${req.url} ${body}`);
          res.writeHead(200, { "x-upstream": "yes" }).end(`${req.method} ${req.url} ${body}`);
        });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}/base`);
  });

  afterAll(async () => {
    await proxy.stop();
    await new Promise((resolve) => upstream.close(resolve));
  });

  beforeEach(() => {
    proxy.plan();
    proxy.clearLog();
    seen.length = 0;
  });

  test("forwards method, path under the upstream's base path, query and body untouched", async () => {
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", "<CORSConfiguration/>")).toEqual({ status: 200, body: "PUT /base/bkt/?cors= <CORSConfiguration/>" });
    expect(proxy.lines()).toEqual(["PUT /bkt/?cors= 200"]);
  });

  test("answers the first N matching requests with S3's 503 SlowDown and forwards the rest", async () => {
    proxy.plan(first(2, cors("PUT"), slowDown()));
    const slow = { status: 503, body: "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>" };
    expect(await send(`${proxy.url}/bkt/?cors=`, "GET")).toEqual({ status: 200, body: "GET /base/bkt/?cors= " });
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", "a")).toEqual(slow);
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", "b")).toEqual(slow);
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", "c")).toEqual({ status: 200, body: "PUT /base/bkt/?cors= c" });
    expect(await send(`${proxy.url}/bkt`, "PUT", "d")).toEqual({ status: 200, body: "PUT /base/bkt d" });
    expect(seen).toEqual(["GET /base/bkt/?cors= ", "PUT /base/bkt/?cors= c", "PUT /base/bkt d"]);
    expect(proxy.lines()).toEqual([
      "GET /bkt/?cors= 200",
      "PUT /bkt/?cors= 503 (injected)",
      "PUT /bkt/?cors= 503 (injected)",
      "PUT /bkt/?cors= 200",
      "PUT /bkt 200",
    ]);
    expect([proxy.count(cors("PUT")), proxy.count({ method: "PUT" }), proxy.count()]).toEqual([3, 4, 5]);
  });

  test("answers every matching request with a bare 5xx", async () => {
    proxy.plan(every({ method: "POST" }, httpError(502)));
    for (let i = 0; i < 3; i++) expect(await send(`${proxy.url}/v1/AUTH_test/media`, "POST")).toEqual({ status: 502, body: "injected 502" });
    expect(seen).toEqual([]);
  });

  test("resets the connection without answering, after reading the request", async () => {
    proxy.plan(first(1, {}, reset()));
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", "x".repeat(100_000))).toEqual({ error: "ECONNRESET" });
    expect(await send(`${proxy.url}/bkt/?cors=`, "GET")).toEqual({ status: 200, body: "GET /base/bkt/?cors= " });
    expect(proxy.lines()).toEqual(["PUT /bkt/?cors= reset", "GET /bkt/?cors= 200"]);
  });

  test("stalls a request for the given time, then forwards it", async () => {
    proxy.plan(first(1, {}, stall(300)));
    const started = Date.now();
    expect(await send(`${proxy.url}/bkt`, "GET")).toEqual({ status: 200, body: "GET /base/bkt " });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(proxy.lines()).toEqual(["GET /bkt 200 (stalled)"]);
  });

  test("does not forward a stalled request whose client gave up", async () => {
    proxy.plan(first(1, {}, stall(300)));
    const req = request(`${proxy.url}/bkt`, { method: "GET" });
    const gone = new Promise((resolve) => req.on("error", resolve));
    req.end();
    setTimeout(() => req.destroy(), 50);
    await gone;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen).toEqual([]);
    expect(proxy.lines()).toEqual(["GET /bkt no answer (stalled)"]);
  });

  test("arms an `after` rule only once a matching request succeeded", async () => {
    proxy.plan({ ...every(cors("GET"), slowDown()), after: cors("PUT") }, first(1, cors("PUT"), httpError(500)));
    await send(`${proxy.url}/bkt/?cors=`, "GET");
    await send(`${proxy.url}/bkt/?cors=`, "PUT"); // injected 500: does not arm
    await send(`${proxy.url}/bkt/?cors=`, "GET");
    await send(`${proxy.url}/bkt/?cors=`, "PUT");
    await send(`${proxy.url}/bkt/?cors=`, "GET");
    expect(proxy.lines()).toEqual([
      "GET /bkt/?cors= 200",
      "PUT /bkt/?cors= 500 (injected)",
      "GET /bkt/?cors= 200",
      "PUT /bkt/?cors= 200",
      "GET /bkt/?cors= 503 (injected)",
    ]);
  });

  test("checks Content-MD5 like CloudServer: answers 400 BadDigest when it is missing or wrong, forwards the body untouched when it matches", async () => {
    proxy.plan(every(cors("PUT"), cloudServerContentMd5()));
    const body = "<CORSConfiguration/>";
    const md5 = createHash("md5").update(body).digest("base64");
    const badDigest = {
      status: 400,
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what we received.</Message><Resource></Resource><RequestId>f0a1b2c3d4e5f6a7b8c9</RequestId></Error>',
    };
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", body, { "x-amz-checksum-crc32": "AAAAAA==" })).toEqual(badDigest);
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", body, { "content-md5": createHash("md5").update("other").digest("base64") })).toEqual(badDigest);
    expect(await send(`${proxy.url}/bkt/?cors=`, "PUT", body, { "content-md5": md5 })).toEqual({ status: 200, body: `PUT /base/bkt/?cors= ${body}` });
    expect(seen).toEqual([`PUT /base/bkt/?cors= ${body}`]);
    expect(proxy.lines()).toEqual(["PUT /bkt/?cors= 400 (injected)", "PUT /bkt/?cors= 400 (injected)", "PUT /bkt/?cors= 200"]);
    expect(proxy.requests().map((r) => [r.headers["content-md5"], r.headers["x-amz-checksum-crc32"]])).toEqual([
      [undefined, "AAAAAA=="],
      [createHash("md5").update("other").digest("base64"), undefined],
      [md5, undefined],
    ]);
  });
});
