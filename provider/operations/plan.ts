import type { Backend, LiveConfig } from "../backends/types";
import type { CorsConfiguration } from "../model/schema";
import type { Target } from "../targets";
import { holds } from "./propagation";

/** What {@link planPolicy} read: the live configuration and whether it already means `desired`. */
export interface PlanOutcome {
  readonly live: LiveConfig;
  readonly inSync: boolean;
}

/** Reads the bucket and compares it with `desired` without writing (the CLI's plan; drift in refresh). A missing bucket throws the service's error. */
export async function planPolicy(backend: Backend, target: Target, desired: CorsConfiguration): Promise<PlanOutcome> {
  const live = await backend.get(target);
  if (live.kind === "no-bucket") throw live.error;
  return { live, inSync: holds(live, desired) };
}
