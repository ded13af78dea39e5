import type { Backend } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { describeRules } from "./describe";
import type { Expectation } from "./expectations";
import { waitUntilServed } from "./propagation";
import type { VerifyMode } from "./types";
import { verifyLive } from "./verify";

/** How a write is confirmed before the operation succeeds. */
export interface Confirmation {
  readonly mode: VerifyMode;
  readonly timeoutSeconds: number;
  /** Sent as real preflights when `mode` is `preflight`. */
  readonly expectations: readonly Expectation[];
}

/**
 * Puts `desired` (or deletes, for `null`) and confirms it: with `read`, until a
 * read shows it; with `preflight`, also until real preflights answer as every
 * expectation says. If confirmation fails within the timeout, `previous` is put
 * back (or removed) and the call fails: a failed operation leaves the bucket as it was.
 */
export async function applyConfirmed(backend: Backend, target: Target, desired: CorsConfiguration | null, previous: CorsConfiguration | null, confirmation: Confirmation | number): Promise<void> {
  // A bare number is a timeout for a read-back confirmation (the CLI's apply and delete).
  const confirm = typeof confirmation === "number" ? { mode: "read" as const, timeoutSeconds: confirmation, expectations: [] } : confirmation;
  await write(backend, target, desired);
  if (confirm.mode === "none") return;
  const served = await waitUntilServed(backend, target, desired, confirm.timeoutSeconds);
  if (!served.matched) {
    await write(backend, target, previous);
    const title = getProfile(target.profile).title;
    const wanted = desired === null ? "no CORS configuration" : describeRules(desired.rules);
    const seen = served.live === null ? "no CORS configuration" : describeRules(served.live.rules);
    throw new Error(`${title} bucket "${target.bucket}" did not serve the new CORS configuration within ${confirm.timeoutSeconds} s: wanted ${wanted}, read back ${seen}; the previous configuration was restored — if the service is slow to propagate, raise propagationTimeoutSeconds; if it rewrote the rules, it cannot hold them as written`);
  }
  if (confirm.mode === "preflight" && confirm.expectations.length > 0) {
    try {
      await verifyLive(backend, target, confirm.expectations, confirm.timeoutSeconds);
    } catch (error) {
      await write(backend, target, previous);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe previous configuration was restored.`);
    }
  }
}

function write(backend: Backend, target: Target, config: CorsConfiguration | null): Promise<void> {
  return config === null ? backend.delete(target) : backend.put(target, config);
}
