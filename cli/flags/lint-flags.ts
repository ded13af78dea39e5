import { Option, type Command } from "commander";
import { LINT_CODES, type LintCode } from "../../provider/evaluate/lint/messages";
import { isLintCode } from "../../provider/evaluate/lint/options";
import { usageError } from "../exit";
import { collectList } from "./options";

/** The lint flags as commander parses them: `--no-lint` makes `lint` false. */
export interface LintFlags {
  readonly lint: boolean;
  readonly suppress?: string[];
}

/** What plan and apply lint with: off, or the codes silenced per rule ID (the resource's `lint` option). */
export type LintChoice = false | { readonly suppress: Readonly<Record<string, readonly LintCode[]>> };

/** Adds `--no-lint` and `--suppress RULE-ID:CODE`, the CLI spelling of the resource's `lint: false | { suppress }`. */
export function addLintOptions(command: Command): Command {
  command.addOption(new Option("--no-lint", "do not print risky-policy warnings (lint)"));
  command.addOption(
    new Option("--suppress <rule-id:code>", "silence one lint warning for the rule with that ID (repeat, or separate with commas)").argParser(collectList),
  );
  return command;
}

/** The lint choice the flags make; a suppression naming no lint code is a usage error naming the codes. */
export function lintChoice(flags: LintFlags): LintChoice {
  if (!flags.lint) return false;
  const suppress: Record<string, LintCode[]> = {};
  for (const entry of flags.suppress ?? []) {
    const at = entry.lastIndexOf(":");
    const ruleId = entry.slice(0, Math.max(at, 0));
    const code = entry.slice(at + 1);
    if (at <= 0 || code === "") throw usageError(`--suppress ${entry}: is not RULE-ID:CODE — e.g. --suppress public-read:wildcard-origin-write`);
    if (!isLintCode(code))
      throw usageError(`--suppress ${entry}: "${code}" is not a lint warning code; the codes are ${LINT_CODES.join(", ")} — use one of them`);
    (suppress[ruleId] ??= []).push(code);
  }
  return { suppress };
}
