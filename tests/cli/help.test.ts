import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt } from "./build";
import { runCli } from "./run-cli";

/**
 * The exact help text of the program and of every command, pinned in
 * tests/cli/golden/help/*.txt (review a change there like code). Run with
 * UPDATE_GOLDEN=1 to rewrite them after an intended change.
 */
const GOLDEN = join(__dirname, "golden", "help");
const COMMANDS = ["convert", "lint", "explain", "get", "plan", "apply", "verify", "delete", "doctor"];

beforeAll(ensureBuilt, 300_000);

/** The pinned text for `name`; UPDATE_GOLDEN=1 rewrites it from `actual` first. A missing file fails the test. */
function golden(name: string, actual: string): string {
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env["UPDATE_GOLDEN"] === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`${file} is missing — run UPDATE_GOLDEN=1 npx jest tests/cli/help.test.ts and review it`);
  return readFileSync(file, "utf8");
}

describe("help", () => {
  test("bucket-cors --help prints the program's help on stdout and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden("bucket-cors", run.stdout));
  });

  test.each(COMMANDS)("bucket-cors %s --help prints the command's complete help", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden(command, run.stdout));
    expect(run.stdout).toContain("Examples:\n  $ bucket-cors " + command);
    expect(run.stdout).toContain("Exit codes:");
    expect(run.stdout).toContain("--json");
  });

  // Issue 19, item 9: a single "\" at the end of an example line inside EXAMPLES (a template literal) is
  // a line continuation, so two lines of the example ran together with the next line's indent inside.
  test.each(COMMANDS)("bucket-cors %s --help: no example line swallowed the line break after its \\", async (command) => {
    const examples = (await runCli([command, "--help"])).stdout.split("\n").filter((line) => line.startsWith("  $ "));
    expect(examples.filter((line) => /\S {2,}\S/.test(line))).toEqual([]);
  });

  test.each(COMMANDS)("bucket-cors help %s prints the same text as --help", async (command) => {
    const [viaHelp, viaFlag] = await Promise.all([runCli(["help", command]), runCli([command, "--help"])]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  test("bucket-cors --version prints the package version", async () => {
    const run = await runCli(["--version"]);
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  test("fails when no command is given: usage on stderr, exit 2", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(golden("bucket-cors", run.stderr));
  });
});
