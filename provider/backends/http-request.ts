import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { unescapeXmlText } from "../formats/xml-text";

/** What a server answered: status, headers (names lower-case) and an S3 error body's code and message. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** How long one request may take, start to end of body. */
const DEADLINE_MS = 10_000;

/** Most bytes of a body kept: enough for an S3 error document; the rest is discarded unread. */
const MAX_BODY = 64 * 1024;

/**
 * Sends one real request (a browser-style preflight when method is OPTIONS)
 * with Node's http client rather than fetch: fetch refuses the "bad ports" of
 * the Fetch standard and sets `Origin` itself. Anonymous, no redirects
 * followed, an overall deadline, the body capped.
 */
export function sendRequest(url: string, method: string, headers: Readonly<Record<string, string>>): Promise<HttpAnswer> {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers: { ...headers }, signal: AbortSignal.timeout(DEADLINE_MS) }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk.slice(0, MAX_BODY - body.length);
      });
      res.on("end", () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
        const code = element(body, "Code");
        const message = element(body, "Message");
        resolve({ status: res.statusCode ?? 0, headers: out, ...(code === undefined ? {} : { errorCode: code }), ...(message === undefined ? {} : { errorMessage: message }) });
      });
      res.on("error", reject);
    });
    req.on("error", (error) => reject(error.name === "AbortError" ? Object.assign(new Error(`${method} ${url}: no complete answer within ${DEADLINE_MS / 1000} s`), { code: "ETIMEDOUT" }) : error));
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
