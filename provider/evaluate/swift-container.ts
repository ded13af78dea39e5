import { swiftContainerOf } from "../model/swift-container";
import type { EvaluableConfig } from "./types";

/**
 * What a Swift container holds for a policy (`swiftContainerOf`, model/swift-container.ts:
 * one implicit rule, `X-Container-Meta-Access-Control-Allow-Origin`, `…-Max-Age`,
 * `…-Expose-Headers`), as the proxy reads it.
 */
export interface SwiftCors {
  /** The Allow-Origin metadata as Swift reads it: space-separated tokens (`is_origin_allowed`). */
  readonly origins: readonly string[];
  /** The raw metadata value is exactly `*` (after strip): only then does Swift answer `*`. */
  readonly wildcardOnly: boolean;
  readonly exposeHeaders: readonly string[];
  readonly maxAge: string | undefined;
}

/** The container metadata for `config`; `undefined` when there is none (no rules or no origins). */
export function swiftCors(config: EvaluableConfig | null): SwiftCors | undefined {
  if (config === null) return undefined;
  const container = swiftContainerOf(config);
  const value = container.origins.join(" ");
  if (value.trim() === "") return undefined;
  return {
    origins: value
      .split(" ")
      .map((o) => o.trim())
      .filter((o) => o !== ""),
    wildcardOnly: value.trim() === "*",
    exposeHeaders: container.exposeHeaders,
    maxAge: container.maxAgeSeconds === undefined ? undefined : String(container.maxAgeSeconds),
  };
}

/**
 * The methods Swift's proxy controllers expose (`Controller.allowed_methods`,
 * the `@public` handlers of swift/proxy/controllers/{obj,container}.py, 2.30.1).
 * Access-Control-Request-Method must be one of them, case-sensitively.
 */
export const SWIFT_METHODS = {
  object: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
  bucket: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
} as const;

/**
 * Allow-Methods on an allowed preflight. Swift joins a Python set, so the
 * order changes between proxy restarts; for objects the `copy` middleware
 * appends `COPY` (swift/common/middleware/copy.py). The object order is the
 * one seen on the test server (docs/cors-semantics.md, "15. OpenStack Swift");
 * compare as a set.
 */
export const SWIFT_ALLOW_METHODS = {
  object: "POST, OPTIONS, PUT, HEAD, GET, DELETE, COPY",
  bucket: "GET, HEAD, PUT, POST, DELETE, OPTIONS",
} as const;

/**
 * Exposed on every actual response (`cors_validation` in
 * swift/proxy/controllers/base.py): the CORS "simple response headers" plus
 * etag, x-timestamp, x-trans-id and x-openstack-request-id.
 */
export const SWIFT_DEFAULT_EXPOSE = [
  "cache-control",
  "content-language",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
  "etag",
  "x-timestamp",
  "x-trans-id",
  "x-openstack-request-id",
] as const;
