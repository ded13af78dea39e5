import * as pulumi from "@pulumi/pulumi";
import type { TargetInput } from "../provider/targets/types";
import type { CorsPolicyCommonArgs, CorsPolicyDocumentArgs, CorsPolicyRulesArgs } from "./args";
import { CorsPolicy } from "./cors-policy";

/** What every child shares: everything of a CorsPolicy but its target. */
type SharedArgs = Omit<CorsPolicyCommonArgs, "target">;

/** Arguments of a CorsPolicySet: one rule set (or document) and the targets it goes to. */
export type CorsPolicySetArgs = SharedArgs &
  (Pick<CorsPolicyRulesArgs, "rules" | "document"> | Pick<CorsPolicyDocumentArgs, "rules" | "document">) & {
    /**
     * The buckets (and containers) that get the policy, on any mix of services. Plain values, since
     * each child is named from its target: `<set name>-<profile>-<bucket>`.
     */
    readonly targets: readonly TargetInput[];
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
    const { targets, ...shared } = args;
    const names = childNames(name, targets);
    this.policies = targets.map((target, index) => new CorsPolicy(names[index]!, { ...shared, target } as CorsPolicyRulesArgs, { parent: this }));
    this.resourceIds = pulumi.all(this.policies.map((p) => p.resourceId));
    this.registerOutputs({ resourceIds: this.resourceIds });
  }
}

/**
 * `<set>-<profile>-<bucket>`, with the region or account added when two targets
 * would otherwise share a name, and an index as the last resort. Throws on an empty list.
 */
export function childNames(setName: string, targets: readonly TargetInput[]): string[] {
  if (targets.length === 0) throw new Error(`CorsPolicySet "${setName}": targets is empty; it needs at least one target — add one, e.g. targets.aws({ bucket, region })`);
  const base = targets.map((t) => slug(`${setName}-${t.profile}-${t.bucket}`));
  const scoped = targets.map((t, i) => (count(base, base[i]!) > 1 ? slug(`${base[i]}-${t.region ?? t.accountId ?? t.endpoint ?? ""}`) : base[i]!));
  return scoped.map((n, i) => (count(scoped, n) > 1 ? `${n}-${i}` : n));
}

function slug(text: string): string {
  return text.replace(/^[a-z]+:\/\//i, "").replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/-+$/, "");
}

function count(list: readonly string[], value: string): number {
  return list.filter((v) => v === value).length;
}
