import type { Issue } from "./model/issue";

/** Base class of every error this package throws on purpose. */
export class CorsPolicyError extends Error {
  override readonly name: string = "CorsPolicyError";
}

/** A policy (or a document) that cannot be used: carries every issue found, not just the first. */
export class CorsValidationError extends CorsPolicyError {
  override readonly name = "CorsValidationError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], summary = "invalid CORS policy") {
    super(`${summary}:\n${issues.map((i) => `  - ${i.message}`).join("\n")}`);
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
  /** Service error code (`AccessDenied`, `NoSuchBucket`...), or the network error code. */
  readonly code: string;
  /** Request id the service returned, for support tickets. */
  readonly requestId?: string;
  /** The service's own message (already scrubbed of credentials). */
  readonly detail?: string;
}

/** A storage service call failed. The message names vendor, operation, status and code, never credentials. */
export class BackendError extends CorsPolicyError {
  override readonly name = "BackendError";
  readonly vendor: string;
  readonly operation: string;
  readonly bucket: string;
  readonly status: number | undefined;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(facts: BackendErrorFacts) {
    const status = facts.status === undefined ? facts.code : `${facts.status} ${facts.code}`;
    // Ceph RGW sends an empty <Message>, which the AWS SDK reports as "UnknownError" (docs/test-servers.md, "Ceph RGW: behaviour observed").
    const detail = facts.detail === undefined || facts.detail === "" || facts.detail === "UnknownError" ? "" : `: ${facts.detail}`;
    const request = facts.requestId === undefined ? "" : ` (request id ${facts.requestId})`;
    super(`${facts.operation} on ${facts.vendor} ${facts.noun ?? "bucket"} "${facts.bucket}" failed (${status})${detail}${request}`);
    this.vendor = facts.vendor;
    this.operation = facts.operation;
    this.bucket = facts.bucket;
    this.status = facts.status;
    this.code = facts.code;
    this.requestId = facts.requestId;
  }
}
