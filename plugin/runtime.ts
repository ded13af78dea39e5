import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as pulumi from "@pulumi/pulumi";
import type { ConstructRequest } from "@pulumi/pulumi/proto/provider_pb";
import * as config from "@pulumi/pulumi/runtime/config";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";

/*
 * The pieces of @pulumi/pulumi's own provider server that Construct needs, reused rather than
 * written again (node_modules/@pulumi/pulumi/provider/server.js, `construct` and
 * `configureRuntime`, 3.248): point the SDK's runtime at the monitor the engine hands over, give it
 * the stack's config, deserialize the inputs, and serialize the component's state. The rest of
 * that server is not used: it answers Configure without handing the variables over (service.ts).
 */

/*
 * The functions below are `@internal` in @pulumi/pulumi, so its declarations strip them; these
 * interfaces say what this file relies on, each as server.js calls it.
 */
interface RuntimeState {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
}
interface RuntimeSettings {
  awaitFeatureSupport(): Promise<void>;
  waitForRPCs(): Promise<void>;
}
interface ProviderServer {
  deserializeInputs(
    inputs: Struct | undefined,
    dependencies: ConstructRequest["getInputdependenciesMap"] extends () => infer M ? M : never,
  ): Promise<pulumi.Inputs>;
}
const state = require("@pulumi/pulumi/runtime/state") as RuntimeState;
const internalSettings = require("@pulumi/pulumi/runtime/settings") as RuntimeSettings;
const server = require("@pulumi/pulumi/provider/server") as ProviderServer;

/** What Construct gives the component: its inputs (Outputs where they depend on resources) and options. */
export interface ConstructContext {
  readonly type: string;
  readonly name: string;
  readonly inputs: pulumi.Inputs;
  readonly opts: pulumi.ComponentResourceOptions;
}

/**
 * Runs `build` with the SDK's runtime set up for this Construct call, in its own async store
 * (settings are globals, the store keeps one call's resources apart from another's), and answers
 * with the URN and the serialized state once every registration has reached the engine.
 */
export async function withConstructRuntime(
  request: ConstructRequest,
  engineAddress: string,
  build: (context: ConstructContext) => Promise<{ readonly urn: pulumi.Output<string>; readonly state: pulumi.Inputs }>,
): Promise<{ readonly urn: string; readonly state: Record<string, unknown> }> {
  return state.withLocalStorage(async () => {
    settings.resetOptions(
      request.getProject(),
      request.getStack(),
      request.getParallel(),
      engineAddress,
      request.getMonitorendpoint(),
      request.getDryrun(),
      request.getOrganization(),
    );
    await internalSettings.awaitFeatureSupport();
    config.setAllConfig(Object.fromEntries(request.getConfigMap().getEntryList()), request.getConfigsecretkeysList());
    const inputs = await server.deserializeInputs(request.getInputs(), request.getInputdependenciesMap());
    const result = await build({ type: request.getType(), name: request.getName(), inputs, opts: optionsOf(request) });
    const urn = await new Promise<string>((resolve) => result.urn.apply(resolve));
    const [serialized] = await rpc.serializeResourceProperties(`construct(${request.getType()}, ${request.getName()})`, result.state);
    await internalSettings.waitForRPCs();
    return { urn, state: serialized };
  });
}

/** The options the program gave the component, as server.js rebuilds them (the ones a CorsPolicySet's children inherit). */
function optionsOf(request: ConstructRequest): pulumi.ComponentResourceOptions {
  const providers: Record<string, pulumi.ProviderResource> = {};
  for (const [pkg, ref] of request.getProvidersMap().getEntryList()) providers[pkg] = new pulumi.DependencyProviderResource(ref);
  const parent = request.getParent();
  return {
    providers,
    dependsOn: request.getDependenciesList().map((urn) => new pulumi.DependencyResource(urn)),
    protect: request.getProtect() === true,
    ignoreChanges: request.getIgnorechangesList(),
    retainOnDelete: request.getRetainondelete() === true,
    ...(parent === "" ? {} : { parent: new pulumi.DependencyResource(parent) }),
  };
}
