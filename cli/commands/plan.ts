import { Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import type { CorsRule } from "../../provider/model/schema";
import { backendOf } from "../backend";
import { desiredFor } from "../documents/desired";
import { addLintOptions, lintChoice, type LintFlags } from "../flags/lint-flags";
import { forEachTarget } from "../each-target";
import { EXIT, failure } from "../exit";
import { exitOf, outcomeJson, printFailure } from "../output/outcomes";
import { issuesJson, plural, printWarnings, type Output } from "../output/output";
import { loadPolicy } from "../documents/read";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { describeTarget, targetsFrom } from "../flags/targets";
import { describeRule, unreadableConfiguration } from "../../provider/operations/describe";
import { planPolicy } from "../../provider/operations/plan";
import type { RuleChange } from "../../provider/operations/rule-changes";

interface PlanFlags extends CommonFlags, TargetFlags, LintFlags {
  readonly from?: FormatName;
  readonly allowWidening?: boolean;
}

const EXAMPLES = `
Examples:
  $ bucket-cors plan cors.json --service r2 --account-id "$CF_ACCOUNT" \\
      --bucket assets
  $ bucket-cors plan cors.xml --target-file targets.json --json

The diff is semantic: origins, methods and headers in another order or case,
and a server's rewrites of rule IDs, are no change. Rule order is meaning (the
first matching rule wins), so a moved rule is a change. Rules with IDs are paired
by ID, so an edited or moved rule shows as one change; values read live → document.
Warnings: the validator's and the risky-policy ones (lint) that pulumi preview
shows for the same policy; --no-lint turns lint off, --suppress RULE-ID:CODE
silences one warning of the rule with that ID.
${TARGET_HELP}
Exit codes: 0 the live configuration matches; 3 drift found; 1 invalid policy
or service failure; 2 usage.`;

/** `plan FILE --target …`: rule-by-rule differences between the live configuration and FILE. */
export function registerPlan(program: Command): void {
  const command = program
    .command("plan")
    .summary("diff live configuration against a document")
    .description("Compare the live CORS configuration of one or more buckets with a document, rule by rule: rules added, removed, and the fields that changed.")
    .argument("<file>", "desired CORS document (- for standard input)")
    .addOption(new Option("--from <format>", "format of the document; detected when omitted").choices(FORMAT_NAMES))
    .option("--allow-widening", "Swift: accept rules Swift can only hold in a wider form")
    .option("--json", "print one JSON document: per target, the live and desired rules and the changes")
    .addHelpText("after", EXAMPLES)
    .action((file: string, flags: PlanFlags) =>
      runCommand(flags, async (out) => {
        const policy = loadPolicy(file, flags.from);
        const targets = targetsFrom(flags, out, { many: true });
        const lint = lintChoice(flags);
        const desired = targets.map((t) => desiredFor(policy.config, t, flags.allowWidening === true, lint, false));
        const outcomes = await forEachTarget(out, targets, async (target, step) => {
          const { config, warnings } = desired[targets.indexOf(target)]!;
          step("reading the live configuration");
          const plan = await planPolicy(await backendOf(target), target, config);
          if (plan.changes === undefined) {
            throw failure(
              `${describeTarget(target)} has ${unreadableConfiguration(plan.live.raw)} — bucket-cors apply --on-existing overwrite replaces it with the document`,
              plan.live.issues,
            );
          }
          const { live } = plan;
          const rules = live.kind === "config" ? live.config.rules : null;
          return {
            inSync: plan.inSync,
            live: rules,
            desired: config.rules,
            changes: plan.changes,
            warnings: issuesJson([...policy.warnings, ...warnings]),
          };
        });
        const inSync = outcomes.every((o) => o.ok && o.result.inSync);
        out.emit({ ok: outcomes.every((o) => o.ok), inSync, results: outcomes.map(outcomeJson) }, () => {
          printWarnings(out, [...policy.warnings, ...desired.flatMap((d) => d.warnings)]);
          for (const o of outcomes) {
            if (o.ok) printPlan(out, o.id, o.result.live, o.result.changes);
            else printFailure(out, o);
          }
        });
        return exitOf(outcomes, inSync ? EXIT.ok : EXIT.drift);
      }),
    );
  addLintOptions(command);
  addTargetOptions(command);
}

function printPlan(out: Output, id: string, live: readonly CorsRule[] | null, changes: readonly RuleChange[]): void {
  if (live === null) out.line(`${id}: no CORS configuration; ${plural(changes.length, "rule")} to add`);
  else out.line(`${id}: ${changes.length === 0 ? "no changes" : `${plural(changes.length, "change")} (live → document)`}`);
  const { ok, bad, warn } = out.style;
  for (const c of changes) {
    if (c.change === "added") out.line(`  ${ok("+")} rules[${c.rule}]: ${describeRule(c.value)}`);
    else if (c.change === "removed") out.line(`  ${bad("-")} live rules[${c.liveRule}]: ${describeRule(c.value)}`);
    else if (c.change === "moved") out.line(`  ${warn("~")} rules[${c.rule}]: moved from live rules[${c.liveRule}]`);
    else {
      out.line(`  ${warn("~")} rules[${c.rule}]${c.rule === c.liveRule ? "" : ` (live rules[${c.liveRule}])`}:`);
      for (const f of c.fields) out.line(`      ${f.field}: ${shown(f.live)} → ${shown(f.desired)}`);
    }
  }
}

function shown(value: unknown): string {
  return value === null ? "(unset)" : JSON.stringify(value);
}
