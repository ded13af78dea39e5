import type { Backend, LiveConfig } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { sameRules } from "./compare";
import { pollUntil } from "./poll";

/** What the last read showed while waiting. */
export interface ServedState {
  readonly matched: boolean;
  readonly live: LiveConfig;
}

/**
 * Seconds to wait for a change to be served: the resource's
 * `propagationTimeoutSeconds`, else the profile's propagation delay (R2: up to
 * 30 s, https://developers.cloudflare.com/r2/buckets/cors/).
 */
export function propagationTimeout(target: Target, override: number | undefined): number {
  return override ?? getProfile(target.profile).propagationSeconds.value;
}

/**
 * Reads until the service shows `desired` (`null`: no configuration), backing off
 * from 200 ms to 2 s, for at most `timeoutSeconds` (at least one read).
 */
export async function waitUntilServed(backend: Backend, target: Target, desired: CorsConfiguration | null, timeoutSeconds: number): Promise<ServedState> {
  const live = await pollUntil(
    () => backend.get(target),
    (read) => holds(read, desired),
    timeoutSeconds,
    200,
  );
  return { matched: holds(live, desired), live };
}

/** True when `live` is `config` (`null`: no configuration). */
export function holds(live: LiveConfig, config: CorsConfiguration | null): boolean {
  if (config === null) return live.kind === "none";
  return live.kind === "config" && sameRules(live.config.rules, config.rules);
}
