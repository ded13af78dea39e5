import type * as pulumi from "@pulumi/pulumi";
import type { PolicyOutputs } from "../provider/lifecycle/types";
import type { SameType } from "../provider/model/same-type";
import type { CorsPolicyArgs } from "./args";

/*
 * What a CorsPolicy registers and declares, on either route (the dynamic `CorsPolicy` of
 * cors-policy.ts, the plugin's of plugin.ts): one list, so the two classes cannot drift apart.
 */

/** The inputs a CorsPolicy registers: its arguments by name, and the outputs it computes, unknown until applied. */
export function policyInputs(args: CorsPolicyArgs): pulumi.Inputs {
  return {
    target: args.target,
    rules: args.rules,
    document: args.document,
    onExisting: args.onExisting,
    propagationTimeoutSeconds: args.propagationTimeoutSeconds,
    timeouts: args.timeouts,
    swift: args.swift,
    expect: args.expect,
    verify: args.verify,
    // Sent so that check refuses a suppression naming no lint code; not kept in the outputs.
    lint: args.lint,
    resourceId: undefined,
    fingerprint: undefined,
  };
}

/** The outputs a CorsPolicy declares (not `swift`, which only the provider reads back). */
type DeclaredOutputs = "rules" | "target" | "onExisting" | "verify" | "expect" | "propagationTimeoutSeconds" | "resourceId" | "fingerprint";

/**
 * `true` exactly when a class's declared outputs are what the provider's schema says the outputs
 * are (`PolicyOutputs`, provider/lifecycle/types.ts): a constant of this type for each class stops
 * compiling when one changes without the other.
 * @internal
 */
export type DeclaresPolicyOutputs<C extends { readonly [K in DeclaredOutputs]: pulumi.Output<unknown> }> = SameType<
  { [K in DeclaredOutputs]: pulumi.Unwrap<C[K]> },
  { [K in DeclaredOutputs]: PolicyOutputs[K] }
>;
