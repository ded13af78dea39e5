import { discardBody } from "./body";
import { redirectRefused, transportFailure, type Subject } from "./failure";
import type { Deadline } from "./limits";

/**
 * `fetch` for every authenticated Swift and Keystone request: `redirect: "manual"`,
 * and a 3xx is a failure, because fetch's default ("follow") re-sends `X-Auth-Token`,
 * `X-Auth-Key` and, on 307, the Keystone password body to whatever host the
 * Location names (issue 11, item 7). Bounded by the operation's deadline; a
 * network failure or the deadline becomes a `BackendError`.
 */
export async function swiftFetch(url: string, init: RequestInit, subject: Subject, operation: string, limit: Deadline): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "manual", signal: limit.signal });
  } catch (error) {
    throw transportFailure(subject, operation, limit, error);
  }
  if (response.status >= 300 && response.status < 400) {
    await discardBody(response);
    throw redirectRefused(subject, operation, response.status, response.headers.get("location"));
  }
  return response;
}
