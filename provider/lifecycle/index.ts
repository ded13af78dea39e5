import type * as pulumi from "@pulumi/pulumi";
import { checkInputs, forEngine, inputsToCompare, normalizedInputs } from "./check";
import { splitClaim } from "./claims";
import { diffPolicy, type DiffOutcome } from "./diff";
import { quietInHost } from "./host-output";
import { createPolicy, deletePolicy, readPolicy, updatePolicy, type ReadOutcome } from "./crud";
import { readProviderConfig, setProviderConfig } from "../backends/provider-config";
import type { PolicyOutputs, WrittenInputs } from "./types";
import { UnconfirmedWrite } from "./unconfirmed";

/*
 * The lifecycle as the serialized provider calls it: the methods of a
 * `pulumi.dynamic.ResourceProvider<WrittenInputs, PolicyOutputs>` (proven below).
 * `provider.ts` requires this module by package name and delegates.
 */

/** Stores the `bucket-cors:*` provider config (from the host's `configure(req)`). */
export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  setProviderConfig(readProviderConfig(req.config));
}

/**
 * Validates the inputs (`checkInputs`) and returns them as the program wrote them. The engine
 * shows `preview --diff` by comparing a dynamic resource's stored inputs with these, element by
 * element: kept as written, an added method is a `+` and a removed origin a `-`; sorted, an
 * addition looked like a replacement of every later element. Whether anything changed is still
 * `diff`'s to say, on the normalized forms, so a reorder or re-case is no change at all.
 * `news` is what the program gave, not yet checked: Pulumi's type says the inputs, so this
 * accepts anything.
 */
export async function check(_olds: unknown, news: unknown): Promise<pulumi.dynamic.CheckResult<WrittenInputs>> {
  const { refusal, written } = splitClaim(news);
  const outcome = checkInputs(written);
  // A contested bucket is refused first, by every resource on it, so none of them is created.
  const failures = refusal === undefined ? outcome.failures : [{ property: "", reason: refusal }, ...outcome.failures];
  if (failures.length > 0) return { failures: forEngine(failures, written) };
  return { inputs: written as WrittenInputs, failures: [] };
}

/** Compares old outputs with the new inputs, normalized; see `diffPolicy`. The dynamic interface has no detailed diff. */
export async function diff(id: string, olds: PolicyOutputs, news: WrittenInputs): Promise<pulumi.dynamic.DiffResult> {
  const { changes, replaces, deleteBeforeReplace } = await diffInDetail(id, olds, news);
  return { changes, replaces, deleteBeforeReplace };
}

/** `diff` with the paths that change (detailed-diff.ts), for the plugin's DiffResponse. */
export function diffInDetail(_id: string, olds: PolicyOutputs, news: WrittenInputs): Promise<DiffOutcome> {
  return quietInHost(() => diffPolicy(olds, inputsToCompare(news)));
}

/** Creates the policy; see `createPolicy`. A failure that may have changed the bucket carries the outputs to record (`UnconfirmedWrite`). */
export async function create(inputs: WrittenInputs): Promise<pulumi.dynamic.CreateResult<PolicyOutputs>> {
  try {
    return await createPolicy(normalizedInputs(inputs));
  } catch (error) {
    throw error instanceof UnconfirmedWrite ? error.withProvider(inputs) : error;
  }
}

/**
 * Reads the live policy; see `readPolicy`. The host always passes the state (an empty
 * object when there is none), so `props` is never missing in practice.
 */
export function read(id: string, props: PolicyOutputs): Promise<ReadOutcome> {
  return quietInHost(() => readPolicy(id, props));
}

/** Updates the policy in place; see `updatePolicy`. A failure that may have changed the bucket carries the outputs to record (`UnconfirmedWrite`). */
export async function update(id: string, olds: PolicyOutputs, news: WrittenInputs): Promise<pulumi.dynamic.UpdateResult<PolicyOutputs>> {
  try {
    return { outs: await updatePolicy(id, olds, normalizedInputs(news)) };
  } catch (error) {
    throw error instanceof UnconfirmedWrite ? error.withProvider(news) : error;
  }
}

/** Removes the policy; exported as `delete`. */
function remove(_id: string, props: PolicyOutputs): Promise<void> {
  return quietInHost(() => deletePolicy(props));
}
export { remove as delete };

type Provider = pulumi.dynamic.ResourceProvider<WrittenInputs, PolicyOutputs>;

/** `T`, which must fit `Wanted`: a type-level assertion that emits nothing. */
type Fits<Wanted, T extends Wanted> = T;

/**
 * Compile-time proof that the functions above are the methods of a
 * `ResourceProvider<WrittenInputs, PolicyOutputs>`, which provider.ts declares and delegates
 * to by name. Not `read`: Pulumi types `ReadResult.inputs` as the outputs, while the
 * inputs `read` returns are inputs (no `resourceId`, no `fingerprint`).
 * @internal
 */
export type LifecycleIsProvider = Fits<
  Required<Omit<Provider, "read">>,
  { configure: typeof configure; check: typeof check; diff: typeof diff; create: typeof create; update: typeof update; delete: typeof remove }
>;
