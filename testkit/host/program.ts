import { fork, type ChildProcess } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { eachLine, type Diagnostic } from "./diagnostics";
import { stripSecrets } from "./secrets";
import { isSecret, type Json, type JsonObject } from "./wire";

/** One RegisterResource request as the SDK serialized it (secrets wrapped, unknowns as the sentinel). */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** Parent URN, "" for none. */
  readonly parent: string;
  /** Serialized inputs; a dynamic resource's include `__provider`. */
  readonly inputs: JsonObject;
  readonly deleteBeforeReplace: boolean;
}

/** What the engine answers a registration with. */
export interface Registered {
  readonly id: string;
  readonly outputs: JsonObject;
}

export interface RunProgramOptions {
  /** Project directory: the child's cwd, where `require`s in the program resolve. */
  readonly dir: string;
  /** The program: CommonJS JavaScript text. May export an (async) function, which is awaited. */
  readonly program: string;
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  /** Stack config seen by `pulumi.Config` in the program: `<ns>:<key>` → value (or `secret(value)`). */
  readonly config?: Record<string, Json>;
  readonly timeoutMs?: number;
  /** Where to append the program's output lines (also returned); lets callers keep them on failure. */
  readonly diagnostics?: Diagnostic[];
  /**
   * Answers each registration as the engine would (id + outputs). Without it the child echoes
   * inputs as outputs, with id `<name>-id` (unknown in preview).
   */
  readonly onRegister?: (registration: Registration) => Promise<Registered>;
  /** Outputs a component registered with `registerOutputs`. */
  readonly onOutputs?: (urn: string, outputs: JsonObject) => void;
}

export interface ProgramRun {
  readonly registrations: Registration[];
  readonly diagnostics: Diagnostic[];
}

type ChildMessage =
  | { kind: "register"; seq: number; registration: Registration }
  | { kind: "outputs"; urn: string; outputs: JsonObject }
  | { kind: "done"; registrations: Registration[]; errors: string[] };

const CHILD = path.join(__dirname, "program-child.js");

/**
 * Runs a program in a child `node` (cwd = project dir) under `pulumi.runtime.setMocks` and returns
 * its registrations in order. Rejects when the program fails, leaves unhandled rejections (how
 * `__provider` serialization failures surface, docs/provider-host.md, "Programs under mocks"), times out, or when
 * `onRegister` throws (the child is killed: a failed step stops the deployment).
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  const programFile = writeProgram(options.dir, options.program);
  const diagnostics = options.diagnostics ?? [];
  const child = fork(CHILD, [], {
    cwd: options.dir,
    env: childEnv(options, programFile),
    execArgv: [],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  for (const stream of ["stdout", "stderr"] as const) {
    eachLine(child[stream]!, (text) => diagnostics.push({ source: "program", stream, text }));
  }
  try {
    const registrations = await converse(child, options, diagnostics);
    return { registrations, diagnostics };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.rmSync(programFile, { force: true });
  }
}

function converse(child: ChildProcess, options: RunProgramOptions, diagnostics: Diagnostic[]): Promise<Registration[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    let reported: Registration[] | undefined;
    const settle = (error: Error | undefined): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      if (error) reject(error);
      else resolve(reported ?? []);
    };
    const fail = (message: string): void => settle(new Error(`${message}${stderrTail(diagnostics)}`));
    const timer = setTimeout(() => fail(`program timed out after ${timeoutMs} ms`), timeoutMs);
    child.on("error", (e) => fail(`program process failed: ${e.message}`));
    // "close" comes after the last output line, so the diagnostics are complete when we resolve.
    child.on("close", (code, signal) => {
      if (reported === undefined) fail(`program exited (${signal ?? code}) before reporting`);
      else settle(undefined);
    });
    child.on("message", (message: ChildMessage) => {
      if (message.kind === "outputs") {
        options.onOutputs?.(message.urn, message.outputs);
      } else if (message.kind === "register") {
        answer(child, message.seq, message.registration, options).catch((e: unknown) => settle(e instanceof Error ? e : new Error(String(e))));
      } else if (message.errors.length > 0) {
        fail(`program failed:\n${message.errors.join("\n")}`);
      } else {
        reported = message.registrations;
      }
    });
  });
}

async function answer(child: ChildProcess, seq: number, registration: Registration, options: RunProgramOptions) {
  const registered = await options.onRegister!(registration);
  child.send({ seq, ...registered });
}

function childEnv(options: RunProgramOptions, programFile: string): NodeJS.ProcessEnv {
  const config = options.config ?? {};
  return {
    ...process.env,
    HARNESS_PROGRAM: programFile,
    HARNESS_PROJECT: options.project,
    HARNESS_STACK: options.stack,
    HARNESS_PREVIEW: options.preview ? "1" : "0",
    HARNESS_INTERACTIVE: options.onRegister ? "1" : "0",
    // What the language host hands a nodejs program (runtime/config.js).
    PULUMI_CONFIG: JSON.stringify(stripSecrets(config)),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(config).filter((k) => isSecret(config[k]))),
  };
}

/** Programs go to `<dir>/.programs/` under unique names: the project dir is shared by workers. */
function writeProgram(dir: string, program: string): string {
  const file = path.join(dir, ".programs", `${process.pid}-${crypto.randomBytes(6).toString("hex")}.js`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, program);
  return file;
}

function stderrTail(diagnostics: Diagnostic[]): string {
  const lines = diagnostics.filter((d) => d.stream === "stderr").slice(-20);
  return lines.length === 0 ? "" : `\nprogram stderr:\n${lines.map((d) => d.text).join("\n")}`;
}
