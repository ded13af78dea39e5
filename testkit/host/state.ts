import type { JsonObject } from "./wire";

/** One resource as the engine stores it (the shape of a Pulumi checkpoint's `resources[]` entry). */
export interface ResourceState {
  urn: string;
  custom: boolean;
  type: string;
  /** Provider-assigned id; "" for components. */
  id: string;
  parent?: string;
  /** Checked inputs, secrets wrapped. */
  inputs: JsonObject;
  /** Outputs, secrets re-annotated. */
  outputs: JsonObject;
  /** The old half of a create-before-delete replacement, deleted at the end of the update. */
  delete?: true;
  /** The reasons of a partial failure (ErrorResourceInitFailed): the next up updates the resource even with no diff. */
  initErrors?: string[];
}

export interface StateSnapshot {
  resources: ResourceState[];
}

/** The engine's in-memory state: resources in creation order. */
export class StateStore {
  private resources: ResourceState[] = [];

  /** The live (not pending-delete) resource with this URN. */
  live(urn: string): ResourceState | undefined {
    return this.resources.find((r) => r.urn === urn && r.delete !== true);
  }

  all(): readonly ResourceState[] {
    return this.resources;
  }

  add(resource: ResourceState, after?: ResourceState): void {
    const index = after === undefined ? -1 : this.resources.indexOf(after);
    if (index < 0) this.resources.push(resource);
    else this.resources.splice(index + 1, 0, resource);
  }

  replace(old: ResourceState, next: ResourceState): void {
    const index = this.resources.indexOf(old);
    if (index < 0) throw new Error(`${old.urn} is not in the state`);
    this.resources[index] = next;
  }

  remove(resource: ResourceState): void {
    this.resources = this.resources.filter((r) => r !== resource);
  }

  snapshot(): StateSnapshot {
    return { resources: structuredClone(this.resources) };
  }

  load(snapshot: StateSnapshot): void {
    this.resources = structuredClone(snapshot.resources);
  }
}
