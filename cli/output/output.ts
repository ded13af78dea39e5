import { knownSecrets, scrubSecrets, SECRET_ENV } from "../../provider/backends/secrets";
import { formatPath, type Issue } from "../../provider/model/issue";
import type { FailureKind } from "../exit";

/** ANSI styles; identity functions when colour is off. */
export interface Styles {
  readonly ok: (text: string) => string;
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/** Where a command writes: one JSON document (`--json`) or human lines. */
export interface Output {
  readonly json: boolean;
  readonly style: Styles;
  /**
   * Writes the command's result: `data` as one JSON document on stdout with
   * `--json`, else whatever `human` prints through `line`.
   */
  emit(data: Record<string, unknown>, human: () => void): void;
  /** A line on stdout (human mode). */
  line(text?: string): void;
  /** A line on stderr: warnings and notes that must not mix with a document on stdout. */
  note(text: string): void;
  /** Reports a failure: `{ ok: false, error }` on stdout with `--json`, else `error: …` and the issues on stderr. */
  fail(kind: FailureKind, message: string, issues: readonly Issue[]): void;
  /** Human mode only: `error: <message>` and the issues on stderr, for one failed part of a larger result. */
  problem(message: string, issues: readonly Issue[]): void;
  /** Names an environment variable whose value must never be printed. */
  protectEnv(name: string): void;
}

/** Options read from the process by {@link createOutput}. */
export interface OutputOptions {
  readonly json: boolean;
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Output for one run. Colour only when stdout is a terminal and `NO_COLOR` is
 * not set at all (https://no-color.org), and never in `--json` mode. Every
 * write passes through a scrubber that masks the values of secret variables.
 */
export function createOutput(options: OutputOptions): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const color = !options.json && stdout.isTTY && env["NO_COLOR"] === undefined;
  const secretNames = new Set<string>(SECRET_ENV);
  // The package's one scrubber: every known credential value, of any length, and URL userinfo.
  const scrub = (text: string): string => scrubSecrets(text, [...knownSecrets(), ...[...secretNames].map((name) => env[name] ?? "")]);
  const style = stylesFor(color);
  return {
    json: options.json,
    style,
    emit(data, human) {
      if (options.json) stdout.write(scrub(`${JSON.stringify({ ok: true, ...data }, null, 2)}\n`));
      else human();
    },
    line(text = "") {
      stdout.write(scrub(`${text}\n`));
    },
    note(text) {
      stderr.write(scrub(`${text}\n`));
    },
    fail(kind, message, issues) {
      if (options.json) {
        const error = { kind, message, issues: issuesJson(issues) };
        stdout.write(scrub(`${JSON.stringify({ ok: false, error }, null, 2)}\n`));
      } else {
        this.problem(message, issues);
      }
    },
    problem(message, issues) {
      if (options.json) return;
      const errStyle = stylesFor(color && stderr.isTTY);
      stderr.write(scrub(`${errStyle.bad("error:")} ${message}\n`));
      for (const i of issues) stderr.write(scrub(`  ${i.severity === "warning" ? errStyle.warn("warning") : errStyle.bad("error")} ${i.message}\n`));
    },
    protectEnv(name) {
      secretNames.add(name);
    },
  };
}

function stylesFor(color: boolean): Styles {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { ok: wrap(32, 39), bad: wrap(31, 39), warn: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** Prints issues as `  error <message>` / `  warning <message>` lines on stdout (human mode). */
export function printIssues(out: Output, issues: readonly Issue[]): void {
  for (const i of issues) out.line(`  ${i.severity === "warning" ? out.style.warn("warning") : out.style.bad("error")} ${i.message}`);
}

/** Issues as plain JSON values (the `Issue` shape, fields in a fixed order). */
export function issuesJson(issues: readonly Issue[]): Record<string, unknown>[] {
  return issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message, severity: i.severity }));
}

/** `1 error`, `2 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Human mode: each distinct warning once, on stderr. */
export function printWarnings(out: Output, warnings: readonly Issue[]): void {
  for (const message of new Set(warnings.filter((w) => w.severity === "warning").map((w) => w.message))) out.note(`warning: ${message}`);
}
