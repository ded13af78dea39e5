import { request } from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";

/** Statuses whose Response has no body (the Fetch standard's null body statuses). */
const NULL_BODY = [101, 103, 204, 205, 304];

/**
 * `fetch` over node:https, for Swift when the CLI's `--ca-bundle` or `--no-verify-ssl`
 * applies: Node 20's fetch takes no TLS options (only an undici dispatcher, and undici is
 * not a dependency). A `Response` like fetch's with `redirect: "manual"`: a 3xx is returned,
 * never followed; the body streams, so callers' caps and the deadline's signal still apply.
 * Takes string bodies only (the Keystone login's JSON).
 */
export function httpsFetch(url: string, init: RequestInit, tls: { ca?: string[]; rejectUnauthorized?: boolean }, signal: AbortSignal): Promise<Response> {
  const method = init.method ?? "GET";
  if (init.body !== undefined && init.body !== null && typeof init.body !== "string") throw new TypeError("httpsFetch sends string bodies only");
  const body = init.body ?? undefined;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: Object.fromEntries(new Headers(init.headers)), signal, ...tls }, (res) => {
      const status = res.statusCode ?? 0;
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers))
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      const empty = NULL_BODY.includes(status) || method === "HEAD";
      if (empty) res.resume();
      const stream = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      resolve(new Response(stream, { status, statusText: res.statusMessage ?? "", headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
