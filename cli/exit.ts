import { CorsPolicyError } from "../provider/errors";
import type { Issue } from "../provider/model/issue";

/**
 * Exit codes of `bucket-cors`. `drift` is its own code so CI can tell "the
 * bucket differs" from "the tool failed" (the convention of `terraform plan
 * -detailed-exitcode`, which uses 2 for drift; ours keeps 2 for usage errors,
 * as POSIX utilities and commander do).
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, drift: 3 } as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a failure is, for `--json` output: `usage` exits 2, `failure` exits 1. */
export type FailureKind = "usage" | "failure";

/**
 * An expected failure of a command: printed as its message and issues (never a
 * stack trace) and mapped to an exit code.
 */
export class CliError extends CorsPolicyError {
  override readonly name = "CliError";
  readonly kind: FailureKind;
  readonly issues: readonly Issue[];

  constructor(kind: FailureKind, message: string, issues: readonly Issue[] = []) {
    super(message, { code: kind === "usage" ? "InvalidArgument" : issues.length > 0 ? "InvalidPolicy" : "InvalidState" });
    this.kind = kind;
    this.issues = issues;
  }

  get exitCode(): ExitCode {
    return this.kind === "usage" ? EXIT.usage : EXIT.failure;
  }
}

/** A usage error (exit 2): bad flag value, unreadable file, bad target. */
export function usageError(message: string, issues: readonly Issue[] = []): CliError {
  return new CliError("usage", message, issues);
}

/** A failure (exit 1): invalid policy, backend error, refused change. */
export function failure(message: string, issues: readonly Issue[] = []): CliError {
  return new CliError("failure", message, issues);
}
