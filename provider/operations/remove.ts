import type { Backend, LiveConfig } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import { holds } from "./propagation";
import { writeConfirmed, type Confirmation } from "./write";

/** What {@link removePolicy} found and did. */
export type RemoveOutcome =
  /** The configuration was removed. `foreign`: it was not the one the caller owned (another writer's rules, or rules this package cannot read). */
  | { readonly kind: "deleted"; readonly removed: LiveConfig; readonly foreign: boolean }
  /** The bucket has no CORS configuration. */
  | { readonly kind: "nothing-there" }
  /** The bucket does not exist. */
  | { readonly kind: "no-bucket"; readonly error: Error };

/**
 * Removes the bucket's CORS configuration, readable or not, and confirms it is
 * gone; the one way the provider (delete) and the CLI (delete) remove rules.
 * `owned` is the configuration the caller wrote (the state's rules), when it
 * knows one: removing anything else is still done (delete means "no CORS") but
 * reported as `foreign` so the caller can say whose rules went.
 */
export async function removePolicy(backend: Backend, target: Target, confirm: Confirmation, owned?: CorsConfiguration): Promise<RemoveOutcome> {
  const previous = await backend.get(target);
  if (previous.kind === "no-bucket") return { kind: "no-bucket", error: previous.error };
  if (previous.kind === "none") return { kind: "nothing-there" };
  await writeConfirmed(backend, target, null, previous, confirm);
  return { kind: "deleted", removed: previous, foreign: owned !== undefined && !holds(previous, owned) };
}
