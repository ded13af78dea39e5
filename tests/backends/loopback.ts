import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Target } from "../../provider/targets";

/** A request a loopback server received. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A stand-in server on 127.0.0.1 that answers with `handler` and records every request. */
export interface Loopback {
  readonly url: string;
  readonly received: Received[];
  /** Bytes the handler managed to write before the client went away (for the huge-body server). */
  sent: number;
  close(): Promise<void>;
}

export async function loopback(handler: (req: IncomingMessage, res: ServerResponse, server: Loopback) => void): Promise<Loopback> {
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      self.received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      handler(req, res, self);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const self: Loopback = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: [],
    sent: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return self;
}

/** Answers 200 and then one byte every 2 s, forever: an idle timeout never fires, only a deadline ends it. */
export function drip(contentType = "application/xml", headers: Record<string, string> = {}): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(200, { ...headers, "Content-Type": contentType });
    res.write("<");
    const timer = setInterval(() => res.write(" "), 2_000);
    res.on("close", () => clearInterval(timer));
  };
}

/** Answers 200 with a body of `bytes` bytes, written as fast as the client reads, with or without Content-Length. */
export function huge(bytes: number, withLength: boolean): (req: IncomingMessage, res: ServerResponse, server: Loopback) => void {
  return (_req, res, server) => {
    res.writeHead(200, { "Content-Type": "application/xml", ...(withLength ? { "Content-Length": String(bytes) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (server.sent < bytes && !res.destroyed) {
        server.sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => undefined);
    pump();
  };
}

/** Answers every request with the same status, headers and body. */
export function fixed(status: number, headers: Record<string, string>, body = ""): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** Loopback servers started by a test file, closed after all its tests: `serve` is `loopback` plus that bookkeeping. */
export function servedPerFile(): (...args: Parameters<typeof loopback>) => Promise<Loopback> {
  const servers: Loopback[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  return async (...args) => {
    const server = await loopback(...args);
    servers.push(server);
    return server;
  };
}

/**
 * An S3 target on a loopback stand-in, path-style, signing with the keys in BCT_ACCESS_KEY and
 * BCT_SECRET_KEY (each test file sets its own values, so its secrets are its own).
 */
export function loopbackS3Target(server: Loopback, bucket: string, extra: Partial<Target> = {}): Target {
  return {
    profile: "s3",
    bucket,
    endpoint: server.url,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyIdEnv: "BCT_ACCESS_KEY", secretAccessKeyEnv: "BCT_SECRET_KEY" },
    ...extra,
  };
}
