import type { DiffResult, Host } from "./host";
import { annotateSecrets, stripSecrets } from "./secrets";
import type { ResourceState } from "./state";
import { HostRpcError, type InitFailure } from "./rpc";
import { CheckFailedError, StepError, type PartialResult } from "./steps";
import { findUnknown } from "./unknowns";
import type { JsonObject } from "./wire";

/**
 * What the engine's provider plugin client (sdk/go/common/resource/plugin/provider_plugin.go)
 * does around each RPC to a provider that accepts no secrets: unwrap secrets on the way in,
 * re-annotate them on the way out, reject unknowns outside preview, and check the replies.
 */
export class PluginClient {
  constructor(
    private readonly host: Host,
    private readonly preview: boolean,
  ) {}

  /** Check; failures become a CheckFailedError. Returns checked inputs with secrets re-annotated. */
  /** Check; failures become a CheckFailedError. Returns checked inputs with secrets re-annotated. */
  check(urn: string, olds: JsonObject, news: JsonObject): Promise<JsonObject> {
    return step("check", urn, async () => {
      this.rejectUnknowns(urn, "inputs", news);
      const { inputs, failures } = await this.host.check({ urn, olds: stripSecrets(olds), news: stripSecrets(news) });
      if (failures.length > 0) throw new CheckFailedError(urn, failures);
      return annotateSecrets(inputs, news);
    });
  }

  diff(old: ResourceState, news: JsonObject): Promise<DiffResult> {
    return step("diff", old.urn, () =>
      this.host.diff({ ...target(old), olds: stripSecrets(old.outputs), news: stripSecrets(news), oldInputs: stripSecrets(old.inputs) }),
    );
  }

  /** Create; a partial failure's StepError carries what to record. */
  create(urn: string, inputs: JsonObject): Promise<{ id: string; outputs: JsonObject }> {
    const partial = (failure: InitFailure) => ({ ...failure, outputs: this.outputs(urn, failure.properties, inputs) });
    return step(
      "create",
      urn,
      async () => {
        const { id, properties } = await this.host.create({ urn, properties: stripSecrets(inputs) });
        if (id === "") throw new Error("plugin returned empty resource.ID from create");
        return { id, outputs: this.outputs(urn, properties, inputs) };
      },
      partial,
    );
  }

  /** Update; a partial failure's StepError carries what to record (the id stays the old one). */
  update(old: ResourceState, news: JsonObject): Promise<JsonObject> {
    const partial = (failure: InitFailure) => ({ ...failure, id: old.id, outputs: this.outputs(old.urn, failure.properties, news) });
    return step(
      "update",
      old.urn,
      async () => {
        const olds = { olds: stripSecrets(old.outputs), oldInputs: stripSecrets(old.inputs) };
        const { properties } = await this.host.update({ ...target(old), ...olds, news: stripSecrets(news) });
        return this.outputs(old.urn, properties, news);
      },
      partial,
    );
  }

  /** Read; `id: ""` means the resource is gone. Inputs are the stored ones unless read() returned some. */
  read(old: ResourceState): Promise<{ id: string; outputs: JsonObject; inputs: JsonObject }> {
    return step("read", old.urn, async () => {
      const olds = { properties: stripSecrets(old.outputs), inputs: stripSecrets(old.inputs) };
      const resp = await this.host.read({ ...target(old), ...olds });
      const outputs = this.outputs(old.urn, resp.properties, old.outputs);
      const inputs = resp.inputs === undefined ? old.inputs : annotateSecrets(resp.inputs, old.inputs);
      return { id: resp.id, outputs, inputs };
    });
  }

  delete(old: ResourceState): Promise<void> {
    return step("delete", old.urn, () => this.host.delete({ ...target(old), properties: stripSecrets(old.outputs), oldInputs: stripSecrets(old.inputs) }));
  }

  private outputs(urn: string, properties: JsonObject, inputs: JsonObject): JsonObject {
    this.rejectUnknowns(urn, "outputs", properties);
    return annotateSecrets(properties, inputs);
  }

  private rejectUnknowns(urn: string, what: string, value: JsonObject): void {
    if (this.preview) return;
    const path = findUnknown(value);
    if (path !== undefined) throw new Error(`unknown value in ${what} of ${urn} at "${path}": only a preview may hold unknowns`);
  }
}

function target(resource: ResourceState): { urn: string; id: string } {
  return { urn: resource.urn, id: resource.id };
}

/** Names the failed call and resource; the provider's message stays intact at the end. A partial failure keeps what to record. */
async function step<T>(op: string, urn: string, call: () => Promise<T>, partial?: (failure: InitFailure) => PartialResult): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof CheckFailedError) throw e;
    const failure = e instanceof HostRpcError ? e.initFailure : undefined;
    throw new StepError(op, urn, e, failure === undefined || partial === undefined ? undefined : partial(failure));
  }
}
