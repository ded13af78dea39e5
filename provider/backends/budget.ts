import { BackendError, CorsPolicyError, rewrap } from "../errors";
import { DEFAULT_DEADLINES_MS, seconds, type CallOptions } from "./limits";
import type { Backend } from "./types";

/**
 * One operation's overall deadline: the sum of its calls (reads, writes, the read-back polling
 * and the verification preflights between them), not each call's own. Per-call deadlines alone
 * let a create run a full deadline per call: issue 23 measured 123 s under a 60 s deadline.
 */
export interface Budget {
  /** What the operation is called on its surface: "create", "bucket-cors apply". */
  readonly operation: string;
  readonly totalMs: number;
  /** How the user raises it, in the surface's words: "timeouts.totalSeconds", "--deadline". */
  readonly setting: string;
}

/** What a call did, in the words the budget's messages use ("login": learning where a Swift container is). */
export type CallKind = "read" | "write" | "removal" | "preflight" | "login";

interface Call {
  readonly kind: CallKind;
  readonly ms: number;
  readonly cut: boolean;
}

/** A budget being spent: every call of the operation goes through `call`. */
export interface BudgetRun {
  /**
   * Runs `send` with a deadline of what is left of the budget, or the call's own deadline
   * (`ownMs`) when that is shorter; fails at once, without sending, once nothing is left.
   */
  call<T>(kind: CallKind, ownMs: number, send: (options: CallOptions) => Promise<T>): Promise<T>;
}

/**
 * Starts spending `budget`. A call cut by the budget, and one asked for once nothing is left,
 * fail with code `DeadlineExceeded`, saying the overall deadline was hit, which calls ran, and,
 * when none of them wrote, that the bucket is as it was; when a write was sent, the operations
 * layer adds what the bucket may hold (operations/write.ts). Between calls only the operations
 * layer's back-off waits run, at most 2 s each (operations/poll.ts), so an operation ends at
 * most that long after its budget.
 */
export function startBudget(budget: Budget): BudgetRun {
  const started = Date.now();
  const calls: Call[] = [];
  let told = false;
  return {
    async call(kind, ownMs, send) {
      const callStart = Date.now();
      const left = budget.totalMs - (callStart - started);
      if (left <= 0) {
        // The first refusal tells the whole story; a later one (the rollback's re-read) only that it was not sent.
        const error = told ? passed(budget, kind) : exhausted(budget, calls, kind, callStart - started);
        told = true;
        throw error;
      }
      const cutByBudget = left < ownMs;
      try {
        const value = await send({ deadlineMs: Math.min(ownMs, left) });
        calls.push({ kind, ms: Date.now() - callStart, cut: false });
        return value;
      } catch (error) {
        const cut = cutByBudget && isDeadline(error);
        calls.push({ kind, ms: Date.now() - callStart, cut });
        if (!cut) throw error;
        told = true;
        throw rewrap(error, () => `${hit(budget, calls, Date.now() - started)} — ${cutCall(error)}${untouched(calls)}`);
      }
    },
  };
}

/** `backend` with every call spent from `run`; a call without its own deadline has the backend's default (backends/limits.ts). */
export function withBudget(backend: Backend, run: BudgetRun): Backend {
  const own = (options: CallOptions | undefined, probe = false): number =>
    options?.deadlineMs ?? (probe ? DEFAULT_DEADLINES_MS.probe : DEFAULT_DEADLINES_MS.operation);
  return {
    get: (target, options) => run.call("read", own(options), (o) => backend.get(target, o)),
    put: (target, config, options) => run.call("write", own(options), (o) => backend.put(target, config, o)),
    delete: (target, options) => run.call("removal", own(options), (o) => backend.delete(target, o)),
    preflight: (target, request, options) => run.call("preflight", own(options, true), (o) => backend.preflight(target, request, o)),
  };
}

function isDeadline(error: unknown): error is BackendError {
  return error instanceof BackendError && error.code === "DeadlineExceeded";
}

/**
 * The call the budget cut, by its facts: its own message would give the leftover as its deadline
 * ("within the deadline of 0.583 s") and advise trying again, neither of which is the point.
 */
function cutCall(error: BackendError): string {
  return `${error.operation} on ${error.vendor} "${error.bucket}" had no complete answer when it ran out`;
}

/** The failure of a call asked for after the budget ran out (a read-back poll waking up past it). */
function exhausted(budget: Budget, calls: readonly Call[], next: CallKind, elapsedMs: number): CorsPolicyError {
  return new CorsPolicyError(`${hit(budget, calls, elapsedMs)}, before its next call (a ${next}), which was not sent${untouched(calls)}`, {
    code: "DeadlineExceeded",
  });
}

/** A call asked for after the budget's failure was already reported. */
function passed(budget: Budget, next: CallKind): CorsPolicyError {
  return new CorsPolicyError(`${budget.operation}'s overall deadline of ${seconds(budget.totalMs)} had passed, so the ${next} was not sent`, {
    code: "DeadlineExceeded",
  });
}

/** "create hit its overall deadline of 1.5 s (timeouts.totalSeconds; …) after 2 calls: read 0.9 s, write 0.6 s (cut off)", and the waits between them. */
function hit(budget: Budget, calls: readonly Call[], elapsedMs: number): string {
  const count = calls.length === 1 ? "1 call" : `${calls.length} calls`;
  // Only the operations layer's back-offs wait between calls; a few milliseconds of its own work are not worth a mention.
  const waited = elapsedMs - calls.reduce((sum, c) => sum + c.ms, 0);
  const waits = waited >= 250 ? ` and ${seconds(round(waited))} of back-off between them (waiting for the change to be served)` : "";
  return `${budget.operation} hit its overall deadline of ${seconds(budget.totalMs)} (${budget.setting}; raise it if the service is this slow) after ${count}: ${summarize(calls)}${waits}`;
}

/**
 * The calls in order, a run of the same kind folded into one entry ("read ×12 4.1 s"): a
 * read-back poll makes dozens of reads, and the message must stay short.
 */
function summarize(calls: readonly Call[]): string {
  const runs: { kind: CallKind; count: number; ms: number; cut: boolean }[] = [];
  for (const call of calls) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === call.kind && !last.cut) {
      last.count += 1;
      last.ms += call.ms;
      last.cut = call.cut;
    } else runs.push({ ...call, count: 1 });
  }
  return runs.map((r) => `${r.kind}${r.count === 1 ? "" : ` ×${r.count}`} ${seconds(round(r.ms))}${r.cut ? " (cut off)" : ""}`).join(", ");
}

/** Tenths of a second: what a reader can use, and no more digits than that. */
function round(ms: number): number {
  return Math.round(ms / 100) * 100;
}

/** When no call wrote, the bucket cannot have changed: the message says so (a cut write may have landed, which the operations layer words). */
function untouched(calls: readonly Call[]): string {
  return calls.some((c) => c.kind === "write" || c.kind === "removal") ? "" : "; nothing was written, so the bucket holds what it held before";
}
