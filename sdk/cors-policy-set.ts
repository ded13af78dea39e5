import { CorsPolicyError } from "../provider/errors";
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
    const { targets, ...shared } = args;
    const names = childNames(name, targets);
    this.policies = targets.map((target, index) => new CorsPolicy(names[index]!, { ...shared, target }, { parent: this }));
    this.resourceIds = pulumi.all(this.policies.map((p) => p.resourceId));
    this.registerOutputs({ resourceIds: this.resourceIds });
  }
}

/**
 * `<set>-<profile>-<bucket>`, with the region or account added when two targets
 * would otherwise share a name, and an index as the last resort. A resource name
 * must be known when the resource is registered, so a bucket given as an Output or
 * a promise is replaced by the target's position in the list. Throws on an empty list.
 */
export function childNames(setName: string, targets: readonly TargetArgs[]): string[] {
  if (targets.length === 0) {
    throw new CorsPolicyError(`CorsPolicySet "${setName}": targets is empty; it needs at least one target — add one, e.g. targets.aws({ bucket, region })`, {
      code: "InvalidArgument",
    });
  }
  const base = targets.map((t, i) => slug(`${setName}-${t.profile}-${plain(t.bucket) ?? i}`));
  const scoped = targets.map((t, i) =>
    count(base, base[i]!) > 1 ? slug(`${base[i]}-${plain(t.region) ?? plain(t.accountId) ?? plain(t.endpoint) ?? ""}`) : base[i]!,
  );
  return scoped.map((n, i) => (count(scoped, n) > 1 ? `${n}-${i}` : n));
}

/** The value when it is a plain string, not an Output or a promise. */
function plain(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function slug(text: string): string {
  return text
    .replace(/^[a-z]+:\/\//i, "")
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/-+$/, "");
}

function count(list: readonly string[], value: string): number {
  return list.filter((v) => v === value).length;
}
