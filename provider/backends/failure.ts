import { BackendError, type BackendErrorFacts } from "../errors";
import { getProfile } from "../profiles";
import { endpointOf, regionOf, type Target } from "../targets";
import { networkHint } from "./http/network-hint";
import type { CredentialSource } from "./credential-source";
import { MAX_RESPONSE_BYTES, seconds, type Deadline } from "./limits";
import { knownSecrets, scrubSecrets } from "./secrets";

/** What every failure of one target's calls is about: the service, the bucket, and the secrets to keep out of messages. */
export interface Subject {
  readonly vendor: string;
  readonly bucket: string;
  readonly noun: "bucket" | "container";
  readonly secrets: readonly string[];
  /** The URL requests went to (the S3 endpoint, the Swift storage or auth URL), when known: network hints name it. */
  readonly endpoint?: string;
  /** Where the S3 keys came from, once resolved: credential failures name it. */
  readonly credentials?: CredentialSource;
  /** The region S3 requests are signed for (not set for Swift). */
  readonly region?: string;
}

export function subjectOf(target: Target, noun: "bucket" | "container" = "bucket", extraSecrets: readonly string[] = []): Subject {
  const endpoint = knownEndpoint(target);
  return {
    vendor: getProfile(target.profile).title,
    bucket: target.bucket,
    noun,
    secrets: [...knownSecrets(target), ...extraSecrets],
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(noun === "bucket" ? { region: regionOf(target) } : {}),
  };
}

/**
 * The advice for a bucket (container) the service says does not exist: the name, and where it
 * was looked for, since a wrong endpoint or region reads the same as a wrong name (issue 19, item 9).
 */
export function missingBucketHint(subject: Subject): string {
  const where = [
    `the ${subject.noun} name ${JSON.stringify(subject.bucket)}`,
    ...(subject.endpoint === undefined ? [] : [`the endpoint ${subject.endpoint}`]),
    ...(subject.region === undefined ? [] : [`the region ${JSON.stringify(subject.region)}`]),
  ];
  const list = where.length === 1 ? where[0] : `${where.slice(0, -1).join(", ")} and ${where[where.length - 1]}`;
  return `check ${list}`;
}

/** The target's endpoint, or undefined when the SDK picks it (AWS) or the template lacks a value (the call itself reports that). */
function knownEndpoint(target: Target): string | undefined {
  try {
    return endpointOf(target);
  } catch {
    return undefined;
  }
}

type Facts = Omit<BackendErrorFacts, "vendor" | "bucket" | "noun">;

/** A `BackendError` about the subject, its detail scrubbed of every secret and URL userinfo. */
export function failed(subject: Subject, facts: Facts): BackendError {
  const detail = facts.detail === undefined ? {} : { detail: scrubSecrets(facts.detail, subject.secrets) };
  return new BackendError({ ...facts, ...detail, vendor: subject.vendor, bucket: subject.bucket, noun: subject.noun });
}

/** The operation ran out of its overall deadline (a dripping or stalled server, or retries that took too long). */
export function deadlineExceeded(subject: Subject, operation: string, limit: Deadline, cause: unknown): BackendError {
  return failed(subject, {
    operation,
    code: "DeadlineExceeded",
    serviceCode: "Timeout",
    detail: `no complete answer within the deadline of ${seconds(limit.ms)} — the service is unreachable, stalled or too slow; try again later`,
    cause,
  });
}

/** An answer whose body is larger than this package reads; the body was not buffered. */
export function tooLarge(subject: Subject, operation: string, status: number | undefined, cause: unknown): BackendError {
  return failed(subject, {
    operation,
    code: "ResponseTooLarge",
    serviceCode: "ResponseTooLarge",
    ...(status === undefined ? {} : { status }),
    detail: `the answer's body is larger than ${MAX_RESPONSE_BYTES / 1024} KiB, the most this package reads; it was not read — check that the endpoint is the storage service's API`,
    cause,
  });
}

/** A 3xx answer: redirects are never followed, so credentials never go to an address the user did not give. */
export function redirectRefused(
  subject: Subject,
  operation: string,
  status: number,
  location: string | null,
  serviceCode = "Redirect",
  cause?: unknown,
): BackendError {
  const to = location === null ? "" : ` to ${originOf(location)}`;
  return failed(subject, {
    operation,
    code: "RedirectRefused",
    serviceCode,
    ...(cause === undefined ? {} : { cause }),
    status,
    detail: `the service redirected the request${to}; redirects are not followed, so that no credential is sent to another address — set the endpoint to the address the service names, if you trust it`,
  });
}

/**
 * Any other failure to get an answer: refused connection, reset, DNS. An error that
 * is already a `BackendError` passes through; an abort after the deadline reads as
 * the deadline.
 */
export function transportFailure(subject: Subject, operation: string, limit: Deadline, error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (error instanceof BodyTooLarge) return tooLarge(subject, operation, error.status, error);
  if (limit.signal.aborted) return deadlineExceeded(subject, operation, limit, error);
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(error);
  const code = typeof e.cause?.code === "string" ? e.cause.code : typeof e.code === "string" ? e.code : (NODE_ERRNO.exec(message)?.[0] ?? "NetworkError");
  const hint = networkHint(code, error, subject.endpoint);
  // trimEnd: OpenSSL's messages end with a newline, which would split the message before its hint.
  return failed(subject, {
    operation,
    code: "NetworkError",
    serviceCode: code,
    detail: message.trimEnd(),
    cause: error,
    ...(hint === undefined ? {} : { hint }),
  });
}

/**
 * A Node errno code in a message ("connect ECONNREFUSED 127.0.0.1:1"), for errors
 * that lost their `code` on the way: the AWS SDK's retry wraps what is not
 * `instanceof Error` in its realm as "AWS SDK error wrapper for …" (@smithy/core, asSdkError).
 */
const NODE_ERRNO = /\bE[A-Z]{3,}\b/;

/** Thrown by the capped readers (backends/http/body.ts) when a body passes the cap; turned into `tooLarge` by the backend. */
export class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
  constructor(readonly status: number | undefined) {
    super(`the answer's body is larger than ${MAX_RESPONSE_BYTES} bytes`);
  }
}

function originOf(location: string): string {
  try {
    return new URL(location).origin;
  } catch {
    return "another address";
  }
}
