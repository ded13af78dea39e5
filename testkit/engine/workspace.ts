import { execFile } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { tmpRoot } from "../host/paths";
import { toResult, type EngineResult, type RawEvent } from "./events";
import { languageHostMissing } from "./pulumi-cli";
import type { EngineRoute } from "./routes";

export { ROUTE_WORDS, type EngineRoute } from "./routes";
import type { InstalledProject } from "./project";
import { TEMPLATE_GITIGNORE, TEMPLATE_TSCONFIG_COMMONJS } from "./template";

export interface WorkspaceOptions {
  /** Pulumi project name (Pulumi.yaml `name`). */
  readonly project: string;
  readonly stack?: string;
  /** The CLI's directory (it also holds `pulumi-resource-pulumi-nodejs`, and `pulumi-language-nodejs` for the directory route). */
  readonly binDir: string;
  /** How operations run the program. */
  readonly route: EngineRoute;
  /** Variables for the CLI, the program and the provider host (credentials by name live here). */
  readonly env?: Readonly<Record<string, string>>;
  /** Longest an operation may run, in ms (default 300,000); the bench's 1,000-resource `up` on a loaded machine needs more. */
  readonly operationTimeoutMs?: number;
}

export interface OperationOptions {
  /** `pulumi preview --diff` / `up --diff`. */
  readonly diff?: boolean;
  /** `pulumi preview --expect-no-changes`. */
  readonly expectNoChanges?: boolean;
  /** `pulumi refresh` before the operation. */
  readonly refresh?: boolean;
  /** `--parallel` (the engine's default when absent). */
  readonly parallel?: number;
  /** `pulumi up --skip-preview`; the inline route's `stack.up()` never previews anyway. */
  readonly skipPreview?: boolean;
}

const PASSPHRASE = "engine-tests-passphrase";
const OPERATION_TIMEOUT_MS = 300_000;

/**
 * A Pulumi project as `pulumi new typescript` makes one (its tsconfig.json unchanged), on a local
 * file backend (`pulumi login file://…`) with a private PULUMI_HOME and a passphrase secrets
 * provider, no update checks and no plugin downloads. node_modules is the installed project's.
 * Programs are TypeScript compiled by the project's own `tsc`; operations run the real CLI.
 */
export class EngineWorkspace {
  readonly dir: string;
  readonly projectDir: string;
  readonly stack: string;
  readonly route: EngineRoute;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(
    private installed: InstalledProject,
    private readonly options: WorkspaceOptions,
    root: string,
  ) {
    this.dir = root;
    this.projectDir = path.join(root, "project");
    this.stack = options.stack ?? "dev";
    this.route = options.route;
    this.env = {
      ...process.env,
      ...options.env,
      PATH: `${options.binDir}${path.delimiter}${process.env["PATH"] ?? ""}`,
      PULUMI_HOME: path.join(root, "home"),
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      NO_COLOR: "1",
    };
    delete this.env["PULUMI_BACKEND_URL"];
    delete this.env["PULUMI_ACCESS_TOKEN"];
  }

