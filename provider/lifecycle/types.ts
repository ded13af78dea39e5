import type * as z from "zod";
import type { policyInputsSchema, policyOutputsSchema } from "./schema";

/*
 * The dynamic provider's types, inferred from the one schema (schema.ts). Internal: they
 * mention zod, so no public declaration file may reach them (sdk/args.ts has the public
 * args and proves they resolve to `PolicyArgs`).
 */

/** What a program gives a CorsPolicy, resolved (no Outputs): the schema's input. */
export type PolicyArgs = z.input<ReturnType<typeof policyInputsSchema>>;

/**
 * The inputs as the program wrote them, once `check` accepted them: what `check` returns, the
 * engine stores and shows in `preview --diff`, and create/update/diff receive (they normalize).
 */
export type WrittenInputs = PolicyArgs;

/** Checked inputs: the normalized form create, update and diff work on (`normalizedInputs`). */
export type PolicyInputs = z.output<ReturnType<typeof policyInputsSchema>>;

/** Outputs: the checked inputs plus the resource id and the applied rules' fingerprint. */
export type PolicyOutputs = z.output<ReturnType<typeof policyOutputsSchema>>;
