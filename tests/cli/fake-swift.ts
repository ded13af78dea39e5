import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";

/** One request the fake saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A Swift account on loopback: container metadata over HEAD/POST, and a recorded OPTIONS answer. */
export interface FakeSwift {
  /** The storage URL, `http://127.0.0.1:PORT/v1/AUTH_test`. */
  readonly storageUrl: string;
  readonly requests: SeenRequest[];
  /** The container's metadata, names lower-case. */
  meta(container: string): Record<string, string> | undefined;
  stop(): Promise<void>;
}

const ACCOUNT = "/v1/AUTH_test";

/**
 * Just enough of the Swift API for the CLI's plumbing (URLs, token, metadata
 * headers): HEAD and POST on containers as Swift 2.30 answers them
 * (docs/test-servers.md, "Swift: container CORS"), and OPTIONS on objects answered from the Allow-Origin
 * metadata. It is not a model of Swift's CORS: the real server is tested by
 * tests/servers against Swift itself.
 */
export async function startFakeSwift(containers: readonly string[], token: string, tls?: { readonly key: Buffer; readonly cert: Buffer }): Promise<FakeSwift> {
  const store = new Map<string, Record<string, string>>(containers.map((c) => [c, {}]));
  const requests: SeenRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? "";
    requests.push({ method: req.method ?? "", path, headers: req.headers });
    const [container, ...key] = decodeURIComponent(path.slice(ACCOUNT.length + 1)).split("/");
    const meta = store.get(container ?? "");
    if (!path.startsWith(`${ACCOUNT}/`) || meta === undefined) return void res.writeHead(404).end();
    if (req.method === "OPTIONS" && key.length > 0) {
      const origin = req.headers["origin"] ?? "";
      const allowed = (meta["x-container-meta-access-control-allow-origin"] ?? "").split(" ");
      if (!allowed.includes(origin) && !allowed.includes("*")) return void res.writeHead(401).end();
      return void res
        .writeHead(200, {
          "Access-Control-Allow-Origin": origin,
          "Access-Control-Allow-Methods": "HEAD, GET, PUT, POST, COPY, OPTIONS, DELETE",
          "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "",
        })
        .end();
    }
    if (req.headers["x-auth-token"] !== token) return void res.writeHead(401).end();
    if (req.method === "HEAD") return void res.writeHead(204, meta).end();
    if (req.method === "POST") {
      for (const [name, value] of Object.entries(req.headers)) {
        if (name.startsWith("x-container-meta-") && typeof value === "string") meta[name] = value;
        if (name.startsWith("x-remove-container-meta-")) delete meta[name.replace("x-remove-", "x-")];
      }
      return void res.writeHead(204).end();
    }
    res.writeHead(405).end();
  };
  // With `tls`, the same account over HTTPS (tests/cli/connection.test.ts: --ca-bundle for Swift).
  const server: Server = tls === undefined ? createServer(handler) : createTlsServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    storageUrl: `${tls === undefined ? "http" : "https"}://127.0.0.1:${port}${ACCOUNT}`,
    requests,
    meta: (container) => store.get(container),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
