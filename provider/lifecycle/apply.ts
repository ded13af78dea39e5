import type { Backend } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import { describeTarget, type Target } from "../targets";
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

/** A bare timeout: confirm by reading back (the CLI's apply and delete). */
export function readBack(timeoutSeconds: number): Confirmation {
  return { mode: "read", timeoutSeconds, expectations: [] };
}

/**
 * Puts `desired` (or deletes, for `null`) and confirms it: with `read`, until a
 * read shows it; with `preflight`, also until real preflights answer as every
 * expectation says. If confirmation fails for any reason (not served in time, a
 * read that keeps failing, preflights that disagree), `previous` is put back
 * (or removed) and the call fails: a failed operation leaves the bucket as it was.
 * If even the restore fails, the error names both failures and what the bucket may hold.
 */
export async function applyConfirmed(backend: Backend, target: Target, desired: CorsConfiguration | null, previous: CorsConfiguration | null, confirm: Confirmation): Promise<void> {
  await write(backend, target, desired);
  if (confirm.mode === "none") return;
  try {
    await confirmWrite(backend, target, desired, confirm);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await write(backend, target, previous);
    } catch (restoreError) {
      const restore = restoreError instanceof Error ? restoreError.message : String(restoreError);
      throw new Error(`${reason}\nRestoring the previous configuration also failed: ${restore} — ${describeTarget(target)} may hold ${desired === null ? "no CORS configuration" : describeRules(desired.rules)}; check it with bucket-cors get; for a resource already in the stack run pulumi refresh, for a new one set onExisting: "overwrite" (or "adopt" if it holds your rules) and run pulumi up again`);
    }
    throw new Error(`${reason}\nThe previous configuration was restored (${previous === null ? "no CORS configuration" : describeRules(previous.rules)}).`);
  }
}

async function confirmWrite(backend: Backend, target: Target, desired: CorsConfiguration | null, confirm: Confirmation): Promise<void> {
  const served = await waitUntilServed(backend, target, desired, confirm.timeoutSeconds);
  if (!served.matched) {
    const wanted = desired === null ? "no CORS configuration" : describeRules(desired.rules);
    const seen = served.live === null ? "no CORS configuration" : describeRules(served.live.rules);
    throw new Error(`${describeTarget(target)} did not serve the new CORS configuration within ${confirm.timeoutSeconds} s: wanted ${wanted}, read back ${seen} — if the service is slow to propagate, raise propagationTimeoutSeconds; if it rewrote the rules, it cannot hold them as written`);
  }
  if (confirm.mode === "preflight" && confirm.expectations.length > 0) {
    await verifyLive(backend, target, confirm.expectations, confirm.timeoutSeconds);
  }
}

function write(backend: Backend, target: Target, config: CorsConfiguration | null): Promise<void> {
  return config === null ? backend.delete(target) : backend.put(target, config);
}
