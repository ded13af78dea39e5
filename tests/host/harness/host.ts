import type { ServiceError } from "@grpc/grpc-js";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import type { Diagnostic } from "./diagnostics";
import { loadProtocol, type Protocol } from "./grpc";
import { spawnHost, type HostProcess } from "./host-process";
import { stripSecrets } from "./secrets";
import type { Json, JsonObject } from "./wire";

export interface HostOptions {
  /** Project directory: the host's cwd, from which it resolves what `__provider` requires. */
  readonly cwd: string;
  readonly project: string;
  readonly stack: string;
  /** Stack config, keys `<ns>:<key>`, values strings or `secret(string)`. */
  readonly config?: Record<string, Json>;
  /** Deadline of each RPC. */
  readonly rpcTimeoutMs?: number;
}

/** A gRPC error from the host; `message` is the provider's own message (the status details). */
export class HostRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    details: string,
  ) {
    super(details);
    this.name = "HostRpcError";
  }
}

/** What the engine-style start-up sequence got back (provider-host.md §4). */
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

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export type DiffChanges = "unknown" | "none" | "some";

export interface DiffResult {
  readonly changes: DiffChanges;
  readonly replaces: string[];
  readonly stables: string[];
  readonly deleteBeforeReplace: boolean;
  readonly diffs: string[];
  readonly hasDetailedDiff: boolean;
}

const DIFF_CHANGES: readonly DiffChanges[] = ["unknown", "none", "some"];
const UNIMPLEMENTED = 12;

/** Typed low-level RPCs against one running host. Properties go over the wire as given. */
export class Host {
  private constructor(
    private readonly proto: Protocol,
    private readonly client: ResourceProviderClient,
    private readonly proc: HostProcess,
    private readonly options: HostOptions,
    private startupInfo?: Startup,
  ) {}

  static async start(options: HostOptions): Promise<Host> {
    const started = Date.now();
    const proto = loadProtocol(options.cwd);
    const proc = await spawnHost({ cwd: options.cwd, env: hostEnv(options) });
    const portMs = Date.now() - started;
    const client = new proto.providerGrpc.ResourceProviderClient(
      `127.0.0.1:${proc.port}`,
      proto.grpc.credentials.createInsecure(),
    );
    const host = new Host(proto, client, proc, options);
    try {
      host.startupInfo = { ...(await host.startUp()), port: proc.port, portMs, totalMs: Date.now() - started };
    } catch (e) {
      await host.stop();
      throw e;
    }
    return host;
  }

  get pid(): number {
    return this.proc.pid;
  }

  get startup(): Startup {
    return this.startupInfo!;
  }

  /** Lines the host printed after its port (shared, growing array). */
  get diagnostics(): readonly Diagnostic[] {
    return this.proc.diagnostics;
  }

  /** The engine's sequence: Handshake, GetPluginInfo, CheckConfig, then Configure with the stack config. */
  private async startUp(): Promise<Omit<Startup, "port" | "portMs" | "totalMs">> {
    const { providerProto, emptyProto } = this.proto;
    const handshakeCode = await this.codeOf<pb.ProviderHandshakeResponse>("handshake", (cb) =>
      this.client.handshake(new providerProto.ProviderHandshakeRequest(), this.meta(), this.callOptions(), cb),
    );
    const info = await this.unary<PluginInfo>("getPluginInfo", (cb) =>
      this.client.getPluginInfo(new emptyProto.Empty(), this.meta(), this.callOptions(), cb),
    );
    const checkConfigCode = await this.codeOf<pb.CheckResponse>("checkConfig", (cb) =>
      this.client.checkConfig(new providerProto.CheckRequest(), this.meta(), this.callOptions(), cb),
    );
    const req = new providerProto.ConfigureRequest();
    req.setArgs(this.struct(this.options.config ?? {}));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    req.setType("pulumi:providers:pulumi-nodejs");
    req.setName("default");
    req.setUrn(this.urn("pulumi:providers:pulumi-nodejs", "default"));
    const resp = await this.unary<pb.ConfigureResponse>("configure", (cb) => this.client.configure(req, this.meta(), this.callOptions(), cb));
    const configure = {
      acceptSecrets: resp.getAcceptsecrets(),
      supportsPreview: resp.getSupportspreview(),
      acceptResources: resp.getAcceptresources(),
      acceptOutputs: resp.getAcceptoutputs(),
      supportsAutonamingConfiguration: resp.getSupportsAutonamingConfiguration(),
    };
    return { handshakeCode, version: info.getVersion(), checkConfigCode, configure };
  }

  urn(type: string, name: string): string {
    return `urn:pulumi:${this.options.stack}::${this.options.project}::${type}::${name}`;
  }

