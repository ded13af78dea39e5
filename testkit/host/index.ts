/**
 * Host test harness: the real dynamic provider host from @pulumi/pulumi, driven over gRPC the way
 * the engine drives it, plus an in-memory stand-in for the engine (docs/architecture.md, "Tests"). Shared by the
 * host tests, the demo and the benchmarks; never shipped as a way to deploy.
 */
import { Engine } from "./engine";
import { startHost, type Host } from "./host";
import { preparePulumiProject } from "./project";
import type { StateSnapshot } from "./state";
import type { OperationResult } from "./steps";
import { isObject, type Json, type JsonObject } from "./wire";

export { Engine, type EngineOptions } from "./engine";
export { Host, HostRpcError, startHost, type CheckFailure, type DiffChanges, type DiffResult, type HostOptions, type Startup } from "./host";
export { groupAlive, groupMembers } from "./host-process";
export { preparePulumiProject, type ProjectOptions, type PulumiProject } from "./project";
export { runProgram, type ProgramRun, type Registered, type Registration, type RunProgramOptions } from "./program";
export { annotateSecrets, stripSecrets } from "./secrets";
export type { ResourceState, StateSnapshot } from "./state";
export { CheckFailedError, DeploymentError, StepError, type OperationResult, type Step, type StepDiff, type StepOp } from "./steps";
export type { Diagnostic } from "./diagnostics";
export { FIXTURE_PACKAGE } from "./fixture";
export { SECRET_SIG, SIG_KEY, UNKNOWN, isSecret, secret, type Json, type JsonObject, type Secret } from "./wire";

export interface HarnessOptions {
  /** Default "harness". */
  readonly project?: string;
  /** Default "dev". */
  readonly stack?: string;
  /** Stack config; a key without `:` gets `<project>:` prepended, as the CLI does. */
  readonly config?: Record<string, Json>;
  /** Install the harness's fixture provider (package "harness-fixture") instead of the packed repo. */
  readonly useFixture?: boolean;
  readonly programTimeoutMs?: number;
}

export interface Harness {
  /** Project directory (programs' and the host's cwd). */
  readonly dir: string;
  /** What programs `require`: "pulumi-bucket-cors", or "harness-fixture" with useFixture. */
  readonly packageName: string;
  readonly project: string;
  readonly stack: string;
  up(program: string): Promise<OperationResult>;
  preview(program: string): Promise<OperationResult>;
  refresh(): Promise<OperationResult>;
  destroy(): Promise<OperationResult>;
  state(): StateSnapshot;
  /** Low-level RPCs to the same host. */
  readonly host: Host;
  readonly engine: Engine;
  /** Kills the host's process group; resolves once it is gone. */
  stop(): Promise<void>;
}

/** Prepares the project, starts one host (Configure done) and an engine over it. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const project = options.project ?? "harness";
  const stack = options.stack ?? "dev";
  const config = qualify(options.config ?? {}, project);
  const { dir, packageName } = await preparePulumiProject({ source: options.useFixture ? "fixture" : "package" });
  const host = await startHost({ cwd: dir, project, stack, config });
  const engineOptions = { dir, project, stack, config };
  const engine = new Engine(host, options.programTimeoutMs === undefined ? engineOptions : { ...engineOptions, programTimeoutMs: options.programTimeoutMs });
  return {
    dir,
    packageName,
    project,
    stack,
    up: (program) => engine.up(program),
    preview: (program) => engine.preview(program),
    refresh: () => engine.refresh(),
    destroy: () => engine.destroy(),
    state: () => engine.state(),
    host,
    engine,
    stop: () => host.stop(),
  };
}

/** A copy without `__provider` at the top level (it is kilobytes of code): for assertions. */
export function withoutProvider(properties: JsonObject | undefined): JsonObject {
  if (!isObject(properties)) return {};
  const { __provider: _, ...rest } = properties;
  return rest;
}

function qualify(config: Record<string, Json>, project: string): Record<string, Json> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
}
