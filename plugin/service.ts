import type * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type { IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import * as lifecycle from "../provider/lifecycle";
import { importPolicy } from "../provider/lifecycle/import";
import type { PropertyChange } from "../provider/lifecycle/detailed-diff";
import type { PolicyOutputs, WrittenInputs } from "../provider/lifecycle/types";
import { checkConfig, configure } from "./config";
import { targetOfImportId } from "./import-id";
import { withoutSecrets } from "./plain";
import { answer, unimplemented } from "./respond";
import { packageSchema, RESOURCE_TOKEN } from "./schema";

/*
 * The ResourceProvider service (pulumi/pulumi proto/pulumi/provider.proto) over the dynamic
 * provider's lifecycle (provider/lifecycle/index.ts): the same check, diff, create, read, update
 * and delete, so the decisions, messages and safety rules are the dynamic provider's. Served here
 * rather than by `@pulumi/pulumi/provider`, whose server (3.248) answers Configure without handing
 * the variables over and leaves CheckConfig and DiffConfig unimplemented.
 */

type Json = Record<string, unknown>;

/** A request's values, secrets unwrapped (plain.ts); the unknown sentinel is a plain value to the lifecycle. */
function js(struct: Struct | undefined): Json {
  return struct === undefined ? {} : (withoutSecrets(struct.toJavaScript()) as Json);
}

function struct(value: object): Struct {
  return Struct.fromJavaScript(value as Record<string, never>);
}

/** The engine's kinds of a detailed diff's entry (provider.proto, PropertyDiff.Kind). */
const DIFF_KIND: Record<PropertyChange["kind"], proto.PropertyDiff.Kind> = {
  add: proto.PropertyDiff.Kind.ADD,
  delete: proto.PropertyDiff.Kind.DELETE,
  update: proto.PropertyDiff.Kind.UPDATE,
  "update-replace": proto.PropertyDiff.Kind.UPDATE_REPLACE,
};

/** The top-level property of a path (`rules[0].allowedOrigins` → `rules`), for DiffResponse.diffs. */
function topLevel(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/** Refuses a request for a type this provider does not have, which a misspelt token in a program would send. */
function ownType(urn: string): void {
  const type = urn.split("::")[2]?.split("$").pop();
  if (type !== RESOURCE_TOKEN) throw new Error(`unknown resource type ${String(type)}; the bucket-cors provider has ${RESOURCE_TOKEN}`);
}

/** `engineAddress`: the engine's address, the plugin's first argument (Construct hands it to the SDK's runtime). */
export function providerService(version: string, engineAddress: string | undefined): IResourceProviderServer {
  let schema: string | undefined;
  return {
    getPluginInfo: (_call, callback) => callback(null, new PluginInfo().setVersion(version)),
    getSchema: (call, callback) =>
      answer(callback, async () => {
        if (call.request.getVersion() !== 0) throw new Error(`unsupported schema version ${call.request.getVersion()}`);
        return new proto.GetSchemaResponse().setSchema((schema ??= packageSchema(version)));
      }),
    attach: (_call, callback) => callback(null, new Empty()),
    cancel: (_call, callback) => callback(null, new Empty()),

    checkConfig: (call, callback) =>
      answer(callback, async () => {
        const news = js(call.request.getNews());
        const failures = checkConfig(news).map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason));
        return new proto.CheckResponse().setInputs(struct(news)).setFailuresList(failures);
      }),
    diffConfig: (call, callback) =>
      answer(callback, async () => {
        // New credentials change no bucket: never a replace of the provider (which would replace every policy).
        const same = JSON.stringify(js(call.request.getOldInputs())) === JSON.stringify(js(call.request.getNews()));
        return new proto.DiffResponse().setChanges(same ? proto.DiffResponse.DiffChanges.DIFF_NONE : proto.DiffResponse.DiffChanges.DIFF_SOME);
      }),
    configure: (call, callback) =>
      answer(callback, async () => {
        const variables = new Map(call.request.getVariablesMap().getEntryList());
        configure(variables, call.request.hasArgs() ? call.request.getArgs() : undefined);
        // Secrets: the engine requires them of a plugin that constructs components; js() unwraps them (plain.ts).
        // No resources or outputs in requests: the lifecycle takes plain values, as from the dynamic host.
        return new proto.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(false).setAcceptoutputs(false).setSupportspreview(false);
      }),

    check: (call, callback) =>
      answer(callback, async () => {
        ownType(call.request.getUrn());
        const result = await lifecycle.check(js(call.request.getOlds()), js(call.request.getNews()));
        const failures = result.failures ?? [];
        const response = new proto.CheckResponse().setFailuresList(failures.map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason)));
        return failures.length === 0 && result.inputs !== undefined ? response.setInputs(struct(result.inputs)) : response;
      }),
    diff: (call, callback) =>
      answer(callback, async () => {
        const { request } = call;
        const outcome = await lifecycle.diffInDetail(request.getId(), js(request.getOlds()) as PolicyOutputs, js(request.getNews()) as WrittenInputs);
        const changes = outcome.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE;
        const response = new proto.DiffResponse()
          .setChanges(changes)
          .setReplacesList(outcome.replaces)
          .setDeletebeforereplace(outcome.deleteBeforeReplace)
          .setDiffsList([...new Set(outcome.detail.map((change) => topLevel(change.path)))])
          .setHasdetaileddiff(true);
        for (const change of outcome.detail)
          response.getDetaileddiffMap().set(change.path, new proto.PropertyDiff().setKind(DIFF_KIND[change.kind]).setInputdiff(true));
        return response;
      }),
    create: (call, callback) =>
      answer(callback, async () => {
        ownType(call.request.getUrn());
        const { id, outs } = await lifecycle.create(js(call.request.getProperties()) as WrittenInputs);
        return new proto.CreateResponse().setId(id).setProperties(struct(outs ?? {}));
      }),
    read: (call, callback) => answer(callback, () => read(call.request)),
    update: (call, callback) =>
      answer(callback, async () => {
        const { request } = call;
        const { outs } = await lifecycle.update(request.getId(), js(request.getOlds()) as PolicyOutputs, js(request.getNews()) as WrittenInputs);
        return new proto.UpdateResponse().setProperties(struct(outs ?? {}));
      }),
    delete: (call, callback) =>
      answer(callback, async () => {
        await lifecycle.delete(call.request.getId(), js(call.request.getProperties()) as PolicyOutputs);
        return new Empty();
      }),

    handshake: notServed("Handshake"),
    parameterize: notServed("Parameterize"),
    invoke: notServed("Invoke"),
    call: notServed("Call"),
    // The component CorsPolicySet (construct.ts), registered through the monitor the engine hands over; its code is
    // a bundle of its own, loaded on the first Construct (construct-call.ts says why).
    construct: (call, callback) =>
      answer(callback, async () => {
        if (engineAddress === undefined)
          throw new Error("Construct needs the engine's address, the plugin's first argument; the engine passes it when it starts the plugin");
        const { construct } = await import("./construct-call");
        const { urn, state } = await construct(call.request, engineAddress);
        return new proto.ConstructResponse().setUrn(urn).setState(struct(state));
      }),
    getMapping: notServed("GetMapping"),
    getMappings: notServed("GetMappings"),
    list: (call) => call.emit("error", unimplemented("List")),
  };
}

/**
 * Read: a refresh (the state has a target) reads through the lifecycle; an import (`pulumi
 * import`, the `import` option: no state yet) reads the bucket the ID names (plugin/import-id.ts).
 * A configuration that is gone answers an empty ID, which the engine takes as deleted.
 */
async function read(request: proto.ReadRequest): Promise<proto.ReadResponse> {
  const id = request.getId();
  const props = js(request.getProperties());
  if (props["target"] === undefined) {
    const imported = await importPolicy(id, targetOfImportId(id));
    return new proto.ReadResponse().setId(imported.id).setProperties(struct(imported.props)).setInputs(struct(imported.inputs));
  }
  const outcome = await lifecycle.read(id, props as PolicyOutputs);
  if (!("id" in outcome)) return new proto.ReadResponse();
  // Inputs only when the live rules differ; otherwise the stored ones, as the program wrote them.
  const inputs = outcome.inputs ?? js(request.getInputs());
  return new proto.ReadResponse().setId(outcome.id).setProperties(struct(outcome.props)).setInputs(struct(inputs));
}

function notServed<Req, Res>(name: string): grpc.handleUnaryCall<Req, Res> {
  return (_call, callback) => callback(unimplemented(name));
}
