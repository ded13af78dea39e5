import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureBuilt, MAIN } from "./build";
import { APP_AWS_JSON, BAD_AWS_JSON, fixtureDir } from "./fixtures";
import { startS3, type TestS3 } from "./s3rver";

/**
 * Colour and progress appear only on a terminal: these runs go through
 * util-linux `script`, which gives the binary a pseudo-terminal (stdout and
 * stderr merged, lines ending in \r\n). Skipped where `script` is missing.
 */
const SCRIPT = "/usr/bin/script";
const onTerminal = existsSync(SCRIPT) ? test : test.skip;

let dir: string;
let s3: TestS3;

beforeAll(async () => {
  dir = fixtureDir({ "app.json": APP_AWS_JSON, "bad.json": BAD_AWS_JSON });
  s3 = await startS3();
  await s3.createBucket("tty");
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await s3?.stop();
});

/** Runs the binary under a pseudo-terminal and returns everything it wrote, and its exit code. */
function onPty(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const quoted = [process.execPath, MAIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (env["NO_COLOR"] === undefined) delete childEnv["NO_COLOR"];
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, ["-qec", quoted, "/dev/null"], { cwd: dir, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const RED = "\u001b[31m";
const ESC = "\u001b[";

describe("on a terminal", () => {
  onTerminal("errors are coloured", async () => {
    const run = await onPty(["lint", "bad.json"]);
    expect(run.code).toBe(1);
    expect(run.output.split("\r\n")[0]).toBe(`bad.json (aws-json, profile s3): ${RED}2 errors, 0 warnings\u001b[39m`);
  });

  onTerminal("NO_COLOR turns colour off", async () => {
    const run = await onPty(["lint", "bad.json"], { NO_COLOR: "1" });
    expect(run.code).toBe(1);
    expect(run.output).not.toContain(ESC);
  });

  onTerminal("--json is never coloured", async () => {
    const run = await onPty(["lint", "bad.json", "--json"]);
    expect(run.code).toBe(1);
    expect(run.output).not.toContain(ESC);
    expect((JSON.parse(run.output) as { ok: boolean }).ok).toBe(false);
  });

  onTerminal("apply shows a progress indicator on stderr and clears it", async () => {
    const target = [
      "--service",
      "s3",
      "--bucket",
      "tty",
      "--endpoint",
      s3.endpoint,
      "--access-key-id-env",
      "BCORS_TTY_KEY",
      "--secret-access-key-env",
      "BCORS_TTY_SECRET",
    ];
    const run = await onPty(["apply", "app.json", ...target], { BCORS_TTY_KEY: "S3RVER", BCORS_TTY_SECRET: "tty-secret" });
    expect(run.code).toBe(0);
    const id = `s3:${s3.host}/tty`;
    expect(run.output).toContain(`\r\u001b[2K⠙ ${id}: reading (0s)`);
    expect(run.output).toMatch(/: writing if needed, then waiting until it is served \(up to \d+ s\) \(0s\)/);
    expect(run.output).toMatch(new RegExp(`\\r\\u001b\\[2K${id.replace(/[.:/]/g, "\\$&")}: created \\(2 rules`));
  });
});

describe("not on a terminal", () => {
  test("no colour and no progress codes when piped", async () => {
    const { runCli } = await import("./run-cli");
    const run = await runCli(["lint", "bad.json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain(ESC);
  });
});
