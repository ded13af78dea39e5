import { Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import type { CorsConfiguration, CorsRule } from "../../provider/model/schema";
import { describeLive, describeRules, propagationTimeout, readBack, removePolicy } from "../../provider/operations";
import type { Target } from "../../provider/targets";
import { budgetedBackendOf, commandBudget } from "../backend";
import { forEachTarget } from "../each-target";
import { EXIT, failure } from "../exit";
import { deadlineSeconds, seconds } from "../flags/options";
import { exitOf, outcomeJson, printFailure } from "../output/outcomes";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { describeTarget, targetsFrom } from "../flags/targets";
import { desiredFor } from "../documents/desired";
import { loadPolicy } from "../documents/read";

interface DeleteFlags extends CommonFlags, TargetFlags {
  readonly timeout?: number;
  readonly deadline?: number;
  readonly missingOk?: boolean;
  readonly expectCurrent?: string;
  readonly from?: FormatName;
}

/** What delete found and did: `deleted`, or nothing to remove because the bucket has `no-configuration` or is `no-bucket`. */
type Action = "deleted" | "no-configuration" | "no-bucket";

const EXAMPLES = `
Examples:
  $ bucket-cors delete --service r2 --account-id "$CF_ACCOUNT" --bucket assets
  $ bucket-cors delete --target-file targets.json --json
  $ bucket-cors delete --service s3 --endpoint http://127.0.0.1:7480 --bucket assets --expect-current cors.json

A bucket without a CORS configuration is success: there is nothing to remove.
A bucket that does not exist is a failure (a typo'd name), unless --missing-ok. After removing, delete waits until the
service stops serving the rules. With --expect-current FILE, the configuration is removed only while the
bucket still holds that document's rules (what you applied); other rules are left in place and reported.
${TARGET_HELP}
Exit codes: 0 removed or already absent; 1 no such bucket (without
--missing-ok) or service failure; 2 usage.`;

/** `delete --target …`: removes a bucket's CORS configuration (missing is success). */
export function registerDelete(program: Command): void {
  const command = program
    .command("delete")
    .summary("remove a bucket's CORS configuration")
    .description("Remove the CORS configuration of one or more buckets and wait until it is gone.")
    .option("--timeout <seconds>", "how long to wait until the removal is served; the profile's propagation delay when omitted", seconds)
    .option(
      "--deadline <seconds>",
      "overall deadline per bucket, every call and the wait until the removal is served included; twice 60 s plus twice the wait when omitted",
      deadlineSeconds,
    )
    .option("--missing-ok", "a bucket that does not exist is success too (nothing to remove)")
    .option("--expect-current <file>", "remove the configuration only while the bucket holds this document's rules; leave anything else in place")
    .addOption(new Option("--from <format>", "format of the --expect-current document; detected when omitted").choices(FORMAT_NAMES))
    .option("--json", "print one JSON document: per target, what was removed")
    .addHelpText("after", EXAMPLES)
    .action((flags: DeleteFlags) =>
      runCommand(flags, async (out) => {
        const owned = flags.expectCurrent === undefined ? undefined : loadPolicy(flags.expectCurrent, flags.from).config;
        const targets = targetsFrom(flags, out, { many: true });
        const outcomes = await forEachTarget(out, targets, (target, step) =>
          deleteOne(
            target,
            { timeout: propagationTimeout(target, flags.timeout), deadline: flags.deadline },
            flags.missingOk === true,
            step,
            owned === undefined ? undefined : desiredFor(owned, target, true).config,
          ),
        );
        out.emit({ ok: outcomes.every((o) => o.ok), results: outcomes.map(outcomeJson) }, () => {
          for (const o of outcomes) {
            if (!o.ok) printFailure(out, o);
            else if (o.result.action === "no-configuration") out.line(`${o.id}: no CORS configuration; nothing to remove`);
            else if (o.result.action === "no-bucket") out.line(`${o.id}: the bucket does not exist; nothing to remove`);
            else out.line(`${o.id}: deleted (was ${o.result.raw ?? describeRules(o.result.removed ?? [])})`);
          }
        });
        return exitOf(outcomes, EXIT.ok);
      }),
    );
  addTargetOptions(command);
}

/** Through the operations layer's `removePolicy`, as the resource's delete: a missing configuration or bucket is success. */
async function deleteOne(
  target: Target,
  limits: { timeout: number; deadline: number | undefined },
  missingOk: boolean,
  step: (text: string) => void,
  owned: CorsConfiguration | undefined,
): Promise<{ action: Action; removed: readonly CorsRule[] | null; raw?: string }> {
  const { timeout } = limits;
  step(`removing if present, then waiting until it is gone (up to ${timeout} s)`);
  const backend = await budgetedBackendOf(target, commandBudget("delete", limits.deadline, timeout));
  const outcome = await removePolicy(backend, target, readBack(timeout), owned);
  if (outcome.kind === "kept") {
    throw failure(
      `${describeTarget(target)} does not hold what --expect-current says: it has ${describeLive(outcome.live)}, --expect-current is ${describeRules(owned?.rules ?? [])}; nothing was removed — someone else's rules are there now; leave them, or delete without --expect-current to remove whatever the bucket holds`,
    );
  }
  if (outcome.kind === "no-bucket") {
    // A typo'd bucket name is an error worth seeing; --missing-ok is for scripts that tear down anyway.
    if (!missingOk) throw failure(`${outcome.error.message}; use --missing-ok when a missing bucket is fine`);
    return { action: "no-bucket", removed: null };
  }
  if (outcome.kind === "nothing-there") return { action: "no-configuration", removed: null };
  const { removed } = outcome;
  return removed.kind === "config" ? { action: "deleted", removed: removed.config.rules } : { action: "deleted", removed: null, raw: describeLive(removed) };
}
