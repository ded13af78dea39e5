import type { Budget } from "../backends/budget";
import { DEFAULT_DEADLINES, type Deadlines } from "../backends/with-deadlines";
import { propagationTimeout } from "../operations";
import type { PolicyInputs } from "./types";

/** A resource's `timeouts` (seconds) as {@link Deadlines}; what is not given keeps its default. */
export function deadlinesOf(timeouts: PolicyInputs["timeouts"]): Deadlines {
  return {
    operationMs: timeouts?.operationSeconds === undefined ? DEFAULT_DEADLINES.operationMs : timeouts.operationSeconds * 1000,
    probeMs: timeouts?.probeSeconds === undefined ? DEFAULT_DEADLINES.probeMs : timeouts.probeSeconds * 1000,
  };
}

/** The lifecycle operations a budget covers, as the provider names them. */
export type Operation = "create" | "update" | "delete" | "read";

/** How messages name each operation: the engine calls read for `pulumi refresh`, which is what the user ran. */
const LABELS: Record<Operation, string> = { create: "create", update: "update", delete: "delete", read: "read (pulumi refresh)" };

/**
 * The overall deadline of one operation: `timeouts.totalSeconds`, else twice `operationSeconds`
 * plus twice the propagation timeout — a read and a write at their own deadlines, the wait until
 * the change is served and the preflights' wait — so the default never cuts an operation that
 * its per-call deadlines and its propagation timeout let succeed.
 */
export function budgetOf(operation: Operation, inputs: Pick<PolicyInputs, "target" | "timeouts" | "propagationTimeoutSeconds">): Budget {
  const given = inputs.timeouts?.totalSeconds;
  const waitMs = propagationTimeout(inputs.target, inputs.propagationTimeoutSeconds) * 1000;
  const totalMs = given === undefined ? 2 * deadlinesOf(inputs.timeouts).operationMs + 2 * waitMs : given * 1000;
  return { operation: LABELS[operation], totalMs, setting: "timeouts.totalSeconds" };
}
