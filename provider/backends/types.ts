import type { BackendError } from "../errors";
import type { Issue } from "../model/issue";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import type { CallOptions } from "./limits";

/**
 * What a bucket holds, as read. Absence is a value, not an exception: a bucket
 * without CORS is `none`, a missing bucket is `no-bucket`, and a configuration
 * this package cannot decode is `unreadable` (it can still be removed or
 * overwritten; `raw` shows it). Any other failure throws a `BackendError`.
 */
export type LiveConfig =
  | { readonly kind: "config"; readonly config: CorsConfiguration }
  | { readonly kind: "none" }
  /** `error` is what the service answered, for callers that need the bucket to exist. */
  | { readonly kind: "no-bucket"; readonly error: BackendError }
  | { readonly kind: "unreadable"; readonly raw: string; readonly issues: readonly Issue[] };

/** A request sent as a browser would send it: anonymous, to an object URL of the target. */
export interface ProbeRequest {
  readonly method: string;
  /** Request headers, e.g. `Origin` and `Access-Control-Request-Method` for a preflight. */
  readonly headers: Readonly<Record<string, string>>;
  /** Object key; {@link VERIFY_KEY} when omitted (the object need not exist). */
  readonly key?: string;
  /**
   * The whole URL to send to instead of the bucket's object URL: the object through what sits in front of the bucket
   * (a CDN, operations/front.ts). Another host, so nothing but the browser's own headers goes there, as to the bucket.
   */
  readonly via?: string;
}

/** What the server answered to a {@link ProbeRequest}. */
export interface ProbeAnswer {
  /** The URL the request went to (no credentials in it). */
  readonly url: string;
  readonly status: number;
  /** Response headers, names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The error body's `<Code>` and `<Message>` (S3 services), when there is one. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/**
 * What every storage backend does for the operations layer (docs/architecture.md, "Backends").
 * Every method has an overall deadline (`options.deadlineMs`, defaults in backends/limits.ts),
 * reads at most `MAX_RESPONSE_BYTES` of any answer, and never follows a redirect.
 */
export interface Backend {
  /** The live configuration, normalized, or why there is none. Throws `BackendError` for a failed call. */
  get(target: Target, options?: CallOptions): Promise<LiveConfig>;
  /** Replaces the configuration. Throws `BackendError` (code `MissingBucket` when the bucket or container does not exist). */
  put(target: Target, config: CorsConfiguration, options?: CallOptions): Promise<void>;
  /** Removes the configuration, readable or not; a missing configuration or bucket is success. */
  delete(target: Target, options?: CallOptions): Promise<void>;
  /** Sends one real, unauthenticated request (a preflight for OPTIONS, or the actual request that follows it). The one way anything in this package talks to a bucket as a browser. */
  preflight(target: Target, request: ProbeRequest, options?: CallOptions): Promise<ProbeAnswer>;
}
