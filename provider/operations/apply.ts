import type { Backend, LiveConfig } from "../backends/types";
import type { OnExisting } from "./options";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import { holds } from "./propagation";
import { writeConfirmed, type Confirmation } from "./write";

/** How the caller stands towards the bucket's configuration. */
export interface ApplyOptions {
  /**
   * True when the caller owns the bucket's configuration (an update of a resource
   * in the stack): whatever is there is replaced. False for a first write (a
   * create, a CLI apply): a configuration already there is handled by `onExisting`.
   */
  readonly owned: boolean;
  /** For a first write onto a bucket that holds other rules: refuse, adopt them if they mean the same, or replace them. */
  readonly onExisting: OnExisting;
  /**
   * Compare-and-swap: what the caller believes the bucket holds now (`null`: no
   * configuration). When given, the bucket is written only while it holds exactly
   * that (or already `desired`); anything else is refused as `changed`, and
   * `onExisting` is not consulted. The CLI's `apply --expect-current`.
   */
  readonly expectCurrent?: CorsConfiguration | null;
  readonly confirm: Confirmation;
}

/** Why {@link applyPolicy} wrote nothing onto a bucket holding other rules: `foreign` (`onExisting: "fail"`), `different` (`adopt` of rules that mean something else), `unreadable` (rules this package cannot decode, which only `overwrite` replaces), `changed` (not what `expectCurrent` said). */
export type Refusal = "foreign" | "different" | "unreadable" | "changed";

/** What {@link applyPolicy} did; `previous` is what the bucket held before. */
export type ApplyOutcome =
  /** created: nothing was there; updated: the caller owned what was there; replaced: `overwrite` replaced other rules. Each wrote the rules. unchanged / adopted (`onExisting: "adopt"`): the bucket already held rules that mean the same; nothing was written. */
  | { readonly kind: "created" | "updated" | "replaced" | "unchanged" | "adopted"; readonly previous: LiveConfig }
  | { readonly kind: "refused"; readonly reason: Refusal; readonly previous: LiveConfig };

/**
 * Makes the bucket hold `desired`, the one way the provider (create, update)
 * and the CLI (apply) write rules. Rules that already mean the same are never
 * rewritten, so running it twice is a no-op the second time. A write is
 * confirmed (read back, or preflights) and undone only while the bucket still
 * holds this call's write (see `writeConfirmed`). A missing bucket throws the
 * service's error.
 */
export async function applyPolicy(backend: Backend, target: Target, desired: CorsConfiguration, options: ApplyOptions): Promise<ApplyOutcome> {
  const previous = await backend.get(target);
  if (previous.kind === "no-bucket") throw previous.error;
  if (holds(previous, desired)) return { kind: !options.owned && options.onExisting === "adopt" ? "adopted" : "unchanged", previous };
  const kind = decide(previous, options);
  if (kind === "refused") return { kind, reason: options.expectCurrent === undefined ? refusal(previous, options.onExisting) : "changed", previous };
  await writeConfirmed(backend, target, desired, previous, options.confirm);
  return { kind, previous };
}

function decide(previous: LiveConfig, options: ApplyOptions): "created" | "updated" | "replaced" | "refused" {
  if (options.expectCurrent !== undefined) {
    if (!holds(previous, options.expectCurrent)) return "refused";
    return previous.kind === "none" ? "created" : "updated";
  }
  if (previous.kind === "none") return "created";
  if (options.owned) return "updated";
  return options.onExisting === "overwrite" ? "replaced" : "refused";
}

function refusal(previous: LiveConfig, onExisting: OnExisting): Refusal {
  if (previous.kind === "unreadable") return "unreadable";
  return onExisting === "adopt" ? "different" : "foreign";
}
