import type { Command } from "commander";
import { BackendError } from "../../provider/errors";
import { applyConfirmed, readBack } from "../../provider/lifecycle/apply";
import { propagationTimeout } from "../../provider/lifecycle/propagation";
import { describeRules } from "../../provider/lifecycle/describe";
import type { Target } from "../../provider/targets";
import { backendOf } from "../backend";
import { forEachTarget } from "../each-target";
import { EXIT } from "../exit";
import { seconds } from "../options";
import { exitOf, outcomeJson, printFailure } from "../outcomes";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../target-options";
import { targetsFrom } from "../targets";
import { legacyLive } from "../../provider/backends/legacy-live";

interface DeleteFlags extends CommonFlags, TargetFlags {
  readonly timeout?: number;
}

/** What delete found and did: `deleted`, or nothing to remove because the bucket has `no-configuration` or is `no-bucket`. */
type Action = "deleted" | "no-configuration" | "no-bucket";

const EXAMPLES = `
Examples:
  $ bucket-cors delete --profile r2 --account-id "$CF_ACCOUNT" --bucket assets
  $ bucket-cors delete --target-file targets.json --json

A bucket without a CORS configuration, or a bucket that does not exist, is
success: there is nothing to remove. After removing, delete waits until the
service stops serving the rules.
${TARGET_HELP}
Exit codes: 0 removed or already absent; 1 service failure; 2 usage.`;

/** `delete --target …`: removes a bucket's CORS configuration (missing is success). */
export function registerDelete(program: Command): void {
  const command = program
    .command("delete")
    .summary("remove a bucket's CORS configuration")
    .description("Remove the CORS configuration of one or more buckets and wait until it is gone.")
    .option("--timeout <seconds>", "how long to wait until the removal is served; the profile's propagation delay when omitted", seconds)
    .option("--json", "print one JSON document: per target, what was removed")
    .addHelpText("after", EXAMPLES)
    .action((flags: DeleteFlags) =>
      runCommand(flags, async (out) => {
        const targets = targetsFrom(flags, out, { many: true });
        const outcomes = await forEachTarget(out, targets, (target, step) => deleteOne(target, propagationTimeout(target, flags.timeout), step));
        out.emit({ ok: outcomes.every((o) => o.ok), results: outcomes.map(outcomeJson) }, () => {
          for (const o of outcomes) {
            if (!o.ok) printFailure(out, o);
            else if (o.result.action === "no-configuration") out.line(`${o.id}: no CORS configuration; nothing to remove`);
            else if (o.result.action === "no-bucket") out.line(`${o.id}: the bucket does not exist; nothing to remove`);
            else out.line(`${o.id}: deleted (was ${describeRules(o.result.removed ?? [])})`);
          }
        });
        return exitOf(outcomes, EXIT.ok);
      }),
    );
  addTargetOptions(command);
}

/** As `deletePolicy` in provider/lifecycle/operations.ts: a missing configuration or bucket is success. */
async function deleteOne(target: Target, timeout: number, step: (text: string) => void) {
  const backend = await backendOf(target);
  let previous;
  try {
    previous = legacyLive(target, await backend.get(target));
  } catch (error) {
    if (error instanceof BackendError && error.code === "MissingBucket") return { action: "no-bucket" as Action, removed: null };
    throw error;
  }
  if (previous === null) return { action: "no-configuration" as Action, removed: null };
  step(`removing, then waiting until it is gone (up to ${timeout} s)`);
  await applyConfirmed(backend, target, null, previous, readBack(timeout));
  return { action: "deleted" as Action, removed: previous.rules };
}
