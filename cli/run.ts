import { BackendError, CorsPolicyError, CorsValidationError } from "../provider/errors";
import type { Issue } from "../provider/model/issue";
import { CliError, EXIT, type ExitCode, type FailureKind } from "./exit";
import { createOutput, type Output } from "./output/output";

/** Options every command has. */
export interface CommonFlags {
  readonly json?: boolean;
}

/** A failure as it is printed: kind, headline, issues, exit code. */
export interface Described {
  readonly kind: FailureKind;
  readonly message: string;
  readonly issues: readonly Issue[];
  readonly code: ExitCode;
}

/**
 * Runs a command body with its output and turns every failure into a message
 * and an exit code. Expected errors (ours, the backends', the validators')
 * print their message and issues only; a stack trace is printed only with
 * BUCKET_CORS_DEBUG=1, so that a bug can still be reported.
 */
export async function runCommand(flags: CommonFlags, body: (out: Output) => Promise<ExitCode>): Promise<void> {
  const out = createOutput({ json: flags.json === true });
  let code: ExitCode;
  try {
    code = await body(out);
  } catch (error) {
    const d = describeError(error);
    out.fail(d.kind, d.message, d.issues);
    debugStack(out, error);
    code = d.code;
  }
  process.exitCode = code;
}

/** How `error` is reported: usage errors exit 2, everything else 1. */
export function describeError(error: unknown): Described {
  if (error instanceof CliError) return { kind: error.kind, message: error.message, issues: error.issues, code: error.exitCode };
  if (error instanceof CorsValidationError) return { kind: "failure", message: summaryOf(error), issues: error.issues, code: EXIT.failure };
  if (error instanceof BackendError || error instanceof CorsPolicyError || error instanceof Error)
    return { kind: "failure", message: error.message, issues: [], code: EXIT.failure };
  return { kind: "failure", message: String(error), issues: [], code: EXIT.failure };
}

/** The stack of an unexpected error, with BUCKET_CORS_DEBUG=1 only. */
export function debugStack(out: Output, error: unknown): void {
  if (process.env["BUCKET_CORS_DEBUG"] !== "1" || !(error instanceof Error) || error instanceof CorsPolicyError || error instanceof CliError) return;
  if (error.stack !== undefined) out.note(error.stack);
}

/** A validation error's headline: the first line of its message without the trailing colon. */
function summaryOf(error: CorsValidationError): string {
  return (error.message.split("\n")[0] ?? error.message).replace(/:$/, "");
}
