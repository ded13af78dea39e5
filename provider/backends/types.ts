import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";

/** What every storage backend does for the lifecycle (design.md §6). */
export interface Backend {
  /** The live configuration, normalized; `null` when the bucket has none. Throws `BackendError` otherwise (e.g. NoSuchBucket). */
  get(target: Target): Promise<CorsConfiguration | null>;
  /** Replaces the configuration. */
  put(target: Target, config: CorsConfiguration): Promise<void>;
  /** Removes the configuration; a missing configuration or bucket is success. */
  delete(target: Target): Promise<void>;
}
