/** What to do when `create` finds a CORS configuration this stack does not manage yet. */
export const ON_EXISTING = ["fail", "adopt", "overwrite"] as const;

/** One of {@link ON_EXISTING}. */
export type OnExisting = (typeof ON_EXISTING)[number];

/** What `create`/`update` check after writing: nothing, a read-back, or real preflights for every `expect` entry. */
export const VERIFY_MODES = ["none", "read", "preflight"] as const;

/** One of {@link VERIFY_MODES}. */
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** The longest propagation wait a CorsPolicy accepts, in seconds. */
export const MAX_PROPAGATION_TIMEOUT = 3600;
