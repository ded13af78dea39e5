import { discardBody } from "./body";
import { redirectRefused, transportFailure, type Subject } from "./failure";
import { httpsFetch } from "./https-fetch";
import type { Deadline } from "./limits";
import { tlsOptions, traceFailure, traceRequest, traceResponse } from "./transport";

/**
 * `fetch` for every authenticated Swift and Keystone request: `redirect: "manual"`,
 * and a 3xx is a failure, because fetch's default ("follow") re-sends `X-Auth-Token`,
 * `X-Auth-Key` and, on 307, the Keystone password body to whatever host the
 * Location names (issue 11, item 7). Bounded by the operation's deadline; a
 * network failure or the deadline becomes a `BackendError`. Over node:https when the
 * CLI's TLS flags apply (backends/https-fetch.ts); traced under `--debug`.
 */
export async function swiftFetch(url: string, init: RequestInit, subject: Subject, operation: string, limit: Deadline): Promise<Response> {
  let response: Response;
  const tls = url.startsWith("https:") ? tlsOptions() : undefined;
  traceRequest(init.method ?? "GET", url, Object.fromEntries(new Headers(init.headers)));
  try {
    response = tls === undefined ? await fetch(url, { ...init, redirect: "manual", signal: limit.signal }) : await httpsFetch(url, init, tls, limit.signal);
  } catch (error) {
    traceFailure(error);
    // The auth URL is not the storage URL: a network hint names the address that failed.
    const at = subject.endpoint !== undefined && url.startsWith(subject.endpoint) ? subject : { ...subject, endpoint: url };
    throw transportFailure(at, operation, limit, error);
  }
  traceResponse(response.status, response.statusText, Object.fromEntries(response.headers));
  if (response.status >= 300 && response.status < 400) {
    await discardBody(response);
    throw redirectRefused(subject, operation, response.status, response.headers.get("location"));
  }
  return response;
}
