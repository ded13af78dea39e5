import { redirectRefused, transportFailure, type Subject } from "../failure";
import { sendHttp, type BodyRead, type HttpResponse } from "../http/request";
import type { Deadline } from "../limits";

/** One authenticated Swift or Keystone request. */
export interface SwiftRequest {
  readonly url: string;
  /** @default "GET" */
  readonly method?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** @default "none": Swift's answers to HEAD and POST carry nothing this package reads. */
  readonly read?: BodyRead | ((status: number) => BodyRead);
}

/**
 * Every authenticated Swift and Keystone request, through the one HTTP client (backends/http/request.ts):
 * a 3xx is a failure, never followed, because following re-sends `X-Auth-Token`, `X-Auth-Key`
 * and, on 307, the Keystone password body to whatever host the Location names (issue 11, item 7).
 * Bounded by the operation's deadline; a network failure, an oversized body or the deadline
 * becomes a `BackendError`.
 */
export async function swiftRequest(request: SwiftRequest, subject: Subject, operation: string, limit: Deadline): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await sendHttp({ ...request, method: request.method ?? "GET", read: request.read ?? "none", limit });
  } catch (error) {
    // The auth URL is not the storage URL: a network hint names the address that failed.
    const at = subject.endpoint !== undefined && request.url.startsWith(subject.endpoint) ? subject : { ...subject, endpoint: request.url };
    throw transportFailure(at, operation, limit, error);
  }
  if (response.status >= 300 && response.status < 400) throw redirectRefused(subject, operation, response.status, response.headers["location"] ?? null);
  return response;
}

/** The Fetch standard's "ok status": any 2xx (https://fetch.spec.whatwg.org/#ok-status). */
export function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
