import type { z } from "zod";
import type { policyInputsSchema, policyOutputsSchema } from "./schema";

export { ON_EXISTING, VERIFY_MODES, type OnExisting, type VerifyMode } from "../operations/options";
export { UNKNOWN, containsUnknown } from "./unknown";

/*
 * The dynamic provider's types, inferred from the one schema (schema.ts). Internal: they
 * mention zod, so no public declaration file may reach them (sdk/args.ts has the public
 * args and proves they resolve to `PolicyArgs`).
 */

/** What a program gives a CorsPolicy, resolved (no Outputs): the schema's input. */
export type PolicyArgs = z.input<ReturnType<typeof policyInputsSchema>>;

/** Checked inputs: what `check` returns and every later call receives (normalized). */
export type PolicyInputs = z.output<ReturnType<typeof policyInputsSchema>>;

/** Outputs: the checked inputs plus the resource id and the applied rules' fingerprint. */
export type PolicyOutputs = z.output<ReturnType<typeof policyOutputsSchema>>;
