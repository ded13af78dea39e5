import { CorsValidationError } from "../errors";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import type { LiveConfig } from "./types";

/** Transitional: the old `get` contract (null for none; throws for no bucket or unreadable) while callers move to LiveConfig. */
export function legacyLive(target: Target, live: LiveConfig): CorsConfiguration | null {
  if (live.kind === "config") return live.config;
  if (live.kind === "none") return null;
  const vendor = getProfile(target.profile).title;
  if (live.kind === "no-bucket") throw live.error;
  throw new CorsValidationError(live.issues, `GetBucketCors on ${vendor} bucket "${target.bucket}" returned a configuration this package cannot read — see the issues below, and fix the bucket's rules with bucket-cors apply or the vendor's console`);
}