  /** A fresh project directory and backend under `.tmp/engine-runs/`, logged in. */
  static async create(installed: InstalledProject, options: WorkspaceOptions): Promise<EngineWorkspace> {
    const root = path.join(tmpRoot(), "engine-runs", `${options.project}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
    const ws = new EngineWorkspace(installed, options, root);
    const hostMissing = ws.route === "directory" ? languageHostMissing(options.binDir) : undefined;
    if (hostMissing !== undefined) throw new Error(hostMissing);
    fs.mkdirSync(path.join(root, "backend"), { recursive: true });
    fs.mkdirSync(path.join(root, "home"), { recursive: true });
    fs.mkdirSync(ws.projectDir, { recursive: true });
    fs.writeFileSync(path.join(ws.projectDir, "Pulumi.yaml"), `name: ${options.project}\nruntime: nodejs\ndescription: engine test project\n`);
    fs.writeFileSync(
      path.join(ws.projectDir, "package.json"),
      `${JSON.stringify({ ...installed.manifest, name: options.project, main: "index.ts" }, null, 2)}\n`,
    );
    fs.writeFileSync(path.join(ws.projectDir, "tsconfig.json"), `${JSON.stringify(TEMPLATE_TSCONFIG_COMMONJS, null, 4)}\n`);
    fs.writeFileSync(path.join(ws.projectDir, ".gitignore"), TEMPLATE_GITIGNORE);
    fs.symlinkSync(installed.nodeModules, path.join(ws.projectDir, "node_modules"), "dir");
    await ws.pulumi(["login", `file://${path.join(root, "backend")}`]);
    await ws.pulumi(["stack", "init", ws.stack, "--secrets-provider", "passphrase"]);
    return ws;
  }

  /** Points the project at another installation (an upgrade of this package, another @pulumi/pulumi). */
  useInstalled(installed: InstalledProject): void {
    this.installed = installed;
    const link = path.join(this.projectDir, "node_modules");
    fs.rmSync(link, { force: true });
    fs.symlinkSync(installed.nodeModules, link, "dir");
    fs.writeFileSync(
      path.join(this.projectDir, "package.json"),
      `${JSON.stringify({ ...installed.manifest, name: this.options.project, main: "index.ts" }, null, 2)}\n`,
    );
  }

  /** Writes index.ts and compiles it with the project's tsc and tsconfig; rejects with tsc's output. */
  async program(source: string): Promise<void> {
    const file = path.join(this.projectDir, "index.ts");
    const buildInfo = path.join(this.dir, "tsc.tsbuildinfo");
    // tsc --incremental emits nothing for the program it compiled last: with bin/ removed below, the same source
    // twice in a row left no bin/index.js ("Cannot find module …/bin/index.js"). Then it compiles from scratch.
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === source) fs.rmSync(buildInfo, { force: true });
    fs.writeFileSync(file, source);
    fs.rmSync(path.join(this.projectDir, "bin"), { recursive: true, force: true });
    const tsc = path.join(this.installed.nodeModules, "typescript", "bin", "tsc");
    // --incremental only caches between the programs of one workspace (the tsconfig is unchanged):
    // a recompile after a one-line change takes ~3 s instead of ~14 s.
    const cache = ["--incremental", "--tsBuildInfoFile", buildInfo];
    const result = await exec(process.execPath, [tsc, "-p", ".", ...cache], this.projectDir, this.env, 120_000);
    if (result.code !== 0) throw new Error(`tsc failed on the program:\n${result.stdout}${result.stderr}\n--- index.ts ---\n${source}`);
  }

  preview(options: OperationOptions = {}): Promise<EngineResult> {
    return this.operation("preview", options);
  }
  up(options: OperationOptions = {}): Promise<EngineResult> {
    return this.operation("up", options);
  }
  refresh(options: OperationOptions = {}): Promise<EngineResult> {
    return this.operation("refresh", options);
  }
  destroy(options: OperationOptions = {}): Promise<EngineResult> {
    return this.operation("destroy", options);
  }

  /** Like the operations above, but resolves with a failed result instead of rejecting. */
  async attempt(op: Operation, options: OperationOptions = {}): Promise<EngineResult> {
    return this.route === "directory" ? this.attemptInDirectory(op, options) : this.attemptInline(op, options);
  }

