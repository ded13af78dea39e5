import type { Backend, LiveConfig } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import { holds } from "./propagation";
import { diffRules, type RuleChange } from "./rule-changes";

/**
 * What {@link planPolicy} read: the live configuration, whether it already means `desired`, and
 * the rule-by-rule differences from the live rules (none when no configuration is set) to
 * `desired`. A configuration this package cannot read has no changes: nothing can be compared with it.
 */
export type PlanOutcome =
  | { readonly live: Exclude<LiveConfig, { kind: "unreadable" | "no-bucket" }>; readonly inSync: boolean; readonly changes: readonly RuleChange[] }
  | { readonly live: Extract<LiveConfig, { kind: "unreadable" }>; readonly inSync: false; readonly changes?: undefined };

/** Reads the bucket and compares it with `desired` without writing (the CLI's plan; drift in refresh). A missing bucket throws the service's error. */
export async function planPolicy(backend: Backend, target: Target, desired: CorsConfiguration): Promise<PlanOutcome> {
  const live = await backend.get(target);
  if (live.kind === "no-bucket") throw live.error;
  if (live.kind === "unreadable") return { live, inSync: false };
  return { live, inSync: holds(live, desired), changes: diffRules(live.kind === "config" ? live.config.rules : [], desired.rules) };
}
