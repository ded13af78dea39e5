/** One step the engine took (or planned, in preview) on a resource of the program. */
export interface EngineStep {
  /** The engine's op: create, same, update, replace, create-replacement, delete-replaced, delete, refresh, read … */
  readonly op: string;
  readonly urn: string;
  /** The resource's name (the last URN segment). */
  readonly name: string;
  readonly type: string;
  /** For a refresh step: what it found (the resource's outputs unchanged, changed, or gone). */
  readonly refresh?: "same" | "update" | "delete";
}

export interface EngineDiagnostic {
  readonly severity: string;
  readonly message: string;
  readonly urn?: string;
}

/** What one `pulumi` operation did, from its engine events and its output. */
export interface EngineResult {
  readonly ok: boolean;
  /** The CLI's output, as a user sees it (no color). */
  readonly output: string;
  /** Steps on resources of the program (not the stack or providers), in the order they finished. */
  readonly steps: readonly EngineStep[];
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly error?: string;
}

export interface RawEvent {
  resourcePreEvent?: { metadata: RawMetadata };
  resOutputsEvent?: { metadata: RawMetadata };
  resOpFailedEvent?: { metadata: RawMetadata };
  diagnosticEvent?: { severity: string; message: string; urn?: string };
}

interface RawMetadata {
  op: string;
  urn: string;
  type: string;
}

export interface RawResult {
  ok: boolean;
  output: string;
  events: RawEvent[];
  error?: string;
}

/**
 * A step per ResourcePre event, completed by the ResOutputs (or ResOpFailed) event of the same
 * resource. A refresh step starts as `refresh` and finishes as what it found: `same`, `update`
 * (the service's values differ from the state) or `delete` (gone).
 */
export function toResult(raw: RawResult, processOutput: string): EngineResult {
  const steps: EngineStep[] = [];
  const diagnostics: EngineDiagnostic[] = [];
  for (const event of raw.events) {
    const pre = event.resourcePreEvent?.metadata;
    const done = event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    if (pre && isProgramResource(pre.type)) steps.push(step(pre));
    if (done && isProgramResource(done.type)) {
      const at = findLastIndex(steps, (s) => s.urn === done.urn && (s.op === done.op || s.op === "refresh"));
      const finished = step(done);
      if (at < 0) steps.push(finished);
      else steps[at] = steps[at]!.op === "refresh" ? { ...finished, op: "refresh", refresh: refreshOutcome(done.op) } : finished;
    }
    if (event.diagnosticEvent) {
      const { severity, message, urn } = event.diagnosticEvent;
      diagnostics.push(urn === undefined ? { severity, message: message.trim() } : { severity, message: message.trim(), urn });
    }
  }
  const output = raw.output === "" ? processOutput : raw.output;
  return raw.error === undefined ? { ok: raw.ok, output, steps, diagnostics } : { ok: raw.ok, output, steps, diagnostics, error: raw.error };
}

function step(metadata: RawMetadata): EngineStep {
  const name = metadata.urn.split("::").pop() ?? metadata.urn;
  return { op: metadata.op, urn: metadata.urn, name, type: metadata.type };
}

function refreshOutcome(op: string): "same" | "update" | "delete" {
  if (op === "same" || op === "update" || op === "delete") return op;
  throw new Error(`a refresh step finished as ${op}`);
}

function findLastIndex<T>(items: readonly T[], match: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (match(items[i]!)) return i;
  return -1;
}

/** `same|update|delete name` per refresh step. */
export function refreshesOf(result: EngineResult): string[] {
  return result.steps.filter((s) => s.refresh !== undefined).map((s) => `${s.refresh} ${s.name}`);
}

function isProgramResource(type: string): boolean {
  return type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");
}

/** `op name` per step, the shape most assertions compare. */
export function opsOf(result: EngineResult): string[] {
  return result.steps.map((s) => `${s.op} ${s.name}`);
}
