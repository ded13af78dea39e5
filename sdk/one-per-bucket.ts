import * as pulumi from "@pulumi/pulumi";
import { checkTarget, describeTarget, locationOf } from "../provider/targets";

/** One CorsPolicy's claim on a bucket: who it is, in the order the program made them. */
interface Claimant {
  readonly order: number;
  readonly words: string;
}

/** The claims of one program run: which resources target each bucket (by `locationOf`, so two spellings of one bucket meet). */
interface RunClaims {
  readonly byLocation: Map<string, Claimant[]>;
  made: number;
}

/** This run's claims, by the run's stack resource: an Automation API process that runs the program again starts afresh. */
const claimsByRun = new WeakMap<object, RunClaims>();

/**
 * How long a claim waits, once its bucket is known, for the others to claim the same bucket
 * before it is judged. Targets known as the program runs are claimed on the spot; targets that
 * resolve together (every policy on a bucket created in the same program) resolve in one burst
 * of promise callbacks when the engine answers the bucket's registration, all of which run
 * before a timer does.
 */
const SETTLE_MS = 20;

/**
 * A bucket holds one CORS configuration: when two CorsPolicy resources (or CorsPolicySet
 * children) target the same bucket, the second would overwrite (or refuse) the first's rules and
 * either delete would empty it. This is each resource's claim on its bucket, as an input of the
 * resource (`bucketClaim`): `undefined` when it alone targets the bucket; the refusal, naming
 * every resource on it, when others do too. Every claimant gets the refusal, and check refuses
 * it before create (provider/lifecycle/claims.ts), so nothing is written to a contested bucket,
 * `up --skip-preview` and Automation API `up` included.
 *
 * The engine sends no resource to the provider before its inputs resolve, so the claim gates the
 * resource: it is judged once the target is known (at once for a plain target; when the bucket
 * is created, for a bucket made in the same program) and others have had their turn. Nothing
 * throws inside an `apply`: @pulumi/pulumi 3.248 took 40–80 s and 4 GB to report an error
 * thrown there. Claims are kept per resource object, so a CorsPolicySet child and a CorsPolicy
 * with the same name are two claimants (the engine registers each URN once). `undefined`
 * without a stack resource (mocks), which have no run to tell from the next.
 */
export function claimBucket(name: string, parent: pulumi.Resource | undefined, target: pulumi.Input<object>): pulumi.Output<string | undefined> | undefined {
  const claims = claimsOfThisRun();
  if (claims === undefined) return undefined;
  const claimant: Claimant = { order: claims.made++, words: claimantWords(name, parent) };
  const plain = isPlain(target) ? record(claims, target, claimant) : undefined;
  const claim = pulumi.output(target).apply(async (resolved: unknown) => {
    const bucket = plain ?? record(claims, resolved, claimant);
    if (bucket === undefined) return undefined; // check reports an invalid target, with its path
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    return refusalOf(claims.byLocation.get(bucket.where) ?? [], bucket.words);
  });
  // The refusal names buckets and resources, never a credential; kept out of the secret
  // wrapper that a secret target would put on it, so check reads it as text.
  return pulumi.unsecret(claim);
}

/** Adds the claim on the target's bucket; the bucket's location and description, or `undefined` for a target check will refuse. */
function record(claims: RunClaims, target: unknown, claimant: Claimant): { readonly where: string; readonly words: string } | undefined {
  const checked = checkTarget(target);
  if (!checked.ok) return undefined;
  const where = locationOf(checked.target);
  claims.byLocation.set(where, [...(claims.byLocation.get(where) ?? []), claimant]);
  return { where, words: describeTarget(checked.target) };
}

/** The refusal every claimant of a contested bucket gets; `undefined` for a bucket with one claimant. */
function refusalOf(claimants: readonly Claimant[], bucket: string): string | undefined {
  if (claimants.length < 2) return undefined;
  const names = [...claimants].sort((a, b) => a.order - b.order).map((c) => c.words);
  if (names.length === 2) {
    return `${names[0]} and ${names[1]} both target ${bucket}: a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy, or point one of them at another bucket`;
  }
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)} all target ${bucket}: a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy, or point the others at other buckets`;
}

/** `CorsPolicy "name"`, with the CorsPolicySet (or other component) it belongs to when it has a parent. */
function claimantWords(name: string, parent: pulumi.Resource | undefined): string {
  // A resource's name and type are @internal fields of @pulumi/pulumi's Resource (resource.js sets
  // `__name` and `__pulumiType`); read defensively, since they only make the message clearer.
  const { __name: parentName, __pulumiType: parentType } = (parent ?? {}) as { __name?: unknown; __pulumiType?: unknown };
  if (typeof parentName !== "string" || typeof parentType !== "string" || parentType === "pulumi:pulumi:Stack") return `CorsPolicy "${name}"`;
  return `CorsPolicy "${name}" (in ${parentType.split(":").pop() ?? parentType} "${parentName}")`;
}

/** True when the value holds no Output and no promise at any depth: known as the program runs. */
function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (typeof value !== "object" || value === null) return true;
  return Object.values(value).every(isPlain);
}

/** This run's claims; none under mocks, which have no stack resource to tell one run (or unit test) from the next. */
function claimsOfThisRun(): RunClaims | undefined {
  const stack = pulumi.runtime.getStackResource();
  if (stack === undefined) return undefined;
  let claims = claimsByRun.get(stack);
  if (claims === undefined) claimsByRun.set(stack, (claims = { byLocation: new Map(), made: 0 }));
  return claims;
}
