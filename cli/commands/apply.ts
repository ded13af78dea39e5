import { Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import { applyPolicy, describeLive, describeRules, propagationTimeout, readBack } from "../../provider/operations";
import { refusalMessage } from "../../provider/operations/refusal";
import { REFUSAL_WORDS } from "../../provider/operations/words";
import { ON_EXISTING, type OnExisting } from "../../provider/operations/options";
import type { CorsConfiguration } from "../../provider/model/schema";
import type { Target } from "../../provider/targets";
import { budgetedBackendOf, commandBudget } from "../backend";
import { desiredFor } from "../documents/desired";
import { addLintOptions, lintChoice, type LintFlags } from "../flags/lint-flags";
import { forEachTarget } from "../each-target";
import { EXIT, failure } from "../exit";
import { deadlineSeconds, seconds } from "../flags/options";
import { exitOf, outcomeJson, printFailure } from "../output/outcomes";
import { issuesJson, printWarnings } from "../output/output";
import { loadPolicy } from "../documents/read";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { describeTarget, targetsFrom } from "../flags/targets";

interface ApplyFlags extends CommonFlags, TargetFlags, LintFlags {
  readonly from?: FormatName;
  readonly expectCurrent?: string;
  readonly onExisting: OnExisting;
  readonly timeout?: number;
  readonly deadline?: number;
  readonly allowWidening?: boolean;
}

/** What apply did to one bucket: wrote it (`created`, `replaced`), or found it already right (`unchanged`, `adopted`). */
type Action = "created" | "unchanged" | "adopted" | "updated" | "replaced";

const EXAMPLES = `
Examples:
  $ bucket-cors apply cors.json --service r2 --account-id "$CF_ACCOUNT" \\
      --bucket assets
  $ bucket-cors apply cors.xml --service aws --region eu-west-1 \\
      --bucket assets --on-existing overwrite
  $ bucket-cors apply cors.json --target-file targets.json --on-existing adopt
  $ git show HEAD~1:cors.json > old.json
  $ bucket-cors apply cors.json --service ceph --endpoint http://127.0.0.1:7480 \\
      --bucket assets --expect-current old.json

apply converges: a bucket that already holds rules meaning the same as the
document is left alone ("unchanged", exit 0), so running the same command again
is a no-op. --on-existing says what to do when the bucket holds other rules,
exactly as the CorsPolicy resource's onExisting: fail (default) refuses and
changes nothing; adopt also refuses, showing both side by side; overwrite
replaces them. To update rules you applied before, name them with
--expect-current OLD-FILE (or none): the bucket is replaced only while it still
holds exactly those, like a compare-and-swap. After writing, apply waits until
the service serves the new rules (R2 may take 30 s); if it never does, the
previous configuration is put back.
Warnings: the validator's and the risky-policy ones (lint) that pulumi preview
shows for the same policy; --no-lint turns lint off, --suppress RULE-ID:CODE
silences one warning of the rule with that ID.
${TARGET_HELP}
Exit codes: 0 applied or already in place; 1 invalid policy, refused or failed
(the bucket is left as it was); 2 usage.`;

/** `apply FILE --target … [--on-existing fail|adopt|overwrite]`: the resource's create, from the command line. */
export function registerApply(program: Command): void {
  const command = program
    .command("apply")
    .summary("put a document on buckets; wait until it is served")
    .description("Put a CORS document on one or more buckets, with the semantics of the CorsPolicy resource's create, and wait until each service serves it.")
    .argument("<file>", "CORS document to apply (- for standard input)")
    .addOption(new Option("--on-existing <mode>", "when the bucket already has a configuration").choices(ON_EXISTING).default("fail"))
    .option(
      "--expect-current <file>",
      "replace the configuration only while the bucket holds this document (none: no configuration); a compare-and-swap for updates",
    )
    .addOption(new Option("--from <format>", "format of the document; detected when omitted").choices(FORMAT_NAMES))
    .option("--timeout <seconds>", "how long to wait until the change is served; the profile's propagation delay when omitted", seconds)
    .option(
      "--deadline <seconds>",
      "overall deadline per bucket, every call and the wait until the change is served included; twice 60 s plus twice the wait when omitted",
      deadlineSeconds,
    )
    .option("--allow-widening", "Swift: accept rules Swift can only hold in a wider form")
    .option("--json", "print one JSON document: per target, what was done and the rules applied")
    .addHelpText("after", EXAMPLES)
    .action((file: string, flags: ApplyFlags) =>
      runCommand(flags, async (out) => {
        const policy = loadPolicy(file, flags.from);
        const targets = targetsFrom(flags, out, { many: true });
        const lint = lintChoice(flags);
        const desired = targets.map((t) => desiredFor(policy.config, t, flags.allowWidening === true, lint));
        const current =
          flags.expectCurrent === undefined ? undefined : flags.expectCurrent === "none" ? null : loadPolicy(flags.expectCurrent, flags.from).config;
        const outcomes = await forEachTarget(out, targets, async (target, step) => {
          const { config, warnings } = desired[targets.indexOf(target)]!;
          const timeout = propagationTimeout(target, flags.timeout);
          const expected = current === undefined || current === null ? current : desiredFor(current, target, flags.allowWidening === true).config;
          const claim = { onExisting: flags.onExisting, expectCurrent: expected };
          const action = await applyOne(target, config, claim, { timeout, deadline: flags.deadline }, step);
          return { action, rules: config.rules, warnings: issuesJson([...policy.warnings, ...warnings]) };
        });
        out.emit({ ok: outcomes.every((o) => o.ok), results: outcomes.map(outcomeJson) }, () => {
          printWarnings(out, [...policy.warnings, ...desired.flatMap((d) => d.warnings)]);
          for (const o of outcomes) {
            if (o.ok) out.line(`${o.id}: ${o.result.action} (${describeRules(o.result.rules)})`);
            else printFailure(out, o);
          }
        });
        return exitOf(outcomes, EXIT.ok);
      }),
    );
  addLintOptions(command);
  addTargetOptions(command);
}

/**
 * One bucket, through the operations layer's `applyPolicy` as the resource's
 * create: rules that already mean the same are left alone (`unchanged`), other
 * rules are refused, adopted or replaced as `--on-existing` says. A write that
 * is never served is undone while the bucket still holds it.
 */
async function applyOne(
  target: Target,
  desired: CorsConfiguration,
  claim: { onExisting: OnExisting; expectCurrent: CorsConfiguration | null | undefined },
  limits: { timeout: number; deadline: number | undefined },
  step: (text: string) => void,
): Promise<Action> {
  const { timeout } = limits;
  step(`writing if needed, then waiting until it is served (up to ${timeout} s)`);
  const { expectCurrent, onExisting } = claim;
  const backend = await budgetedBackendOf(target, commandBudget("apply", limits.deadline, timeout));
  const outcome = await applyPolicy(backend, target, desired, {
    owned: false,
    onExisting,
    ...(expectCurrent === undefined ? {} : { expectCurrent }),
    confirm: readBack(timeout),
  });
  if (outcome.kind !== "refused") return outcome.kind;
  const { previous } = outcome;
  if (outcome.reason === "changed") {
    throw failure(
      `${describeTarget(target)} does not hold what --expect-current says: it has ${describeLive(previous)}, --expect-current is ${expectCurrent === null || expectCurrent === undefined ? "no CORS configuration" : describeRules(expectCurrent.rules)}; nothing was changed — someone changed it since; run bucket-cors plan to see the differences, then apply again with the right --expect-current`,
    );
  }
  throw failure(refusalMessage(target, outcome, desired.rules, REFUSAL_WORDS.cli));
}
