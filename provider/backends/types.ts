import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import type { LiveAnswer } from "./http-request";

/** What every storage backend does for the lifecycle (docs/architecture.md, "Backends"). */
export interface Backend {
  /** The live configuration, normalized; `null` when the bucket has none. Throws `BackendError` otherwise (e.g. NoSuchBucket). */
  get(target: Target): Promise<CorsConfiguration | null>;
  /** Replaces the configuration. */
  put(target: Target, config: CorsConfiguration): Promise<void>;
  /** Removes the configuration; a missing configuration or bucket is success. */
  delete(target: Target): Promise<void>;
  /** Sends a real request (a preflight for OPTIONS) to an object URL of the target, unauthenticated as a browser would. */
  request(target: Target, method: string, headers: Record<string, string>): Promise<LiveAnswer & { url: string }>;
}
