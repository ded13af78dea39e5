/** What to do when `create` finds a CORS configuration this stack does not manage yet. */
export const ON_EXISTING = ["fail", "adopt", "overwrite"] as const;

/** One of {@link ON_EXISTING}. */
export type OnExisting = (typeof ON_EXISTING)[number];

/** What `create`/`update` check after writing: nothing, a read-back, or real preflights for every `expect` entry. */
export const VERIFY_MODES = ["none", "read", "preflight"] as const;

/** One of {@link VERIFY_MODES}. */
export type VerifyMode = (typeof VERIFY_MODES)[number];

/**
 * `verify: { via }`: everything `"preflight"` checks, then the same expectations sent through
 * what sits in front of the bucket (a CDN or cache), as a browser would, to find what the cache
 * breaks (operations/front.ts). Written out without zod, as a public type (lifecycle/schema.ts checks the shape).
 */
export interface VerifyThrough {
  /** The fronting URL the bucket is served at, e.g. `https://cdn.example.com` (`https://cdn.example.com/assets` when it serves the bucket under a path). */
  readonly via: string;
  /**
   * The object requested through the front: `<via>/<key>` there, `<key>` in the bucket. Name one that exists and that pages do not
   * load: a cache may not keep an error answer, and the first request (without `Origin`) may leave a broken cache serving that object without CORS headers.
   * @default "bucket-cors-verify"
   */
  readonly key?: string | undefined;
}

/** What `verify` takes: a mode, or a fronting URL to check through. */
export type VerifySetting = VerifyMode | VerifyThrough;

/** The confirmation mode of a setting: checking through a front includes everything `"preflight"` does. */
export function verifyModeOf(setting: VerifySetting): VerifyMode {
  return typeof setting === "string" ? setting : "preflight";
}

/** The longest propagation wait a CorsPolicy accepts, in seconds. */
export const MAX_PROPAGATION_TIMEOUT = 3600;
