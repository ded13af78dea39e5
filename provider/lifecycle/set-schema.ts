import * as z from "zod";
import { policyFieldsSchema } from "./schema";

/*
 * The inputs and outputs of a CorsPolicySet (the component the SDK and the provider plugin both
 * offer), from the CorsPolicy's one schema: every field of a policy but `target`, and the list of
 * `targets`. The set checks nothing itself: each child is a CorsPolicy, checked by its own
 * `check`. The plugin's package schema reads these (plugin/schema.ts). Factories, like schema.ts.
 */

/**
 * A set's fields: `targets` (each a policy's `target`), then the fields its children share.
 * @internal
 */
export function policySetFieldsSchema() {
  const { target, ...shared } = policyFieldsSchema().shape;
  return z.object({ targets: z.array(target), ...shared });
}

/**
 * A set's outputs.
 * @internal
 */
export function policySetOutputsSchema() {
  return z.object({
    /** Resource ids of the children (`r2:acct/assets`...), in the order of `targets`. */
    resourceIds: z.array(z.string()),
  });
}
