import { S3ServiceException } from "@aws-sdk/client-s3";
import type { BackendError, CorsErrorCode } from "../../errors";
import { failed, missingBucketHint, redirectRefused, transportFailure, type Subject } from "../failure";
import type { Deadline } from "../limits";
import { keysHint } from "../credential-source";
import { capabilityHint } from "./capability";

/** Error codes meaning "the bucket has no CORS configuration" (AWS, RGW ≥ PR #19104, s3rver). */
const NO_CORS_CODES: readonly string[] = ["NoSuchCORSConfiguration"];
/** Error codes meaning "the bucket does not exist" (AWS, RGW, s3rver). */
const NO_BUCKET_CODES: readonly string[] = ["NoSuchBucket"];

/** What an S3 call's error means for the backend: nothing there, no bucket, or a failure. */
export type S3Outcome =
  { readonly kind: "none" } | { readonly kind: "no-bucket"; readonly error: BackendError } | { readonly kind: "failed"; readonly error: BackendError };

/**
 * Reads an SDK error through `S3ServiceException` (its `name` is the service's
 * code, `$metadata` the status and request id); anything else is a transport
 * failure, a deadline or a capped body. The service's message is scrubbed of
 * every known secret (a signature error body may quote what was signed).
 */
export function classifyS3Error(error: unknown, subject: Subject, operation: string, limit: Deadline): S3Outcome {
  if (!(error instanceof S3ServiceException) || limit.signal.aborted) return { kind: "failed", error: transportFailure(subject, operation, limit, error) };
  if (NO_CORS_CODES.includes(error.name)) return { kind: "none" };
  const status = error.$metadata.httpStatusCode;
  // The SDK never follows a redirect (AWS's wrong-region 301 PermanentRedirect included); say so rather than "failed (307 …)".
  if (status !== undefined && status >= 300 && status < 400)
    return { kind: "failed", error: redirectRefused(subject, operation, status, locationOf(error), error.name === "Unknown" ? "Redirect" : error.name, error) };
  if (NO_BUCKET_CODES.includes(error.name)) return { kind: "no-bucket", error: serviceFailure(error, subject, operation, "MissingBucket") };
  return { kind: "failed", error: serviceFailure(error, subject, operation, "ServiceError") };
}

/** The same for a write, where a missing bucket is a failure with its own code. */
export function writeFailure(error: unknown, subject: Subject, operation: string, limit: Deadline): BackendError {
  const outcome = classifyS3Error(error, subject, operation, limit);
  return outcome.kind === "none" ? serviceFailure(error as S3ServiceException, subject, operation, "ServiceError") : outcome.error;
}

function serviceFailure(error: S3ServiceException, subject: Subject, operation: string, code: CorsErrorCode): BackendError {
  const status = error.$metadata.httpStatusCode;
  const requestId = error.$metadata.requestId;
  const attempts = error.$metadata.attempts;
  const hint =
    code === "MissingBucket"
      ? missingBucketHint(subject)
      : (capabilityHint(error.name, operation) ?? keysHint(subject.credentials, error.name, status, operation));
  return failed(subject, {
    ...(hint === undefined ? {} : { hint }),
    operation,
    code,
    serviceCode: error.name,
    detail: error.message,
    cause: error,
    ...(status === undefined ? {} : { status }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(attempts === undefined ? {} : { attempts }),
  });
}

/** The Location header of the raw answer the SDK keeps on its errors (`$response`), if any. */
function locationOf(error: S3ServiceException): string | null {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } }).$response?.headers;
  return headers?.["location"] ?? null;
}
