import type { TargetOutcome } from "../each-target";
import { EXIT, type ExitCode } from "../exit";
import { issuesJson, type Output } from "./output";

/** One target's outcome as JSON: `{ target, ok: true, ...result }` or `{ target, ok: false, error }`. */
export function outcomeJson<T extends object>(outcome: TargetOutcome<T>): Record<string, unknown> {
  if (outcome.ok) return { target: outcome.id, ok: true, ...outcome.result };
  const { kind, message, issues } = outcome.error;
  return { target: outcome.id, ok: false, error: { kind, message, issues: issuesJson(issues) } };
}

/** Prints a failed target's error on stderr (human mode). */
export function printFailure(out: Output, outcome: TargetOutcome<unknown>): void {
  if (!outcome.ok) out.problem(`${outcome.id}: ${outcome.error.message}`, outcome.error.issues);
}

/** The worst exit code of the outcomes: a failure (1 or 2) wins over `otherwise`. */
export function exitOf(outcomes: readonly TargetOutcome<unknown>[], otherwise: ExitCode): ExitCode {
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.error.code]));
  if (failed.length === 0) return otherwise;
  return failed.includes(EXIT.usage) ? EXIT.usage : EXIT.failure;
}
