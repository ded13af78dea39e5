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

/**
 * Scality CloudServer's PutBucketCors before scality/cloudserver#5899: the request's `Content-MD5`
 * must be the MD5 of its body, or it answers 400 BadDigest (lib/api/bucketPutCors.js, `md5 !==
 * request.headers['content-md5']`; arsenal's BadDigest text, as quoted in scality/cloudserver#5784),
 * so the AWS SDK's CRC32 without Content-MD5 is refused. A request that passes goes upstream.
 */
export function cloudServerContentMd5(): Fault {
  return {
    kind: "content-md5",
    status: 400,
    headers: { "content-type": "application/xml" },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what we received.</Message><Resource></Resource><RequestId>f0a1b2c3d4e5f6a7b8c9</RequestId></Error>',
  };
}

/** The request id the injected S3 capability errors carry, in `x-amz-request-id` as S3 sends it. */
export const S3_REQUEST_ID = "4F2E9C1B7A3D5E60";

/** An S3 error answer: `<Error>` with the code and message, the request id in the header and the body (AWS's ErrorResponses format). */
function s3Error(status: number, code: string, message: string, extra = ""): Fault {
  return {
    kind: "status",
    status,
    headers: { "content-type": "application/xml", "x-amz-request-id": S3_REQUEST_ID },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>${S3_REQUEST_ID}</RequestId></Error>`,
  };
}

/**
 * Community MinIO's answer to PutBucketCors: a dummy handler answering ErrNotImplemented, 501 "A header you
 * provided implies functionality that is not implemented" (minio/minio@cmd/dummy-handlers.go, cmd/api-errors.go;
 * minio/minio#20995).
 */
export function minioNotImplemented(bucket: string): Fault {
  return s3Error(
    501,
    "NotImplemented",
    "A header you provided implies functionality that is not implemented",
    `<BucketName>${bucket}</BucketName><Resource>/${bucket}</Resource>`,
  );
}

/**
 * OpenStack Swift's s3api answer to any `?cors` call: its UnsupportedController raises S3NotImplemented, 501 "The
 * requested resource is not implemented" (swift/common/middleware/s3api/s3request.py and controllers/base.py, Swift 2.30).
 */
export function swiftS3apiNotImplemented(): Fault {
  return s3Error(501, "NotImplemented", "The requested resource is not implemented");
}

/**
 * S3's 405 MethodNotAllowed, "The specified method is not allowed against this resource."
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList), naming the method as AWS does.
 */
export function methodNotAllowed(method: string): Fault {
  return s3Error(
    405,
    "MethodNotAllowed",
    "The specified method is not allowed against this resource.",
    `<Method>${method}</Method><ResourceType>BUCKET</ResourceType>`,
  );
}

/** S3's 403 AccessDenied, "Access Denied" (same error list): keys the service knows, without the permission. */
export function accessDenied(): Fault {
  return s3Error(403, "AccessDenied", "Access Denied");
}

/**
 * A preflight answered by a server-wide CORS setting, whatever the bucket holds: every origin and
 * method allowed, as community MinIO answers with its default cors_allow_origin "*" (minio/minio#21332)
 * and Ceph RGW with a global CORS rule (ceph/ceph#70697). Match it to OPTIONS requests.
 */
export function serverWideCors(): Fault {
  return {
    kind: "status",
    status: 200,
    headers: { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, PUT, POST, DELETE, HEAD", server: "MinIO" },
    body: "",
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
