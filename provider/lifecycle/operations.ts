import { BackendError } from "../errors";
import { describeTarget, resourceIdOf } from "../targets";
import { applyConfirmed, type Confirmation } from "./apply";
import { decideExisting } from "./existing";
import { verifyLive } from "./verify";
import { backendFor } from "../backends/for-target";
import { fingerprintOf, sameRules, stableJson } from "./compare";
import { describeRules } from "./describe";
import { propagationTimeout } from "./propagation";
import type { PolicyInputs, PolicyOutputs } from "./types";
import { legacyLive } from "../backends/legacy-live";

/** Input fields that outputs carry over (the host gives `diff` old outputs, not old inputs). */
const INPUT_FIELDS = ["target", "rules", "onExisting", "propagationTimeoutSeconds", "swift", "expect", "verify"] as const;

/**
 * Creates the policy. A bucket that already has a CORS configuration is refused
 * unless `onExisting` says otherwise: `adopt` takes over a configuration that
 * already means the same as the rules (nothing is written), `overwrite` replaces
 * it. On any failure the bucket is left as it was.
 */
export async function createPolicy(inputs: PolicyInputs): Promise<{ id: string; outs: PolicyOutputs }> {
  const { target } = inputs;
  const backend = backendFor(target);
  const live = legacyLive(target, await backend.get(target));
  const desired = { rules: inputs.rules };
  const where = describeTarget(target);
  const decision = decideExisting(live, desired, inputs.onExisting);
  if (decision === "refuse-foreign") {
    throw new Error(`${where} already has a CORS configuration that this stack does not manage: ${describeRules(live!.rules)}; nothing was changed — set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it`);
  }
  if (decision === "refuse-different") {
    throw new Error(`${where} has a CORS configuration that differs from your rules, so it cannot be adopted as is: it has ${describeRules(live!.rules)}, your rules are ${describeRules(desired.rules)}; nothing was changed — make the rules match (bucket-cors get prints them) or set onExisting: "overwrite"`);
  }
  if (decision === "adopt") return { id: resourceIdOf(target), outs: outputsOf(inputs) };
  await applyConfirmed(backend, target, desired, live, confirmation(inputs));
  return { id: resourceIdOf(target), outs: outputsOf(inputs) };
}

/**
 * Updates the policy in place (same bucket, possibly spelled differently: the
 * resource keeps its id). Rules that mean the same are not rewritten.
 */
export async function updatePolicy(id: string, olds: PolicyOutputs, news: PolicyInputs): Promise<PolicyOutputs> {
  if (!sameRules(olds.rules, news.rules)) {
    const backend = backendFor(news.target);
    const previous = legacyLive(news.target, await backend.get(news.target));
    await applyConfirmed(backend, news.target, { rules: news.rules }, previous, confirmation(news));
  } else if (news.verify === "preflight" && (olds.verify !== "preflight" || stableJson(olds.expect) !== stableJson(news.expect))) {
    // Same rules, new expectations (or verification newly asked for): check them live without writing.
    const backend = backendFor(news.target);
    await verifyLive(backend, news.target, news.expect ?? [], propagationTimeout(news.target, news.propagationTimeoutSeconds));
  }
  return { ...outputsOf(news), resourceId: id };
}

/** Removes the configuration; a missing configuration or bucket is success. */
export async function deletePolicy(props: PolicyOutputs): Promise<void> {
  if (props.target === undefined) {
    throw new Error("delete: the state has no target, so there is no bucket to remove the configuration from — remove the resource from the state with pulumi state delete <urn>");
  }
  const backend = backendFor(props.target);
  let previous;
  try {
    previous = legacyLive(props.target, await backend.get(props.target));
  } catch (error) {
    if (error instanceof BackendError && error.code === "MissingBucket") return;
    throw error;
  }
  if (previous === null) return;
  await applyConfirmed(backend, props.target, null, previous, { mode: props.verify === "none" ? "none" : "read", timeoutSeconds: propagationTimeout(props.target, props.propagationTimeoutSeconds), expectations: [] });
}

/** What `read` returns: empty when the configuration (or bucket) is gone. */
export type ReadOutcome = { id: string; props: PolicyOutputs; inputs: PolicyInputs } | Record<string, never>;

/**
 * Reads the live configuration. Gone (no configuration, or no bucket) → `{}`, which
 * the engine treats as deleted. When the live rules mean the same as the stored
 * ones, the stored form is kept so a server's rewrites never show as drift.
 */
export async function readPolicy(id: string, props: PolicyOutputs): Promise<ReadOutcome> {
  if (props.target === undefined) {
    throw new Error(`read of "${id}": the state has no target; CorsPolicy resources cannot be imported with pulumi import (pulumi/pulumi#16175) — declare the resource with onExisting: "adopt" instead`);
  }
  let live;
  try {
    live = legacyLive(props.target, await backendFor(props.target).get(props.target));
  } catch (error) {
    if (error instanceof BackendError && error.code === "MissingBucket") return {};
    throw error;
  }
  if (live === null) return {};
  const rules = sameRules(live.rules, props.rules ?? []) ? props.rules : live.rules;
  const outs = { ...outputsOf({ ...props, rules }), resourceId: id };
  return { id, props: outs, inputs: inputsOf(outs) };
}

/** How to confirm a write of these inputs. */
function confirmation(inputs: PolicyInputs): Confirmation {
  return { mode: inputs.verify ?? "read", timeoutSeconds: propagationTimeout(inputs.target, inputs.propagationTimeoutSeconds), expectations: inputs.expect ?? [] };
}

function outputsOf(inputs: PolicyInputs): PolicyOutputs {
  return { ...inputsOf(inputs), resourceId: resourceIdOf(inputs.target), fingerprint: fingerprintOf(inputs.rules) };
}

function inputsOf(values: PolicyInputs): PolicyInputs {
  const out: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) if (values[field] !== undefined) out[field] = values[field];
  return out as unknown as PolicyInputs;
}
