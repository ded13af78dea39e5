import { sameValue } from "./compare";
import { Deployment } from "./deployment";
import type { Diagnostic } from "./diagnostics";
import type { Host } from "./host";
import { PluginClient } from "./plugin";
import { runProgram } from "./program";
import { StateStore, type StateSnapshot } from "./state";
import { DeploymentError, type OperationResult, type Step } from "./steps";
import type { Json } from "./wire";

export interface EngineOptions {
  /** Project directory programs run in (the host's cwd). */
  readonly dir: string;
  readonly project: string;
  readonly stack: string;
  /** Stack config the program sees (the host got it through Configure). */
  readonly config?: Record<string, Json>;
  readonly programTimeoutMs?: number;
}

/**
 * A stand-in for the Pulumi engine over one provider host, with the state in memory. For this
 * repo's tests, demo and benchmarks only; never a way to deploy. Operations run one at a time.
 */
export class Engine {
  private readonly store = new StateStore();
  private busy = false;

  constructor(
    readonly host: Host,
    private readonly options: EngineOptions,
  ) {}

  /** Runs the program and applies its steps; deletes what it no longer declares. */
  up(program: string): Promise<OperationResult> {
    return this.deploy(program, false);
  }

  /** Plans the program's steps: Check and Diff only, state untouched. */
  preview(program: string): Promise<OperationResult> {
    return this.deploy(program, true);
  }

  /** Reads every resource: drift updates the state, an empty id removes the resource. */
  refresh(): Promise<OperationResult> {
    return this.operation("refresh", async (steps) => {
      const plugin = new PluginClient(this.host, false);
      for (const old of [...this.store.all()]) {
        if (!old.custom) continue;
        const read = await plugin.read(old);
        const gone = read.id === "";
        const same = !gone && read.id === old.id && sameValue(read.outputs, old.outputs) && sameValue(read.inputs, old.inputs);
        // A read that succeeds clears initialization errors (step.go, RefreshStep: `s.new.InitErrors = initErrors`).
        const { initErrors: _cleared, ...kept } = old;
        if (gone) this.store.remove(old);
        else this.store.replace(old, { ...kept, id: read.id, inputs: read.inputs, outputs: read.outputs });
        const after = gone ? {} : { id: read.id, inputs: read.inputs, outputs: read.outputs };
        const refresh = gone ? "delete" : same ? "same" : "update";
        steps.push({ urn: old.urn, type: old.type, op: "read", ...after, oldInputs: old.inputs, oldOutputs: old.outputs, refresh });
      }
    });
  }

  /** Deletes every resource, newest first. */
  destroy(): Promise<OperationResult> {
    return this.operation("destroy", async (steps) => {
      const plugin = new PluginClient(this.host, false);
      for (const old of [...this.store.all()].reverse()) {
        if (old.custom) await plugin.delete(old);
        this.store.remove(old);
        steps.push({ urn: old.urn, type: old.type, op: "delete", id: old.id, oldInputs: old.inputs, oldOutputs: old.outputs });
      }
    });
  }

  /** A deep copy of the state, shaped like a checkpoint's resource list. */
  state(): StateSnapshot {
    return this.store.snapshot();
  }

  /** Replaces the state (e.g. to start from a saved snapshot). */
  loadState(snapshot: StateSnapshot): void {
    this.store.load(snapshot);
  }

  private deploy(program: string, preview: boolean): Promise<OperationResult> {
    return this.operation(preview ? "preview" : "up", async (steps, diagnostics) => {
      const deployment = new Deployment(this.store, new PluginClient(this.host, preview), preview);
      // One step at a time, in registration order; after a failure no further step runs.
      let queue: Promise<unknown> = Promise.resolve();
      let failure: { error: unknown } | undefined;
      const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
        const next = queue.then(() => {
          if (failure) throw failure.error;
          return fn();
        });
        queue = next.catch((error: unknown) => {
          failure ??= { error };
        });
        return next;
      };
      try {
        await runProgram({
          dir: this.options.dir,
          program,
          project: this.options.project,
          stack: this.options.stack,
          preview,
          config: this.options.config ?? {},
          timeoutMs: this.options.programTimeoutMs ?? 60_000,
          diagnostics,
          onRegister: (reg) => serialized(() => deployment.register(reg)),
          onOutputs: (urn, outputs) => deployment.componentOutputs(urn, outputs),
        });
        await deployment.deleteRemoved();
      } catch (e) {
        failure ??= { error: e };
        throw e;
      } finally {
        await queue; // a step still running when the program failed must land before we report
        steps.push(...deployment.steps);
      }
    });
  }

  private async operation(name: string, body: (steps: Step[], diagnostics: Diagnostic[]) => Promise<void>): Promise<OperationResult> {
    if (this.busy) throw new Error(`${name}: another operation is running on this engine`);
    this.busy = true;
    const steps: Step[] = [];
    const diagnostics: Diagnostic[] = [];
    const hostLinesBefore = this.host.diagnostics.length;
    try {
      await body(steps, diagnostics);
      return { steps, diagnostics: [...diagnostics, ...this.host.diagnostics.slice(hostLinesBefore)] };
    } catch (e) {
      const all = [...diagnostics, ...this.host.diagnostics.slice(hostLinesBefore)];
      throw new DeploymentError(`${name} failed: ${e instanceof Error ? e.message : String(e)}`, steps, all, e);
    } finally {
      this.busy = false;
    }
  }
}