  /**
   * `pulumi <op>` typed in the project directory (`--yes` where the CLI would ask), its engine
   * events read from `--event-log`, the file the Automation API reads them from too.
   */
  private async attemptInDirectory(op: Operation, options: OperationOptions): Promise<EngineResult> {
    const eventLog = path.join(this.dir, `events-${crypto.randomBytes(4).toString("hex")}.jsonl`);
    const args = [op, ...cliFlags(op, options), "--stack", this.stack, "--event-log", eventLog, "--color", "never", "--non-interactive"];
    // --event-log is registered only with PULUMI_DEBUG_COMMANDS (pkg/cmd/pulumi/operations/up.go,
    // env.DebugCommands), which the Automation API sets for the same flag; it changes nothing else.
    // ts-node only transpiles (PULUMI_NODEJS_TRANSPILE_ONLY, @pulumi/pulumi cmd/run/run.js): program()
    // has type-checked index.ts with the project's own tsc and tsconfig already, and checking it
    // again at each operation took ~10 s of every step on 2 cores. `npm run demo` keeps the default.
    const env = { ...this.env, PULUMI_DEBUG_COMMANDS: "true", PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
    const child = await exec(path.join(this.options.binDir, "pulumi"), args, this.projectDir, env, this.timeoutMs);
    const events = fs.existsSync(eventLog) ? readEventLog(eventLog) : [];
    if (process.env["BCORS_ENGINE_KEEP_RESULTS"] === undefined) fs.rmSync(eventLog, { force: true });
    const output = `${child.stdout}${child.stderr}`;
    const raw = child.code === 0 ? { ok: true, output, events } : { ok: false, output, events, error: `pulumi ${op} exited ${child.code}` };
    return toResult(raw, output);
  }

  private async attemptInline(op: Operation, options: OperationOptions): Promise<EngineResult> {
    const resultFile = path.join(this.dir, `result-${crypto.randomBytes(4).toString("hex")}.json`);
    const request = { op, project: this.options.project, stack: this.stack, options: automationOptions(op, options) };
    const runner = path.join(__dirname, "runner.js");
    const child = await exec(process.execPath, [runner, JSON.stringify(request), resultFile], this.projectDir, this.env, this.timeoutMs);
    if (!fs.existsSync(resultFile)) throw new Error(`pulumi ${op} runner exited ${child.code} without a result:\n${child.stdout}${child.stderr}`);
    const raw = JSON.parse(fs.readFileSync(resultFile, "utf8")) as Parameters<typeof toResult>[0];
    if (process.env["BCORS_ENGINE_KEEP_RESULTS"] === undefined) fs.rmSync(resultFile, { force: true });
    return toResult(raw, child.stdout + child.stderr);
  }

  /** Runs the CLI directly in the project (`pulumi stack export`, `pulumi config set --secret` …). */
  async pulumi(args: readonly string[], input?: string): Promise<string> {
    const result = await exec(path.join(this.options.binDir, "pulumi"), [...args, "--non-interactive"], this.projectDir, this.env, this.timeoutMs, input);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  }

  /** The stack's state as `pulumi stack export` prints it. */
  async exportStack(): Promise<StackExport> {
    return JSON.parse(await this.pulumi(["stack", "export", "--stack", this.stack])) as StackExport;
  }

  /**
   * The resources of the exported state of one type (default: CorsPolicy), sorted by URN: the engine
   * records resources it creates or imports in parallel in the order they finish, which varies by run.
   */
  async resources(type = CORS_POLICY_TYPE): Promise<ExportedResource[]> {
    const all = (await this.exportStack()).deployment.resources ?? [];
    return all.filter((r) => r.type === type).sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  }

  /** Every file under the backend and PULUMI_HOME, concatenated (to prove a value is nowhere). */
  backendText(): string {
    return [path.join(this.dir, "backend"), path.join(this.dir, "home"), this.projectDir]
      .flatMap((dir) => listFiles(dir))
      .map((file) => fs.readFileSync(file, "latin1"))
      .join("\n");
  }

  private get timeoutMs(): number {
    return this.options.operationTimeoutMs ?? OPERATION_TIMEOUT_MS;
  }

  private async operation(op: Operation, options: OperationOptions): Promise<EngineResult> {
    const result = await this.attempt(op, options);
    if (!result.ok) throw new EngineError(op, result);
    return result;
  }
}

type Operation = "preview" | "up" | "refresh" | "destroy";

export const CORS_POLICY_TYPE = "pulumi-nodejs:dynamic/bucket-cors:CorsPolicy";

export interface ExportedResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  /** The reasons of a partial failure (the checkpoint's `initErrors`); the next up updates the resource. */
  readonly initErrors?: string[];
}

export interface StackExport {
  readonly version: number;
  readonly deployment: { readonly resources?: ExportedResource[]; readonly secrets_providers?: unknown };
}

/** A failed operation; its message is the CLI's output, so `rejects.toThrow(text)` matches what users see. */
export class EngineError extends Error {
  constructor(
    readonly op: string,
    readonly result: EngineResult,
  ) {
    super(`pulumi ${op} failed:\n${result.output}\n${result.error ?? ""}`);
  }
}

function automationOptions(op: string, options: OperationOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.diff) out["diff"] = true;
  if (options.expectNoChanges) out["expectNoChanges"] = true;
  if (options.refresh) out["refresh"] = true;
  if (options.parallel !== undefined) out["parallel"] = options.parallel;
  if (op === "refresh" || op === "destroy") delete out["diff"];
  return out;
}

/** The flags a user types for the operation: `--yes` where the CLI would ask, the options' own. */
function cliFlags(op: Operation, options: OperationOptions): string[] {
  const flags = op === "preview" ? [] : ["--yes"];
  if (options.diff === true && op !== "refresh" && op !== "destroy") flags.push("--diff");
  if (options.expectNoChanges === true) flags.push("--expect-no-changes");
  if (options.refresh === true) flags.push("--refresh");
  if (options.parallel !== undefined) flags.push("--parallel", String(options.parallel));
  if (options.skipPreview === true && op === "up") flags.push("--skip-preview");
  return flags;
}

/** The engine events of `--event-log`: one JSON object a line. */
function readEventLog(file: string): RawEvent[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RawEvent);
}

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  const stat = fs.lstatSync(entry);
  if (stat.isSymbolicLink()) return [];
  if (!stat.isDirectory()) return [entry];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}

interface Exec {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeout: number, input?: string): Promise<Exec> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd, env, timeout, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr: error !== null && error.killed ? `${stderr}\n(killed after ${timeout} ms)` : stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
