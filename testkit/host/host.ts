import type { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import type { Diagnostic } from "./diagnostics";
import { loadProtocol } from "./grpc";
import { spawnHost, type HostProcess } from "./host-process";
import { RpcChannel } from "./rpc";
import { hostEnv, runStartup, type Startup } from "./startup";
import type { Json, JsonObject } from "./wire";

export { HostRpcError } from "./rpc";
export type { Startup } from "./startup";

export interface HostOptions {
  /** Project directory: the host's cwd, from which it resolves what `__provider` requires. */
  readonly cwd: string;
  readonly project: string;
  readonly stack: string;
  /** Stack config, keys `<ns>:<key>`, values strings or `secret(string)`. */
  readonly config?: Record<string, Json>;
  /** Deadline of each RPC; default 60 s. */
  readonly rpcTimeoutMs?: number;
}

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export type DiffChanges = "unknown" | "none" | "some";

export interface DiffResult {
  readonly changes: DiffChanges;
  readonly replaces: string[];
  /** Always empty from the dynamic provider host (it drops `stables`, docs/provider-host.md, "What the host forwards"). */
  readonly stables: string[];
  readonly deleteBeforeReplace: boolean;
  readonly diffs: string[];
  readonly hasDetailedDiff: boolean;
}

/** DiffResponse.DiffChanges: DIFF_UNKNOWN = 0, DIFF_NONE = 1, DIFF_SOME = 2. */
const DIFF_CHANGES: readonly DiffChanges[] = ["unknown", "none", "some"];

/**
 * One running provider host and typed low-level RPCs to it. Properties go over the wire exactly
 * as given (no secret stripping; see PluginClient for what the engine does around these).
 */
export class Host {
  private constructor(
    private readonly rpc: RpcChannel,
    private readonly proc: HostProcess,
    private readonly options: HostOptions,
    readonly startup: Startup,
  ) {}

  /** Spawns the host and runs the engine's start-up sequence, Configure included. */
  static async start(options: HostOptions): Promise<Host> {
    const started = Date.now();
    const config = options.config ?? {};
    const proto = loadProtocol(options.cwd);
    const proc = await spawnHost({ cwd: options.cwd, env: hostEnv(options.project, config) });
    const portMs = Date.now() - started;
    const rpc = new RpcChannel(proto, proc.port, options.rpcTimeoutMs ?? 60_000);
    try {
      const handshake = await runStartup(rpc, providerUrn(options), config);
      return new Host(rpc, proc, options, { ...handshake, port: proc.port, portMs, totalMs: Date.now() - started });
    } catch (e) {
      rpc.close();
      await proc.kill();
      throw e;
    }
  }

  /** Pid of the launcher, which leads the host's process group. */
  get pid(): number {
    return this.proc.pid;
  }

  /** Lines the host printed after its port (a shared, growing array). */
  get diagnostics(): readonly Diagnostic[] {
    return this.proc.diagnostics;
  }

  urn(type: string, name: string): string {
    return `urn:pulumi:${this.options.stack}::${this.options.project}::${type}::${name}`;
  }

  async check(args: { urn: string; olds: JsonObject; news: JsonObject }): Promise<{ inputs: JsonObject; failures: CheckFailure[] }> {
    const req = this.target(new this.rpc.proto.providerProto.CheckRequest(), args);
    req.setOlds(this.rpc.struct(args.olds));
    req.setNews(this.rpc.struct(args.news));
    req.setRandomseed(new Uint8Array(32));
    const resp = await this.rpc.unary<pb.CheckResponse>("check", (m, o, cb) => this.rpc.client.check(req, m, o, cb));
    const failures = resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: this.rpc.json(resp.getInputs()), failures };
  }

  async diff(args: { urn: string; id: string; olds: JsonObject; news: JsonObject; oldInputs: JsonObject }): Promise<DiffResult> {
    const req = this.target(new this.rpc.proto.providerProto.DiffRequest(), args);
    req.setId(args.id);
    req.setOlds(this.rpc.struct(args.olds));
    req.setNews(this.rpc.struct(args.news));
    req.setOldInputs(this.rpc.struct(args.oldInputs));
    const resp = await this.rpc.unary<pb.DiffResponse>("diff", (m, o, cb) => this.rpc.client.diff(req, m, o, cb));
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
    const req = this.target(new this.rpc.proto.providerProto.CreateRequest(), args);
    req.setProperties(this.rpc.struct(args.properties));
    req.setPreview(args.preview ?? false);
    const resp = await this.rpc.unary<pb.CreateResponse>("create", (m, o, cb) => this.rpc.client.create(req, m, o, cb));
    return { id: resp.getId(), properties: this.rpc.json(resp.getProperties()) };
  }

  /** `inputs` is undefined unless the provider's read() returned some. */
  async read(args: { urn: string; id: string; properties: JsonObject; inputs: JsonObject }): Promise<{
    id: string;
    properties: JsonObject;
    inputs: JsonObject | undefined;
  }> {
    const req = this.target(new this.rpc.proto.providerProto.ReadRequest(), args);
    req.setId(args.id);
    req.setProperties(this.rpc.struct(args.properties));
    req.setInputs(this.rpc.struct(args.inputs));
    const resp = await this.rpc.unary<pb.ReadResponse>("read", (m, o, cb) => this.rpc.client.read(req, m, o, cb));
    const inputs = resp.getInputs();
    return { id: resp.getId(), properties: this.rpc.json(resp.getProperties()), inputs: inputs && this.rpc.json(inputs) };
  }

  async update(args: { urn: string; id: string; olds: JsonObject; news: JsonObject; oldInputs: JsonObject; preview?: boolean }): Promise<{
    properties: JsonObject;
  }> {
    const req = this.target(new this.rpc.proto.providerProto.UpdateRequest(), args);
    req.setId(args.id);
    req.setOlds(this.rpc.struct(args.olds));
    req.setNews(this.rpc.struct(args.news));
    req.setOldInputs(this.rpc.struct(args.oldInputs));
    req.setPreview(args.preview ?? false);
    const resp = await this.rpc.unary<pb.UpdateResponse>("update", (m, o, cb) => this.rpc.client.update(req, m, o, cb));
    return { properties: this.rpc.json(resp.getProperties()) };
  }

  async delete(args: { urn: string; id: string; properties: JsonObject; oldInputs: JsonObject }): Promise<void> {
    const req = this.target(new this.rpc.proto.providerProto.DeleteRequest(), args);
    req.setId(args.id);
    req.setProperties(this.rpc.struct(args.properties));
    req.setOldInputs(this.rpc.struct(args.oldInputs));
    await this.rpc.unary<Empty>("delete", (m, o, cb) => this.rpc.client.delete(req, m, o, cb));
  }

  /** Closes the client and kills the host's whole process group; resolves once it is gone. */
  async stop(graceMs?: number): Promise<void> {
    this.rpc.close();
    await this.proc.kill(graceMs);
  }

  /** Sets urn, name and type as the engine does; name and type come from the URN. */
  private target<R extends { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }>(req: R, args: { urn: string }): R {
    const parts = args.urn.split("::");
    req.setUrn(args.urn);
    req.setName(parts[3] ?? "");
    req.setType((parts[2] ?? "").split("$").pop() ?? "");
    return req;
  }
}

/** Starts a host and runs the engine's start-up sequence, Configure included. */
export function startHost(options: HostOptions): Promise<Host> {
  return Host.start(options);
}

function providerUrn(options: HostOptions): string {
  return `urn:pulumi:${options.stack}::${options.project}::pulumi:providers:pulumi-nodejs::default`;
}
