import * as pulumi from "@pulumi/pulumi";
import { CorsPolicyError } from "../provider/errors";
import { checkTarget, describeTarget, locationOf } from "../provider/targets";

/** Which resource claimed each bucket (by `locationOf`, so two spellings of one bucket meet), per program run. */
const claimsByRun = new WeakMap<object, Map<string, string>>();

/**
 * Fails the program when two CorsPolicy resources (or a CorsPolicySet child)
 * resolve to the same bucket: a bucket holds one CORS configuration, so the
 * second resource would overwrite (or refuse) the first's and their deletes would
 * empty it. Checked once the target is known; an unknown target (a bucket
 * created by this `up`) is compared when it resolves. Keyed by the run's stack
 * resource, so an Automation API process that runs the program again starts afresh.
 */
export function claimBucket(name: string, target: pulumi.Input<object>): void {
  pulumi.output(target).apply((resolved: unknown) => {
    const checked = checkTarget(resolved);
    if (!checked.ok) return; // check reports an invalid target, with its path
    const claims = claimsOfThisRun();
    if (claims === undefined) return;
    const where = locationOf(checked.target);
    const owner = claims.get(where);
    if (owner !== undefined && owner !== name) {
      throw new CorsPolicyError(
        `CorsPolicy "${name}" and CorsPolicy "${owner}" both target ${describeTarget(checked.target)}: a bucket holds one CORS configuration, so one resource must own it — put all its rules in one CorsPolicy, or point one of them at another bucket`,
        { code: "InvalidArgument" },
      );
    }
    claims.set(where, name);
  });
}

/** This run's claims; none under mocks, which have no stack resource to tell one run (or unit test) from the next. */
function claimsOfThisRun(): Map<string, string> | undefined {
  const stack = pulumi.runtime.getStackResource();
  if (stack === undefined) return undefined;
  let claims = claimsByRun.get(stack);
  if (claims === undefined) claimsByRun.set(stack, (claims = new Map<string, string>()));
  return claims;
}
