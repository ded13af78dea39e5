import { childNames as namesOfChildren, setChildren } from "../provider/targets/set-children";
import * as pulumi from "@pulumi/pulumi";
import type { CorsPolicyCommonArgs, CorsPolicyDocumentArgs, CorsPolicyRulesArgs } from "./args";
import { CorsPolicy } from "./cors-policy";
import type { TargetArgs } from "./target-args";

/** What every child shares: everything of a CorsPolicy but its target. */
type SharedArgs = Omit<CorsPolicyCommonArgs, "target">;

/** Arguments of a CorsPolicySet: one rule set (or document) and the targets it goes to. */
export type CorsPolicySetArgs = SharedArgs &
  (Pick<CorsPolicyRulesArgs, "rules" | "document"> | Pick<CorsPolicyDocumentArgs, "rules" | "document">) & {
    /**
     * The buckets (and containers) that get the policy, on any mix of services, as the presets build
     * them. Each child is named from its target: `<set name>-<profile>-<bucket>`. A bucket that is not
     * a plain string (an Output of a bucket created in the same program) is not known when the
     * children are named, so that child is named by its position instead: `<set name>-<profile>-<index>`
     * (reordering such targets renames, and so replaces, their children).
     */
    readonly targets: readonly TargetArgs[];
  };

/**
 * One CORS rule set applied to many buckets across clouds. Each target becomes a
 * child `CorsPolicy` named `<name>-<profile>-<bucket>`, validated against its own
 * vendor profile: a target that cannot hold the rules fails preview for that
 * child, with the property path and the reason.
 * Type token: `bucket-cors:index:CorsPolicySet`.
 */
export class CorsPolicySet extends pulumi.ComponentResource {
  /** The child policies, in the order of `targets`. */
  readonly policies: CorsPolicy[];
  /** Resource ids of the children (`r2:acct/assets`...), in the order of `targets`. */
  readonly resourceIds: pulumi.Output<string[]>;

  constructor(name: string, args: CorsPolicySetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("bucket-cors:index:CorsPolicySet", name, {}, opts);
    this.policies = setChildren(name, args, TARGET_EXAMPLE).map((child) => new CorsPolicy(child.name, child.args, { parent: this }));
    this.resourceIds = pulumi.all(this.policies.map((p) => p.resourceId));
    this.registerOutputs({ resourceIds: this.resourceIds });
  }
}

/** How a TypeScript program writes one target, for the fix of an empty list. */
const TARGET_EXAMPLE = "targets.aws({ bucket, region })";

/** The children's names (provider/targets/set-children.ts, which the plugin's CorsPolicySet uses too). Throws on an empty list. */
export function childNames(setName: string, targets: readonly TargetArgs[]): string[] {
  return namesOfChildren(setName, targets, TARGET_EXAMPLE);
}
