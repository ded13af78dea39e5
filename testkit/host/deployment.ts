import type { DiffResult } from "./host";
import type { PluginClient } from "./plugin";
import type { Registered, Registration } from "./program";
import { changedKeys } from "./compare";
import type { ResourceState, StateStore } from "./state";
import { StepError, type Step, type StepDiff } from "./steps";
import type { JsonObject } from "./wire";

/**
 * The step generator for one `up` or `preview` (pkg/resource/deploy/step_generator.go, as far as
 * docs/provider-host.md, "Engine step rules", records it). Each registration becomes one step, run while the program
 * waits for its outputs. A preview plans the same steps but never calls Create/Update/Delete
 * (the host answers supportsPreview:false) and never writes the state.
 */
export class Deployment {
  readonly steps: Step[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly state: StateStore,
    private readonly plugin: PluginClient,
    private readonly preview: boolean,
  ) {}

  async register(reg: Registration): Promise<Registered> {
    if (this.seen.has(reg.urn)) throw new Error(`duplicate resource URN ${reg.urn}`);
    this.seen.add(reg.urn);
    const old = this.state.live(reg.urn);
    if (!reg.custom) return this.component(reg, old);
    return old === undefined ? this.create(reg, await this.plugin.check(reg.urn, {}, reg.inputs)) : this.existing(reg, old);
  }

  /** Outputs a component registered; kept in state like the engine does. */
  componentOutputs(urn: string, outputs: JsonObject): void {
    const resource = this.state.live(urn);
    if (!this.preview && resource !== undefined) resource.outputs = outputs;
  }

  /**
   * After the program: delete what it no longer declares, and the old halves of create-before-delete
   * replacements (their "replace" step already stands for that delete, so it adds no step).
   */
  async deleteRemoved(): Promise<void> {
    const doomed = this.state.all().filter((r) => r.delete === true || !this.seen.has(r.urn));
    for (const resource of [...doomed].reverse()) await this.delete(resource);
  }

  private async create(reg: Registration, inputs: JsonObject): Promise<Registered> {
    const { id, outputs } = this.preview
      ? { id: "", outputs: inputs }
      : await this.recordingPartial(this.plugin.create(reg.urn, inputs), reg, inputs, (r) => this.state.add(r));
    if (!this.preview) this.state.add(this.resource(reg, id, inputs, outputs));
    this.steps.push({ urn: reg.urn, type: reg.type, op: "create", id, inputs, outputs });
    return { id, outputs };
  }

  private async existing(reg: Registration, old: ResourceState): Promise<Registered> {
    const inputs = await this.plugin.check(reg.urn, old.inputs, reg.inputs);
    const diff = summarize(await this.plugin.diff(old, inputs), old.inputs, inputs);
    // DIFF_UNKNOWN falls back to comparing inputs; `replaces` only counts when something changed
    // (step_generator.go: `if diff.Changes == plugin.DiffSome { if diff.Replace() { … } }`).
    const differs = diff.changes === "some" || (diff.changes === "unknown" && diff.keys.length > 0);
    if (differs && diff.replaces.length > 0) return this.replace(reg, old, diff);
    // A resource recorded with initialization errors gets an update even with no diff (step_generator.go, `if hasInitErrors`).
    const changed = differs || (old.initErrors?.length ?? 0) > 0;
    const update = () => this.recordingPartial(this.plugin.update(old, inputs), reg, old.inputs, (r) => this.state.replace(old, r));
    const outputs = !changed ? old.outputs : this.preview ? inputs : await update();
    if (!this.preview) this.state.replace(old, this.resource(reg, old.id, inputs, outputs));
    const before = { oldInputs: old.inputs, oldOutputs: old.outputs, diff };
    this.steps.push({ urn: reg.urn, type: reg.type, op: changed ? "update" : "same", id: old.id, inputs, outputs, ...before });
    return { id: old.id, outputs };
  }

  /** Replacement re-runs Check without olds (so autonames are fresh), then create+delete in either order. */
  private async replace(reg: Registration, old: ResourceState, diff: StepDiff): Promise<Registered> {
    const inputs = await this.plugin.check(reg.urn, {}, reg.inputs);
    const deleteFirst = diff.deleteBeforeReplace || reg.deleteBeforeReplace;
    let id = "";
    let outputs = inputs;
    if (!this.preview) {
      if (deleteFirst) {
        await this.plugin.delete(old);
        this.state.remove(old);
      }
      // A partial failure is recorded only when the old resource is already gone (our CorsPolicy deletes first).
      const created = this.plugin.create(reg.urn, inputs);
      ({ id, outputs } = await (deleteFirst ? this.recordingPartial(created, reg, inputs, (r) => this.state.add(r)) : created));
      const replacement = this.resource(reg, id, inputs, outputs);
      if (deleteFirst) {
        this.state.add(replacement);
      } else {
        old.delete = true;
        this.state.add(replacement, old);
      }
    }
    const before = { oldId: old.id, oldInputs: old.inputs, oldOutputs: old.outputs };
    this.steps.push({ urn: reg.urn, type: reg.type, op: "replace", id, inputs, outputs, ...before, diff: { ...diff, deleteBeforeReplace: deleteFirst } });
    return { id, outputs };
  }

  private async delete(resource: ResourceState): Promise<void> {
    if (!this.preview) {
      if (resource.custom) await this.plugin.delete(resource);
      this.state.remove(resource);
    }
    const { urn, type, id, inputs, outputs } = resource;
    if (resource.delete !== true) this.steps.push({ urn, type, op: "delete", id, oldInputs: inputs, oldOutputs: outputs });
  }

  /**
   * Awaits a Create or Update. On a partial failure (the provider's ErrorResourceInitFailed) the
   * engine records the resource before failing the step (step.go, `resource.StatusPartialFailure`):
   * the id and outputs it answered, its reasons as initialization errors, and, for an update, the
   * old inputs (pkg/backend/snapshot.go keeps them; tests/engine/unconfirmed.test.ts shows it).
   * `record` puts the recorded resource in the state.
   */
  private async recordingPartial<T>(call: Promise<T>, reg: Registration, inputs: JsonObject, record: (recorded: ResourceState) => void): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof StepError && error.partial !== undefined) {
        record({ ...this.resource(reg, error.partial.id, inputs, error.partial.outputs), initErrors: error.partial.reasons });
      }
      throw error;
    }
  }

  private component(reg: Registration, old: ResourceState | undefined): Registered {
    const outputs = old?.outputs ?? {};
    if (!this.preview) {
      const next = this.resource(reg, "", reg.inputs, outputs);
      if (old === undefined) this.state.add(next);
      else this.state.replace(old, next);
    }
    this.steps.push({ urn: reg.urn, type: reg.type, op: old === undefined ? "create" : "same", id: "", inputs: reg.inputs, outputs });
    return { id: "", outputs: {} };
  }

  private resource(reg: Registration, id: string, inputs: JsonObject, outputs: JsonObject): ResourceState {
    const base = { urn: reg.urn, custom: reg.custom, type: reg.type, id, inputs, outputs };
    return reg.parent === "" ? base : { ...base, parent: reg.parent };
  }
}

/** The provider's diff plus the input keys that differ (the engine's own diff for DIFF_UNKNOWN). */
function summarize(diff: DiffResult, oldInputs: JsonObject, inputs: JsonObject): StepDiff {
  const keys = changedKeys(oldInputs, inputs);
  return { changes: diff.changes, replaces: diff.replaces, deleteBeforeReplace: diff.deleteBeforeReplace, keys };
}
