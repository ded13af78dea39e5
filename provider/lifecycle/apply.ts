import type { Backend } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { describeRules } from "./describe";
import { waitUntilServed } from "./propagation";

/**
 * Puts `desired` (or deletes, for `null`) and waits until the service serves it.
 * If it never does within the timeout, `previous` is put back (or removed) and
 * the call fails: a failed operation leaves the bucket as it was.
 */
export async function applyConfirmed(backend: Backend, target: Target, desired: CorsConfiguration | null, previous: CorsConfiguration | null, timeoutSeconds: number): Promise<void> {
  await write(backend, target, desired);
  const served = await waitUntilServed(backend, target, desired, timeoutSeconds);
  if (served.matched) return;
  await write(backend, target, previous);
  const title = getProfile(target.profile).title;
  const wanted = desired === null ? "no CORS configuration" : describeRules(desired.rules);
  const seen = served.live === null ? "no CORS configuration" : describeRules(served.live.rules);
  throw new Error(`${title} bucket "${target.bucket}" did not serve the new CORS configuration within ${timeoutSeconds} s: wanted ${wanted}, read back ${seen}; the previous configuration was restored — if the service is slow to propagate, raise propagationTimeoutSeconds; if it rewrote the rules, it cannot hold them as written`);
}

function write(backend: Backend, target: Target, config: CorsConfiguration | null): Promise<void> {
  return config === null ? backend.delete(target) : backend.put(target, config);
}
