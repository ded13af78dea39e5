import type { Diagnostic } from "./diagnostics";
import type { CheckFailure, DiffChanges } from "./host";
import type { JsonObject } from "./wire";

export type StepOp = "create" | "same" | "update" | "replace" | "delete" | "read";

/** What Diff said about an existing resource, and the input keys that differ. */
export interface StepDiff {
  /** The provider's answer; "unknown" means the engine compared inputs itself. */
  readonly changes: DiffChanges;
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
  /** Top-level input keys whose values differ (secrets unwrapped, `__provider` included). */
  readonly keys: string[];
}

/** One step of a plan (preview) or of what was done (up, refresh, destroy). */
export interface Step {
  readonly urn: string;
  readonly type: string;
  readonly op: StepOp;
  /** The resource's id after the step ("" when unknown, i.e. planned in preview). */
  readonly id?: string;
  /** Id of the resource a replace removed. */
  readonly oldId?: string;
  readonly inputs?: JsonObject;
  readonly outputs?: JsonObject;
  readonly oldInputs?: JsonObject;
  readonly oldOutputs?: JsonObject;
  readonly diff?: StepDiff;
  /** For "read" (refresh): whether the resource was unchanged, changed, or gone. */
  readonly refresh?: "same" | "update" | "delete";
}

export interface OperationResult {
  readonly steps: Step[];
  readonly diagnostics: Diagnostic[];
}

/** A failed operation. `steps` lists what completed before the failure (and stays in state). */
export class DeploymentError extends Error {
  constructor(
    message: string,
    readonly steps: Step[],
    readonly diagnostics: Diagnostic[],
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "DeploymentError";
  }
}

/** Check returned failures: the engine stops before calling anything else for the resource. */
export class CheckFailedError extends Error {
  constructor(
    readonly urn: string,
    readonly failures: CheckFailure[],
  ) {
    super(`check failed for ${urn}:\n${failures.map((f) => `  ${f.property ? `${f.property}: ` : ""}${f.reason}`).join("\n")}`);
    this.name = "CheckFailedError";
  }
}

/** What a partially failed Create or Update left: the engine records it (see {@link StepError.partial}). */
export interface PartialResult {
  readonly id: string;
  /** The outputs to record, secrets re-annotated. */
  readonly outputs: JsonObject;
  /** The initialization errors the engine stores with the resource. */
  readonly reasons: string[];
}

/** A provider call failed; the message ends with the provider's own message. */
export class StepError extends Error {
  constructor(
    readonly op: string,
    readonly urn: string,
    override readonly cause: unknown,
    /** Set for a partial failure (ErrorResourceInitFailed): what the engine records before failing the step. */
    readonly partial?: PartialResult,
  ) {
    super(`${op} failed for ${urn}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "StepError";
  }
}
