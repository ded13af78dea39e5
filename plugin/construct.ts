import * as pulumi from "@pulumi/pulumi";
import { CorsPolicyError } from "../provider/errors";
import { setChildren, type NamedTarget } from "../provider/targets/set-children";
import { RESOURCE_TOKEN, SET_TOKEN } from "./tokens";
import type { ConstructContext } from "./runtime";

/*
 * The component `bucket-cors:index:CorsPolicySet` the plugin constructs: one rule set applied to
 * many targets, each a child `bucket-cors:index:CorsPolicy` (the plugin's own resource, so each
 * child is checked, diffed and applied by the same lifecycle). The children and their names are
 * the dynamic SDK's (sdk/cors-policy-set.ts): both call provider/targets/set-children.ts.
 */

/** How a YAML program writes one target, for the fix of an empty list. */
const TARGET_EXAMPLE = "targets: [{ profile: aws, bucket: assets, region: us-east-1 }]";

/** A child: the plugin's CorsPolicy, with the outputs the set reads declared. */
class ChildPolicy extends pulumi.CustomResource {
  declare readonly resourceId: pulumi.Output<string>;
  constructor(name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super(RESOURCE_TOKEN, name, { ...args, resourceId: undefined }, opts);
  }
}

class PolicySet extends pulumi.ComponentResource {
  readonly resourceIds: pulumi.Output<string[]>;
  constructor(name: string, inputs: pulumi.Inputs, opts: pulumi.ComponentResourceOptions) {
    super(SET_TOKEN, name, {}, opts);
    const children = setChildren(name, { ...inputs, targets: targetsOf(name, inputs["targets"]) }, TARGET_EXAMPLE);
    const policies = children.map((child) => new ChildPolicy(child.name, child.args, { parent: this }));
    this.resourceIds = pulumi.all(policies.map((p) => p.resourceId));
    this.registerOutputs({ resourceIds: this.resourceIds });
  }
}

/** Builds the set for a Construct call; the URN and the state it answers with. */
export function constructPolicySet(context: ConstructContext): Promise<{ urn: pulumi.Output<string>; state: pulumi.Inputs }> {
  if (context.type !== SET_TOKEN) throw new Error(`unknown component type ${context.type}; the bucket-cors provider has ${SET_TOKEN}`);
  const set = new PolicySet(context.name, context.inputs, context.opts);
  return Promise.resolve({ urn: set.urn, state: { resourceIds: set.resourceIds } });
}

/**
 * The targets as a list. A child is registered per target and named from it, so the list must be
 * a value when the program runs, not an output of another resource (each target's fields may be).
 */
function targetsOf(setName: string, targets: unknown): NamedTarget[] {
  if (Array.isArray(targets) && targets.every((t): t is NamedTarget => typeof t === "object" && t !== null)) return targets;
  const got = pulumi.Output.isInstance(targets) ? "an output of another resource" : `a ${typeof targets}`;
  throw new CorsPolicyError(
    `CorsPolicySet "${setName}": targets must be a list of targets written in the program (got ${got}); a child is registered per target — write the list, e.g. ${TARGET_EXAMPLE}`,
    { code: "InvalidArgument" },
  );
}
