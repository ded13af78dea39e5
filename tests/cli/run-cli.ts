import { spawn } from "node:child_process";
import { MAIN } from "./build";

/** What one run of the binary gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** Extra environment variables (the test process's environment is inherited, minus colour and debug switches). */
  readonly env?: Record<string, string>;
  /** Text on standard input. */
  readonly input?: string;
  readonly cwd?: string;
}

/**
 * Runs `node dist/cli/main.js ...args` asynchronously: the embedded s3rver
 * answers from this same process, so a synchronous spawn would deadlock.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env["BUCKET_CORS_DEBUG"];
  delete env["FORCE_COLOR"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env, cwd: options.cwd ?? process.cwd(), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // A command that never reads standard input may exit before the input is written: EPIPE then says
    // nothing about the command (seen in CI on tests/cli/files.test.ts); its exit code and output do.
    child.stdin.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") reject(error);
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Parses stdout as the one JSON document `--json` prints. */
export function jsonOf(run: CliRun): unknown {
  return JSON.parse(run.stdout) as unknown;
}

/**
 * stderr without the AWS SDK's Node-version notice, which every process that
 * loads the SDK prints on Node 20 (docs/architecture.md, "Toolchain notes": tests must not expect an empty stderr).
 */
export function stderrOf(run: CliRun): string {
  return run.stderr.replace(
    /\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n/g,
    "",
  );
}
