import type { Issue } from "./model/issue";

/**
 * Every `code` a {@link CorsPolicyError} can carry: stable, so callers branch on the
 * code rather than on message text (docs/architecture.md, "Errors").
 */
export const ERROR_CODES = [
  /** The policy or document has issues (a {@link CorsValidationError}). */
  "InvalidPolicy",
  /** An argument names nothing this package knows: a profile, dialect or format; a target field is missing. */
  "InvalidArgument",
  /** A credential the target or environment names is not there, or cannot be used as given. */
  "MissingCredentials",
  /** The service answered a call with an error status (its own code is `serviceCode`). */
  "ServiceError",
  /** The bucket or container does not exist, where that is an error (a write). */
  "MissingBucket",
  /** The service refused the login, or answered it without a token or a storage URL. */
  "AuthFailed",
  /** No answer: refused connection, reset, DNS failure. */
  "NetworkError",
  /** The operation did not end within its overall deadline. */
  "DeadlineExceeded",
  /** An answer's body is larger than this package reads. */
  "ResponseTooLarge",
  /** The service answered with a redirect, which is never followed (credentials stay with the address given). */
  "RedirectRefused",
  /** A successful answer that is not what the call returns (an HTML page instead of a CORS document). */
  "NotCorsDocument",
  /** The bucket holds a configuration the operation will not touch (onExisting: "fail", or it differs from the rules to adopt). */
  "ExistingConfiguration",
  /** A write did not show in the read-back or the live preflights within the time allowed. */
  "NotConfirmed",
  /** The state lacks what the operation needs (no target). */
  "InvalidState",
  /** A failure this package did not anticipate, wrapped so that it keeps the family's shape. */
  "Unexpected",
] as const;

/** One of {@link ERROR_CODES}. */
export type CorsErrorCode = (typeof ERROR_CODES)[number];

/** What every package error is built with besides its message. */
export interface CorsErrorOptions {
  readonly code: CorsErrorCode;
  /** The error this one reports (ES2022 `Error.cause`). */
  readonly cause?: unknown;
}

/**
 * Base class of every error this package throws. `code` is stable; `cause` is the
 * original error when one was wrapped. Without options the code is
 * `InvalidArgument`, what the few direct uses (unknown profile, unknown dialect) report.
 */
export class CorsPolicyError extends Error {
  override readonly name: string = "CorsPolicyError";
  readonly code: CorsErrorCode;
  /**
   * True when the operation failed after a change that may have reached the bucket and was not
   * undone (a write answered with an error, a rollback that could not finish, another writer's
   * rules found instead): the bucket may no longer hold what it held before. Set by {@link unsettled}.
   */
  readonly bucketUnsettled: boolean = false;

  constructor(message: string, options: CorsErrorOptions = { code: "InvalidArgument" }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}

/** A policy (or a document) that cannot be used: carries every issue found, not just the first. */
export class CorsValidationError extends CorsPolicyError {
  override readonly name = "CorsValidationError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], summary = "invalid CORS policy", options: { readonly cause?: unknown } = {}) {
    super(`${summary}:\n${issues.map((i) => `  - ${i.message}`).join("\n")}`, { code: "InvalidPolicy", ...options });
    this.issues = issues;
  }
}

/** What a failed call to a storage service reports (docs/architecture.md, "Errors"). */
export interface BackendErrorFacts {
  /** Profile title of the service, e.g. "Cloudflare R2". */
  readonly vendor: string;
  /** API operation, e.g. "PutBucketCors". */
  readonly operation: string;
  /** Bucket or container the call was about. */
  readonly bucket: string;
  /** What the service calls it. @default "bucket" */
  readonly noun?: "bucket" | "container";
  /** HTTP status, when the service answered. */
  readonly status?: number;
  /** The package's code for the failure. @default "ServiceError" */
  readonly code?: CorsErrorCode;
  /** What the service (or the network layer) called it: `AccessDenied`, `ECONNREFUSED`, `Timeout`…; shown in the message. */
  readonly serviceCode: string;
  /** Request id the service returned, for support tickets. */
  readonly requestId?: string;
  /**
   * How many times the request was sent (the SDK's `$metadata.attempts`, the Swift backend's own
   * count). A 4xx after a single attempt is a refusal of the one request sent: nothing was changed.
   */
  readonly attempts?: number;
  /** The service's own message, or what went wrong (already scrubbed of credentials). */
  readonly detail?: string;
  /** What to do about it, from this package's own facts (never the service's text): ends the message after ` — `. */
  readonly hint?: string;
  /** The error this one reports. */
  readonly cause?: unknown;
}

/** A storage service call failed. The message names vendor, operation, status and the service's code, never credentials. */
export class BackendError extends CorsPolicyError {
  override readonly name = "BackendError";
  readonly vendor: string;
  readonly operation: string;
  readonly bucket: string;
  readonly status: number | undefined;
  /** The service's (or network layer's) own code, as shown in the message. */
  readonly serviceCode: string;
  readonly requestId: string | undefined;
  /** How many times the request was sent, when known. */
  readonly attempts: number | undefined;
  /** The message's closing advice, if any, so that a caller with other words for it (the CLI's flags) can replace it. */
  readonly hint: string | undefined;

  constructor(facts: BackendErrorFacts) {
    const status = facts.status === undefined ? facts.serviceCode : `${facts.status} ${facts.serviceCode}`;
    // Ceph RGW sends an empty <Message>, which the AWS SDK reports as "UnknownError" (docs/test-servers.md, "Ceph RGW: behaviour observed").
    const detail = facts.detail === undefined || facts.detail === "" || facts.detail === "UnknownError" ? "" : `: ${facts.detail}`;
    const request = facts.requestId === undefined ? "" : ` (request id ${facts.requestId})`;
    const hint = facts.hint === undefined ? "" : ` — ${facts.hint}`;
    super(`${facts.operation} on ${facts.vendor} ${facts.noun ?? "bucket"} "${facts.bucket}" failed (${status})${detail}${request}${hint}`, {
      code: facts.code ?? "ServiceError",
      cause: facts.cause,
    });
    this.vendor = facts.vendor;
    this.operation = facts.operation;
    this.bucket = facts.bucket;
    this.status = facts.status;
    this.serviceCode = facts.serviceCode;
    this.requestId = facts.requestId;
    this.attempts = facts.attempts;
    this.hint = facts.hint;
  }
}

/**
 * The same error with a new message: a package error keeps its class, code and
 * fields (issues, vendor…) and gets the original as `cause`; anything else becomes
 * a `CorsPolicyError` with code `Unexpected`. For adding context ("…; the previous
 * configuration was restored") without losing what callers branch on.
 */
export function rewrap(error: unknown, message: (original: string) => string): CorsPolicyError {
  const original = error instanceof Error ? error.message : String(error);
  if (!(error instanceof CorsPolicyError)) return new CorsPolicyError(message(original), { code: "Unexpected", cause: error });
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as CorsPolicyError, error);
  const text = message(original);
  Object.defineProperty(copy, "message", { value: text, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(copy, "cause", { value: error, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(copy, "stack", {
    value: `${copy.name}: ${text}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return copy;
}

/**
 * The same error, marked as leaving the bucket in a state the caller cannot name (see
 * `CorsPolicyError.bucketUnsettled`); `update` then records the policy as unconfirmed in the
 * state instead of keeping the old rules there (docs/architecture.md, "An update that may have landed").
 */
export function unsettled(error: CorsPolicyError): CorsPolicyError {
  Object.defineProperty(error, "bucketUnsettled", { value: true, writable: false, enumerable: true, configurable: true });
  return error;
}
