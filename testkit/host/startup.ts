import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import type { RpcChannel } from "./rpc";
import { stripSecrets } from "./secrets";
import type { Json, JsonObject } from "./wire";

/** What the engine-style start-up sequence got back (docs/provider-host.md, "Start-up sequence"). */
export interface Startup {
  readonly port: number;
  /** gRPC status code of Handshake (12 = UNIMPLEMENTED: the engine falls back to Configure). */
  readonly handshakeCode: number;
  readonly version: string;
  /** gRPC status code of CheckConfig (12: the engine treats it as pass-through). */
  readonly checkConfigCode: number;
  readonly configure: {
    acceptSecrets: boolean;
    supportsPreview: boolean;
    acceptResources: boolean;
    acceptOutputs: boolean;
    supportsAutonamingConfiguration: boolean;
  };
  /** Milliseconds from spawn to port, and for the whole sequence. */
  readonly portMs: number;
  readonly totalMs: number;
}

export type Handshake = Omit<Startup, "port" | "portMs" | "totalMs">;

/**
 * The engine's sequence: Handshake, GetPluginInfo, CheckConfig, then Configure with the whole
 * stack config (`<ns>:<key>` strings, secrets left wrapped). Configure must come first: the host
 * configures a provider when it first deserializes it, from the config Configure stored
 * (docs/provider-host.md, "Start-up sequence").
 */
export async function runStartup(rpc: RpcChannel, urn: string, config: Record<string, Json>): Promise<Handshake> {
  const { providerProto, emptyProto } = rpc.proto;
  const c = rpc.client;
  const handshakeCode = await rpc.codeOf<pb.ProviderHandshakeResponse>("handshake", (m, o, cb) =>
    c.handshake(new providerProto.ProviderHandshakeRequest(), m, o, cb),
  );
  const info = await rpc.unary<PluginInfo>("getPluginInfo", (m, o, cb) => c.getPluginInfo(new emptyProto.Empty(), m, o, cb));
  const checkConfigCode = await rpc.codeOf<pb.CheckResponse>("checkConfig", (m, o, cb) => c.checkConfig(new providerProto.CheckRequest(), m, o, cb));
  const req = new providerProto.ConfigureRequest();
  req.setArgs(rpc.struct(config));
  req.setAcceptsecrets(true);
  req.setAcceptresources(true);
  req.setSendsOldInputs(true);
  req.setSendsOldInputsToDelete(true);
  req.setType("pulumi:providers:pulumi-nodejs");
  req.setName("default");
  req.setUrn(urn);
  const resp = await rpc.unary<pb.ConfigureResponse>("configure", (m, o, cb) => c.configure(req, m, o, cb));
  const configure = {
    acceptSecrets: resp.getAcceptsecrets(),
    supportsPreview: resp.getSupportspreview(),
    acceptResources: resp.getAcceptresources(),
    acceptOutputs: resp.getAcceptoutputs(),
    supportsAutonamingConfiguration: resp.getSupportsAutonamingConfiguration(),
  };
  return { handshakeCode, version: info.getVersion(), checkConfigCode, configure };
}

/**
 * The environment the engine gives a provider plugin (docs/provider-host.md, "Launching the host"): the project name, and
 * PULUMI_CONFIG holding only the `pulumi-nodejs:*` keys with the namespace stripped.
 */
export function hostEnv(project: string, config: Record<string, Json>): NodeJS.ProcessEnv {
  const nodejsConfig: JsonObject = {};
  for (const [key, value] of Object.entries(config)) {
    if (key.startsWith("pulumi-nodejs:")) nodejsConfig[key.slice("pulumi-nodejs:".length)] = stripSecrets(value);
  }
  return { ...process.env, PULUMI_NODEJS_PROJECT: project, PULUMI_PROJECT: project, PULUMI_CONFIG: JSON.stringify(nodejsConfig) };
}
