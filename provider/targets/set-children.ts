import { CorsPolicyError } from "../errors";

/*
 * How a CorsPolicySet names its children, for both of its front ends: the dynamic SDK's
 * component (sdk/cors-policy-set.ts) and the provider plugin's Construct (plugin/construct.ts).
 * One rule, so a set moved from one route to the other keeps its children's names (and URNs).
 */

/** The fields of a target that name a child; a value that is not a plain string (an Output, a promise, an unknown) is not known yet. */
export interface NamedTarget {
  readonly profile: unknown;
  readonly bucket: unknown;
  readonly region?: unknown;
  readonly accountId?: unknown;
  readonly endpoint?: unknown;
}

/**
 * `<set>-<profile>-<bucket>`, with the region or account added when two targets
 * would otherwise share a name, and an index as the last resort. A resource name
 * must be known when the resource is registered, so a bucket given as an Output or
 * a promise is replaced by the target's position in the list. Throws on an empty list;
 * `example` is how the caller's surface writes one target (`targets.aws({ bucket, region })`
 * in TypeScript), for the fix.
 */
export function childNames(setName: string, targets: readonly NamedTarget[], example: string): string[] {
  if (targets.length === 0) {
    throw new CorsPolicyError(`CorsPolicySet "${setName}": targets is empty; it needs at least one target — add one, e.g. ${example}`, {
      code: "InvalidArgument",
    });
  }
  const base = targets.map((t, i) => slug(`${setName}-${plain(t.profile) ?? ""}-${plain(t.bucket) ?? i}`));
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

/** `Omit` over each member of a union (a set takes rules or a document), so each child keeps the member it was. */
type Without<A, K extends PropertyKey> = A extends unknown ? Omit<A, K> : never;

/** One child of a set: its name and its inputs (everything of the set's but `targets`, and its own `target`). */
export interface SetChild<Shared, T> {
  readonly name: string;
  readonly args: Shared & { readonly target: T };
}

/** The children a set declares, in the order of its `targets`: what both front ends register. Throws on an empty list (childNames). */
export function setChildren<T extends NamedTarget, Shared extends object>(
  setName: string,
  args: Shared & { readonly targets: readonly T[] },
  example: string,
): SetChild<Without<Shared, "targets">, T>[] {
  const { targets, ...shared } = args;
  const names = childNames(setName, targets, example);
  return targets.map((target, index) => ({ name: names[index]!, args: { ...(shared as Without<Shared, "targets">), target } }));
}
