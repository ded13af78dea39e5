import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** What a server answered to a request: status and headers (names lower-case). */
export interface LiveAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
}

/**
 * Sends one real request (a browser-style preflight when method is OPTIONS)
 * with Node's http client, which sets `Origin` as given (the Fetch standard
 * forbids it), and returns the status and headers.
 */
export function sendRequest(url: string, method: string, headers: Record<string, string>): Promise<LiveAnswer> {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
        resolve({ status: res.statusCode ?? 0, headers: out });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url} timed out after 10 s`)));
    req.on("error", reject);
    req.end();
  });
}

