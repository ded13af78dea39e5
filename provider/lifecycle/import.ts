import { CorsPolicyError } from "../errors";
import { describeTarget, resourceIdOf, type Target } from "../targets";
import { unreadableConfiguration } from "../operations";
import { readPolicy } from "./crud";
import type { PolicyInputs, PolicyOutputs } from "./types";

/**
 * Adopts the live configuration of `target` into a stack (`pulumi import`): `readPolicy` with a
 * state that holds no rules, so the read returns the live rules as outputs and as the inputs
 * to record (normalized, with the defaults `onExisting: "fail"`, `verify: "read"`). Reads only:
 * nothing is written to the bucket. A bucket with no configuration, or one this package cannot
 * read, has nothing to import and is refused with what to do instead.
 */
export async function importPolicy(id: string, target: Target): Promise<{ id: string; props: PolicyOutputs; inputs: PolicyInputs }> {
  const seed: PolicyOutputs = { target, rules: [], onExisting: "fail", verify: "read", resourceId: resourceIdOf(target), fingerprint: "" };
  // Recorded under the id a create would give, whichever spelling of the ID named the bucket.
  const where = describeTarget(target);
  const outcome = await readPolicy(resourceIdOf(target), seed).catch((error: unknown) => {
    // A read that failed (unreachable, refused) wrote nothing either; the engine shows only this message.
    if (!(error instanceof CorsPolicyError)) throw error;
    throw new CorsPolicyError(`import of "${id}": ${error.message}; nothing was imported`, { code: error.code, cause: error });
  });
  if (!("id" in outcome) || outcome.inputs === undefined) {
    throw new CorsPolicyError(
      `import of "${id}": ${where} has no CORS configuration (or no such bucket), so there is nothing to import — check the ID (bucket-cors get prints the bucket's configuration), or declare the resource without import to create one`,
      { code: "InvalidArgument" },
    );
  }
  if (outcome.props.liveUnreadable !== undefined) {
    throw new CorsPolicyError(
      `import of "${id}": ${where} has ${unreadableConfiguration(outcome.props.liveUnreadable)}; nothing was imported — declare the resource with onExisting: "overwrite" to replace it with your rules`,
      { code: "ExistingConfiguration" },
    );
  }
  return { id: outcome.id, props: outcome.props, inputs: outcome.inputs };
}
