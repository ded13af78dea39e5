import type { CorsRequest } from "./types";

/**
 * What a preflight is and when it was allowed, written once for every caller: the provider's
 * expectations (`verify: "preflight"`), the CLI's `explain`/`verify` and the browser's verdict.
 */

/**
 * Whether `status` is an ok status: any 2xx. The CORS-preflight fetch fails when the response's
 * status is not an ok status (https://fetch.spec.whatwg.org/#ok-status, #cors-preflight-fetch), so
 * a 204 answer is as good as a 200 one.
 */
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/**
 * True when a preflight answer (live, or what the evaluator predicts) lets the request through:
 * an ok status and an `Access-Control-Allow-Origin` header (`headers` with lower-case names, as
 * backends and the evaluator give them). No answer (`undefined` status) is not allowed. Never throws.
 */
export function isPreflightAllowed(status: number | undefined, headers: Readonly<Record<string, string>>): boolean {
  return status !== undefined && isOkStatus(status) && headers["access-control-allow-origin"] !== undefined;
}

/**
 * The headers of a preflight for `method` from `origin` asking for `requestHeaders`:
 * `Access-Control-Request-Headers` is left out when there are none. `separator` joins them: ", "
 * for what people write; the browser sends "," (https://fetch.spec.whatwg.org/#cors-preflight-fetch,
 * the names "combined" with 0x2C alone).
 */
export function preflightHeaders(origin: string, method: string, requestHeaders: readonly string[], separator: ", " | "," = ", "): Record<string, string> {
  const headers: Record<string, string> = { Origin: origin, "Access-Control-Request-Method": method };
  if (requestHeaders.length > 0) headers["Access-Control-Request-Headers"] = requestHeaders.join(separator);
  return headers;
}

/** A preflight for `method` from `origin` asking for `requestHeaders` to an object, as the evaluator takes it. */
export function preflightRequest(origin: string, method: string, requestHeaders: readonly string[]): CorsRequest {
  return { method: "OPTIONS", headers: preflightHeaders(origin, method, requestHeaders), resource: "object" };
}
