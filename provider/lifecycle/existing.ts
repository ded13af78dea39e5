import type { CorsConfiguration } from "../model/schema";
import { sameRules } from "./compare";
import type { OnExisting } from "./types";

/** What to do about the configuration a bucket already has, before writing ours. */
export type ExistingDecision =
  | "write" // nothing there, or `overwrite`
  | "adopt" // `adopt` and it already means the same: take it over, write nothing
  | "refuse-foreign" // `fail` and something is there
  | "refuse-different"; // `adopt` but it means something else

/**
 * The one rule for a configuration found at create (the resource) or apply (the
 * CLI): callers word the refusal in their own terms (`onExisting` vs `--on-existing`).
 */
export function decideExisting(live: CorsConfiguration | null, desired: CorsConfiguration, onExisting: OnExisting): ExistingDecision {
  if (live === null || onExisting === "overwrite") return "write";
  if (onExisting === "fail") return "refuse-foreign";
  return sameRules(live.rules, desired.rules) ? "adopt" : "refuse-different";
}
