import type { Backend } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { sameRules } from "./compare";
import { legacyLive } from "../backends/legacy-live";

/** What the last read showed while waiting. */
export interface ServedState {
  readonly matched: boolean;
  readonly live: CorsConfiguration | null;
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
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = 200;
  for (;;) {
    const live = legacyLive(target, await backend.get(target));
    const matched = desired === null ? live === null : live !== null && sameRules(live.rules, desired.rules);
    if (matched || Date.now() + delay > deadline) return { matched, live };
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 2000);
  }
}
