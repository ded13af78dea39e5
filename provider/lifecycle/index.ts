import { checkInputs, forEngine, type CheckOutcome } from "./check";
import { diffInputs, type DiffOutcome } from "./diff";
import { createPolicy, deletePolicy, readPolicy, updatePolicy, type ReadOutcome } from "./operations";
import { readProviderConfig, setProviderConfig } from "../backends/provider-config";
import type { PolicyInputs, PolicyOutputs } from "./types";

/*
 * The lifecycle as the serialized provider calls it: plain functions of the
 * engine's values. `provider.ts` requires this module by package name and delegates.
 */

/** Stores the `bucket-cors:*` provider config (from the host's `configure(req)`). */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
  setProviderConfig(readProviderConfig(req.config));
}

/** Validates and normalizes inputs; see `checkInputs`. */
export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome> {
  const outcome = checkInputs(news);
  return { ...outcome, failures: outcome.failures.map(forEngine) };
}

/** Compares old outputs with new checked inputs; see `diffInputs`. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffOutcome> {
  return diffInputs(olds, news);
}

/** Creates the policy; see `createPolicy`. */
export function create(inputs: Record<string, unknown>): Promise<{ id: string; outs: PolicyOutputs }> {
  return createPolicy(inputs as unknown as PolicyInputs);
}

/** Reads the live policy; see `readPolicy`. */
export function read(id: string, props: Record<string, unknown>): Promise<ReadOutcome> {
  return readPolicy(id, props as unknown as PolicyOutputs);
}

/** Updates the policy in place; see `updatePolicy`. */
export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: PolicyOutputs }> {
  return { outs: await updatePolicy(id, olds as unknown as PolicyOutputs, news as unknown as PolicyInputs) };
}

/** Removes the policy; exported as `delete`. */
function remove(_id: string, props: Record<string, unknown>): Promise<void> {
  return deletePolicy(props as unknown as PolicyOutputs);
}
export { remove as delete };
