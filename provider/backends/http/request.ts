import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { readStreamCapped } from "./body";
import type { Deadline } from "../limits";
import { tlsOptions, traceFailure, traceRequest, traceResponse } from "./transport";

/**
 * What to do with an answer's body: `text` reads it whole under `MAX_RESPONSE_BYTES`, refusing a
 * larger one before buffering it (backends/http/body.ts); `probe` keeps the first 64 KiB and closes the
 * connection; `none` reads nothing (the connection is closed unless the answer has no body).
 */
export type BodyRead = "text" | "probe" | "none";

/** One request. Anonymous unless `headers` carry a credential; never follows a redirect. */
export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A string body (the Keystone login's JSON); Node sets its Content-Length. */
  readonly body?: string;
  /** The overall deadline: its signal ends the request, the body included. */
  readonly limit: Deadline;
  /** What to do with the body, or a choice by status (a login reads only a success's body). */
  readonly read: BodyRead | ((status: number) => BodyRead);
}

/** What a server answered. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** Names lower-case; repeated headers joined with ", " as Node joins them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text, as far as `read` said to read it; "" for `none`. */
  readonly text: string;
}

/** Most bytes of a `probe` body read: enough for an S3 error document; at this size the connection is closed, the rest never read. */
const MAX_PROBE_BODY = 64 * 1024;

/** Statuses whose answers have no body (RFC 9110 §6.4.1), so `none` can leave the connection open for reuse. */
const NO_BODY = [204, 304];

/**
 * The one HTTP client of the backends (preflights, Swift, Keystone and TempAuth) over node:http(s),
 * with the CLI's TLS settings (`--ca-bundle`, `--no-verify-ssl`: backends/http/transport.ts) and its
 * `--debug` trace. Not fetch: Node 20's fetch takes no TLS options, refuses the Fetch standard's
 * "bad ports" and sets `Origin` itself. A 3xx is returned as the answer, never followed: callers
 * decide (a preflight reports it; Swift refuses it, since following would re-send X-Auth-Token).
 * Rejects with the network error, `BodyTooLarge`, or the abort once the deadline passes; callers
 * word it (backends/failure.ts, `transportFailure`).
 */
export function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  const { url, method, headers, limit } = request;
  traceRequest(method, url, headers);
  const refused = userinfoRefusal(url);
  if (refused !== undefined) {
    traceFailure(refused);
    return Promise.reject(refused);
  }
  const https = url.startsWith("https:");
  const send = https ? httpsRequest : httpRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = send(url, { method, headers: { ...headers }, signal: limit.signal, ...(https ? tlsOptions() : {}) }, (res) => {
      const status = res.statusCode ?? 0;
      traceResponse(status, res.statusMessage ?? "", res.headers);
      const read = typeof request.read === "function" ? request.read(status) : request.read;
      // The deadline ends the body too: node:http's signal ends the request, this the answer being read.
      const abort = () => res.destroy(limit.signal.reason instanceof Error ? limit.signal.reason : new Error("the deadline passed"));
      limit.signal.addEventListener("abort", abort, { once: true });
      bodyOf(res, read, method)
        .finally(() => limit.signal.removeEventListener("abort", abort))
        .then((text) => resolve({ status, statusText: res.statusMessage ?? "", headers: flatHeaders(res), text }), reject);
    });
    req.on("error", (error) => {
      traceFailure(error);
      reject(error);
    });
    req.end(request.body);
  });
}

/**
 * Node's http client turns `user:pass@` into an Authorization header; a URL's userinfo is never
 * sent. Worded as fetch worded it, which Swift requests went through before (tests pin the text).
 */
function userinfoRefusal(url: string): TypeError | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // node:http reports an unparsable URL itself
  }
  return parsed.username === "" && parsed.password === ""
    ? undefined
    : new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url}`);
}

async function bodyOf(res: IncomingMessage, read: BodyRead, method: string): Promise<string> {
  if (read === "text") return (await readStreamCapped(res, res.statusCode, res.headers["content-length"])).toString("utf8");
  if (read === "probe") return probeBody(res);
  if (method === "HEAD" || NO_BODY.includes(res.statusCode ?? 0)) res.resume();
  else res.destroy();
  return "";
}

/** The first 64 KiB of the body; then the connection is closed and the rest never read. */
function probeBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(Buffer.concat(chunks).toString("utf8"));
    res.on("data", (chunk: Buffer) => {
      if (size >= MAX_PROBE_BODY) return;
      chunks.push(chunk.subarray(0, MAX_PROBE_BODY - size));
      size += chunk.length;
      if (size >= MAX_PROBE_BODY) {
        res.destroy();
        finish();
      }
    });
    res.on("end", finish);
    res.on("error", reject);
  });
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}
