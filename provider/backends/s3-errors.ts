import { BackendError } from "../errors";

/** The parts of an AWS SDK v3 error we read. */
interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  Code?: string;
}

/** Error codes meaning "the bucket has no CORS configuration" (AWS, RGW ≥ PR #19104, s3rver). */
export const NO_CORS_CODES = ["NoSuchCORSConfiguration"];
/** Error codes meaning "the bucket does not exist". */
export const NO_BUCKET_CODES = ["NoSuchBucket"];

/** The service's error code of an SDK error (or the network error code). */
export function errorCode(error: unknown): string {
  const e = error as SdkErrorLike;
  return e.Code ?? (e.name !== undefined && e.name !== "Error" ? e.name : undefined) ?? e.code ?? "UnknownError";
}

/**
 * Turns an SDK error into a `BackendError`, removing every secret string from the
 * service's message (a signature error body may quote what was signed).
 */
export function toBackendError(error: unknown, facts: { vendor: string; operation: string; bucket: string }, secrets: readonly string[]): BackendError {
  const e = error as SdkErrorLike;
  let detail = e.message ?? "";
  for (const secret of secrets) if (secret !== "") detail = detail.split(secret).join("***");
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  return new BackendError({
    ...facts,
    code: errorCode(error),
    detail,
    ...(status === undefined ? {} : { status }),
    ...(requestId === undefined ? {} : { requestId }),
  });
}
