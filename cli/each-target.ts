import { resourceIdOf, type Target } from "../provider/targets";
import type { Progress } from "./output/progress";
import { startProgress } from "./output/progress";
import { credentialHint, withCliHint } from "./output/credential-hint";
import { capabilityHint } from "./output/capability-hint";
import { debugStack, describeError, type Described } from "./run";
import type { Output } from "./output/output";

/** What one target's work gave: its result, or how it failed. */
export type TargetOutcome<T> =
  | { readonly target: Target; readonly id: string; readonly ok: true; readonly result: T }
  | { readonly target: Target; readonly id: string; readonly ok: false; readonly error: Described };

/**
 * Runs `work` for each target in turn under one progress indicator
 * (`[2/3] r2:acct/assets: …`). A failure on one target is recorded and the
 * others still run: with several buckets, one refused change must not hide
 * what happened to the rest.
 */
export async function forEachTarget<T>(
  out: Output,
  targets: readonly Target[],
  work: (target: Target, step: (text: string) => void) => Promise<T>,
): Promise<TargetOutcome<T>[]> {
  const progress: Progress = startProgress("starting");
  const outcomes: TargetOutcome<T>[] = [];
  try {
    for (const [index, target] of targets.entries()) {
      const id = resourceIdOf(target);
      const prefix = targets.length > 1 ? `[${index + 1}/${targets.length}] ${id}` : id;
      const step = (text: string) => progress.update(`${prefix}: ${text}`);
      step("reading");
      try {
        outcomes.push({ target, id, ok: true, result: await work(target, step) });
      } catch (error) {
        debugStack(out, error);
        const described = describeError(error);
        const hint = credentialHint(error, target) ?? capabilityHint(error);
        outcomes.push({
          target,
          id,
          ok: false,
          error: hint === undefined ? described : { ...described, message: withCliHint(error, described.message, hint) },
        });
      }
    }
  } finally {
    progress.stop();
  }
  return outcomes;
}
