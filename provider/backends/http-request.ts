import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { unescapeXmlText } from "../formats/xml-text";
import { DEFAULT_DEADLINES_MS, deadline, type Deadline } from "./limits";
import { tlsOptions, traceFailure, traceRequest, traceResponse } from "./transport";

/** What a server answered: status, headers (names lower-case) and an S3 error body's code and message. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** Most bytes of a body read: enough for an S3 error document; at this size the connection is closed, the rest never read. */
const MAX_PROBE_BODY = 64 * 1024;

/**
 * Sends one real request (a browser-style preflight when method is OPTIONS)
 * with Node's http client rather than fetch: fetch refuses the "bad ports" of
 * the Fetch standard and sets `Origin` itself. Anonymous; a 3xx is returned as
 * the answer, never followed (a browser does not follow a redirected preflight
 * either); an overall deadline (the signal aborts the request, the body
 * included); the body read up to 64 KiB and then dropped. Rejects with the
 * network error, or the abort after the deadline: callers word it
 * (backends/failure.ts, `transportFailure`).
 */
export function sendRequest(
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  limit: Deadline = deadline(DEFAULT_DEADLINES_MS.probe),
): Promise<HttpAnswer> {
  const https = url.startsWith("https:");
  const send = https ? httpsRequest : httpRequest;
  traceRequest(method, url, headers);
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers: { ...headers }, signal: limit.signal, ...(https ? tlsOptions() : {}) }, (res) => {
      traceResponse(res.statusCode ?? 0, res.statusMessage ?? "", res.headers);
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
        const body = Buffer.concat(chunks).toString("utf8");
        const code = element(body, "Code");
        const message = element(body, "Message");
        resolve({
          status: res.statusCode ?? 0,
          headers: out,
          ...(code === undefined ? {} : { errorCode: code }),
          ...(message === undefined ? {} : { errorMessage: message }),
        });
      };
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
    req.on("error", (error) => {
      traceFailure(error);
      reject(error);
    });
    req.end();
  });
}

/** The text of the first `<name>` element of an S3 error body, unescaped; no XML parser for two fields of an error. */
function element(body: string, name: string): string | undefined {
  const raw = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  if (raw === undefined) return undefined;
  const text = unescapeXmlText(raw);
  return text.ok ? text.value : raw;
}
