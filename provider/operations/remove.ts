import type { Backend, LiveConfig } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import { CorsPolicyError } from "../errors";
import { describeTarget } from "../targets";
import { describeLive } from "./describe";
import { pollUntil } from "./poll";
import { holds } from "./propagation";
import { writeConfirmed, type Confirmation } from "./write";

/** What {@link removePolicy} found and did. */
export type RemoveOutcome =
  /** The configuration was removed. */
  | { readonly kind: "deleted"; readonly removed: LiveConfig }
  /** The bucket holds a configuration other than the one the caller owns (another writer's rules, or rules this package cannot read): left in place. */
  | { readonly kind: "kept"; readonly live: LiveConfig }
  /** The bucket has no CORS configuration. */
  | { readonly kind: "nothing-there" }
  /** The bucket does not exist. */
  | { readonly kind: "no-bucket"; readonly error: Error };

/**
 * Removes the bucket's CORS configuration and confirms it is gone; the one way the provider
 * (delete) and the CLI (delete) remove rules. `owned` is the configuration the caller wrote (the
 * state's rules; the CLI's `--expect-current`), or each of those it may have left (the state of an
 * unconfirmed update: the new rules and those they replaced): when given, anything else on the
 * bucket is left in place (`kept`), since a delete must never take another writer's rules (two
 * stacks on one bucket, a resource that moved to this bucket while this one moves away). Without
 * it, whatever is there goes, readable or not.
 */
export async function removePolicy(
  backend: Backend,
  target: Target,
  confirm: Confirmation,
  owned?: CorsConfiguration | readonly CorsConfiguration[],
): Promise<RemoveOutcome> {
  const previous = await backend.get(target);
  if (previous.kind === "no-bucket") return { kind: "no-bucket", error: previous.error };
  if (previous.kind === "none") return { kind: "nothing-there" };
  if (owned === undefined) {
    await writeConfirmed(backend, target, null, previous, confirm);
    return { kind: "deleted", removed: previous };
  }
  const configs: readonly CorsConfiguration[] = "rules" in owned ? [owned] : owned;
  const mine = configs.find((config) => holds(previous, config));
  if (mine === undefined) return { kind: "kept", live: previous };
  return removeOwned(backend, target, confirm, previous, mine);
}

/** Removes `previous`, which is `owned`, and confirms the bucket no longer holds it. */
async function removeOwned(backend: Backend, target: Target, confirm: Confirmation, previous: LiveConfig, owned: CorsConfiguration): Promise<RemoveOutcome> {
  await writeConfirmed(backend, target, null, previous, { ...confirm, mode: "none" });
  if (confirm.mode === "none") return { kind: "deleted", removed: previous };
  // Confirmed once the bucket no longer holds what this caller owned: another writer's rules
  // written meanwhile (a resource that moved onto this bucket) are theirs, not a failed removal.
  const live = await pollUntil(
    () => backend.get(target),
    (read) => !holds(read, owned),
    confirm.timeoutSeconds,
    200,
  );
  if (holds(live, owned)) {
    throw new CorsPolicyError(
      `${describeTarget(target)} did not serve the removal within ${confirm.timeoutSeconds} s: it still holds ${describeLive(live)} — ${confirm.words.slowFix}`,
      { code: "NotConfirmed" },
    );
  }
  return { kind: "deleted", removed: previous };
}
