import type * as pulumi from "@pulumi/pulumi";
import { checkInputs, forEngine } from "./check";
import { diffPolicy } from "./diff";
import { createPolicy, deletePolicy, readPolicy, updatePolicy, type ReadOutcome } from "./operations";
import { readProviderConfig, setProviderConfig } from "../backends/provider-config";
import type { PolicyInputs, PolicyOutputs } from "./types";

/*
 * The lifecycle as the serialized provider calls it: the methods of a
 * `pulumi.dynamic.ResourceProvider<PolicyInputs, PolicyOutputs>` (proven below).
 * `provider.ts` requires this module by package name and delegates.
 */

/** Stores the `bucket-cors:*` provider config (from the host's `configure(req)`). */
export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  setProviderConfig(readProviderConfig(req.config));
}

/**
 * Validates and normalizes inputs; see `checkInputs`. `news` is what the program gave, not
 * yet checked: Pulumi's type says `PolicyInputs`, so this accepts anything.
 */
export async function check(_olds: unknown, news: unknown): Promise<pulumi.dynamic.CheckResult<PolicyInputs>> {
  const outcome = checkInputs(news);
  return { ...outcome, failures: outcome.failures.map(forEngine) };
}

/** Compares old outputs with new checked inputs; see `diffPolicy`. */
export async function diff(_id: string, olds: PolicyOutputs, news: PolicyInputs): Promise<pulumi.dynamic.DiffResult> {
  return diffPolicy(olds, news);
}

/** Creates the policy; see `createPolicy`. */
export function create(inputs: PolicyInputs): Promise<pulumi.dynamic.CreateResult<PolicyOutputs>> {
  return createPolicy(inputs);
}

/**
 * Reads the live policy; see `readPolicy`. The host always passes the state (an empty
 * object when there is none), so `props` is never missing in practice.
 */
export function read(id: string, props: PolicyOutputs): Promise<ReadOutcome> {
  return readPolicy(id, props);
}

/** Updates the policy in place; see `updatePolicy`. */
export async function update(id: string, olds: PolicyOutputs, news: PolicyInputs): Promise<pulumi.dynamic.UpdateResult<PolicyOutputs>> {
  return { outs: await updatePolicy(id, olds, news) };
}

/** Removes the policy; exported as `delete`. */
function remove(_id: string, props: PolicyOutputs): Promise<void> {
  return deletePolicy(props);
}
export { remove as delete };

type Provider = pulumi.dynamic.ResourceProvider<PolicyInputs, PolicyOutputs>;

/** `T`, which must fit `Wanted`: a type-level assertion that emits nothing. */
type Fits<Wanted, T extends Wanted> = T;

/**
 * Compile-time proof that the functions above are the methods of a
 * `ResourceProvider<PolicyInputs, PolicyOutputs>`, which provider.ts declares and delegates
 * to by name. Not `read`: Pulumi types `ReadResult.inputs` as the outputs, while the
 * inputs `read` returns are inputs (no `resourceId`, no `fingerprint`).
 * @internal
 */
export type LifecycleIsProvider = Fits<
  Required<Omit<Provider, "read">>,
  { configure: typeof configure; check: typeof check; diff: typeof diff; create: typeof create; update: typeof update; delete: typeof remove }
>;
