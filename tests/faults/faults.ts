import type { Fault, FaultRule, RequestMatch } from "./fault-plan";

/**
 * S3's throttling answer, as AWS documents it for 503 SlowDown
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList);
 * the SDK classifies the code `SlowDown` as throttling and backs off.
 */
export function slowDown(): Fault {
  return {
    kind: "status",
    status: 503,
    headers: { "content-type": "application/xml" },
    body: "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
  };
}

/**
 * S3's other 503, ServiceUnavailable (same error list). Not a throttling code to the SDK, so it
 * is retried as transient: backing off from 50 ms instead of SlowDown's 1 s.
 */
export function serviceUnavailable(): Fault {
  return {
    kind: "status",
    status: 503,
    headers: { "content-type": "application/xml" },
    body: "<Error><Code>ServiceUnavailable</Code><Message>Service is unable to handle request.</Message></Error>",
  };
}

/**
 * S3's 500 InternalError, which AWS says to retry
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ErrorBestPractices.html). The SDK
 * classes it transient, not throttling, so it backs off from 50 ms instead of 1 s.
 */
export function internalError(): Fault {
  return {
    kind: "status",
    status: 500,
    headers: { "content-type": "application/xml" },
    body: "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>",
  };
}

/** A bare HTTP error: a status and a short text body. */
export function httpError(status: number, body = `injected ${status}`, headers: Record<string, string> = {}): Fault {
  return { kind: "status", status, headers: { "content-type": "text/plain; charset=UTF-8", ...headers }, body };
}

/** The transaction id the injected Swift errors carry. */
export const SWIFT_TRANS_ID = "tx0000000000000000fault-0000000000";

/**
 * An error as Swift's proxy server answers it: an HTML body and the `X-Trans-Id` it stamps on
 * every answer (https://docs.openstack.org/swift/latest/logs.html), which the backend reports
 * as the request id.
 */
export function swiftError(status: number, body = `<html><h1>Error ${status}</h1></html>`): Fault {
  return httpError(status, body, { "content-type": "text/html; charset=UTF-8", "x-trans-id": SWIFT_TRANS_ID });
}

/** The connection dies before any answer. */
export function reset(): Fault {
  return { kind: "reset" };
}

/** The answer comes `ms` late. */
export function stall(ms: number): Fault {
  return { kind: "stall", ms };
}

/** `fault` for the first `n` requests matching `match`. */
export function first(n: number, match: RequestMatch, fault: Fault): FaultRule {
  return { match, fault, times: n };
}

/** `fault` for every request matching `match`. */
export function every(match: RequestMatch, fault: Fault): FaultRule {
  return { match, fault, times: "every" };
}

/** S3's CORS subresource calls: `GET|PUT|DELETE /bucket?cors`. */
export const cors = (method: "GET" | "PUT" | "DELETE"): RequestMatch => ({ method, query: "cors" });

/** Forwards the request, so the upstream applies it, then answers 500 InternalError instead of the upstream's answer. */
export function appliedThenInternalError(): Fault {
  const error = internalError();
  if (error.kind !== "status") throw new Error("internalError() is a status fault");
  return { ...error, kind: "applied" };
}

/** Preflights (`OPTIONS`) whose upstream 200 reaches the client as 204 No Content, headers kept. */
export function preflightNoContent(): FaultRule {
  return every({ method: "OPTIONS" }, { kind: "no-content" });
}