  async check(args: { urn: string; olds: JsonObject; news: JsonObject }): Promise<{ inputs: JsonObject; failures: CheckFailure[] }> {
    const req = new this.proto.providerProto.CheckRequest();
    this.target(req, args.urn);
    req.setOlds(this.struct(args.olds));
    req.setNews(this.struct(args.news));
    req.setRandomseed(new Uint8Array(32));
    const resp = await this.unary<pb.CheckResponse>("check", (cb) => this.client.check(req, this.meta(), this.callOptions(), cb));
    const failures = resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: this.json(resp.getInputs()), failures };
  }

  async diff(args: { urn: string; id: string; olds: JsonObject; news: JsonObject; oldInputs: JsonObject }): Promise<DiffResult> {
    const req = new this.proto.providerProto.DiffRequest();
    this.target(req, args.urn);
    req.setId(args.id);
    req.setOlds(this.struct(args.olds));
    req.setNews(this.struct(args.news));
    req.setOldInputs(this.struct(args.oldInputs));
    const resp = await this.unary<pb.DiffResponse>("diff", (cb) => this.client.diff(req, this.meta(), this.callOptions(), cb));
    return {
      changes: DIFF_CHANGES[resp.getChanges()] ?? "unknown",
      replaces: resp.getReplacesList(),
      stables: resp.getStablesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
      diffs: resp.getDiffsList(),
      hasDetailedDiff: resp.getHasdetaileddiff(),
    };
  }

  async create(args: { urn: string; properties: JsonObject; preview?: boolean }): Promise<{ id: string; properties: JsonObject }> {
    const req = new this.proto.providerProto.CreateRequest();
    this.target(req, args.urn);
    req.setProperties(this.struct(args.properties));
    req.setPreview(args.preview ?? false);
    const resp = await this.unary<pb.CreateResponse>("create", (cb) => this.client.create(req, this.meta(), this.callOptions(), cb));
    return { id: resp.getId(), properties: this.json(resp.getProperties()) };
  }

  async read(args: { urn: string; id: string; properties: JsonObject; inputs: JsonObject }): Promise<{
    id: string;
    properties: JsonObject;
    inputs: JsonObject | undefined;
  }> {
    const req = new this.proto.providerProto.ReadRequest();
    this.target(req, args.urn);
    req.setId(args.id);
    req.setProperties(this.struct(args.properties));
    req.setInputs(this.struct(args.inputs));
    const resp = await this.unary<pb.ReadResponse>("read", (cb) => this.client.read(req, this.meta(), this.callOptions(), cb));
    const inputs = resp.getInputs();
    return { id: resp.getId(), properties: this.json(resp.getProperties()), inputs: inputs && this.json(inputs) };
  }

  async update(args: {
    urn: string;
    id: string;
    olds: JsonObject;
    news: JsonObject;
    oldInputs: JsonObject;
    preview?: boolean;
  }): Promise<{ properties: JsonObject }> {
    const req = new this.proto.providerProto.UpdateRequest();
    this.target(req, args.urn);
    req.setId(args.id);
    req.setOlds(this.struct(args.olds));
    req.setNews(this.struct(args.news));
    req.setOldInputs(this.struct(args.oldInputs));
    req.setPreview(args.preview ?? false);
    const resp = await this.unary<pb.UpdateResponse>("update", (cb) => this.client.update(req, this.meta(), this.callOptions(), cb));
    return { properties: this.json(resp.getProperties()) };
  }

  async delete(args: { urn: string; id: string; properties: JsonObject; oldInputs: JsonObject }): Promise<void> {
    const req = new this.proto.providerProto.DeleteRequest();
    this.target(req, args.urn);
    req.setId(args.id);
    req.setProperties(this.struct(args.properties));
    req.setOldInputs(this.struct(args.oldInputs));
    await this.unary<Empty>("delete", (cb) => this.client.delete(req, this.meta(), this.callOptions(), cb));
  }

  /** Closes the client and kills the host's whole process group; resolves once it is gone. */
  async stop(graceMs?: number): Promise<void> {
    this.client.close();
    await this.proc.kill(graceMs);
  }

  private target(req: { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }, urn: string) {
    const parts = urn.split("::");
    req.setUrn(urn);
    req.setName(parts[3] ?? "");
    req.setType((parts[2] ?? "").split("$").pop() ?? "");
  }

  private struct(value: JsonObject): Struct {
    return this.proto.structProto.Struct.fromJavaScript(value);
  }

  private json(struct: Struct | undefined): JsonObject {
    return struct === undefined ? {} : (struct.toJavaScript() as JsonObject);
  }

  private meta() {
    return new this.proto.grpc.Metadata();
  }

  private callOptions() {
    return { deadline: Date.now() + (this.options.rpcTimeoutMs ?? 60_000) };
  }

  private unary<T>(method: string, call: (cb: (err: ServiceError | null, resp?: T) => void) => unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      call((err, resp) => {
        if (err) reject(new HostRpcError(method, err.code, err.details || err.message));
        else if (resp === undefined) reject(new HostRpcError(method, 2, `${method} returned no response`));
        else resolve(resp);
      });
    });
  }

  /** Status code of a call the engine expects may be UNIMPLEMENTED; 0 when it succeeds. */
  private async codeOf<T>(method: string, call: (cb: (err: ServiceError | null, resp?: T) => void) => unknown) {
    try {
      await this.unary(method, call);
      return 0;
    } catch (e) {
      if (e instanceof HostRpcError && e.code === UNIMPLEMENTED) return UNIMPLEMENTED;
      throw e;
    }
  }
}

/** Starts a host and runs the engine's start-up sequence, Configure included. */
export function startHost(options: HostOptions): Promise<Host> {
  return Host.start(options);
}

/**
 * The environment the engine gives a provider plugin (provider-host.md §3): the project name, and
 * PULUMI_CONFIG holding only the `pulumi-nodejs:*` keys with the namespace stripped.
 */
function hostEnv(options: HostOptions): NodeJS.ProcessEnv {
  const nodejsConfig: JsonObject = {};
  for (const [key, value] of Object.entries(options.config ?? {})) {
    if (key.startsWith("pulumi-nodejs:")) nodejsConfig[key.slice("pulumi-nodejs:".length)] = stripSecrets(value);
  }
  return {
    ...process.env,
    PULUMI_NODEJS_PROJECT: options.project,
    PULUMI_PROJECT: options.project,
    PULUMI_CONFIG: JSON.stringify(nodejsConfig),
  };
}
