import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { LANGUAGE_HOST, testWithLanguageHost } from "./language-host";

const root = join(__dirname, "..", "..");

/** `npm run demo`'s command with the given PATH; stdout split in lines. */
function demo(path: string): { status: number | null; stderr: string; lines: string[] } {
  // The demo sets its own PULUMI_HOME and backend (a temporary directory), whatever these say.
  const env = { ...process.env, PATH: path, NO_COLOR: "1" };
  const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/demo/index.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 240_000,
  });
  return { status: run.status, stderr: run.stderr, lines: run.stdout.split("\n") };
}

/** The five preflights after the change: the app may now PUT. */
function expectPreflightTable(lines: readonly string[]): void {
  expect(lines.filter((l) => l.startsWith("https://"))).toEqual([
    expect.stringMatching(/^https:\/\/app\.example\.com +GET +- +200 +allowed +same /),
    expect.stringMatching(/^https:\/\/app\.example\.com +PUT +content-type +200 +allowed +same /),
    expect.stringMatching(/^https:\/\/app\.example\.com +DELETE +- +403 +denied +same /),
    expect.stringMatching(/^https:\/\/evil\.example +GET +- +200 +allowed +same /),
    expect.stringMatching(/^https:\/\/evil\.example +PUT +content-type +403 +denied +same /),
  ]);
  expect(lines).toContain("  every live answer matched the evaluator's prediction");
  expect(lines).toContain("Done. Nothing is left running.");
}

/** The demo's temporary directories: its project and backend, and its s3rver's storage (bucket-cors-demo-s3-…). */
const demoDirs = () =>
  readdirSync(tmpdir())
    .filter((name) => name.startsWith("bucket-cors-demo-"))
    .sort();

/** This process's PATH without the directories holding any of `names`. */
function pathWithout(...names: string[]): string[] {
  return (process.env["PATH"] ?? "").split(delimiter).filter((dir) => dir !== "" && !names.some((name) => existsSync(join(dir, name))));
}

/**
 * A directory holding links to `binDir`'s `pulumi` and dynamic provider launcher but not its
 * language host: the CLI on PATH as this repository's source build had it, whatever binDir holds.
 */
function cliWithoutLanguageHost(binDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bcors-demo-path-"));
  for (const name of ["pulumi", "pulumi-resource-pulumi-nodejs"]) {
    if (existsSync(join(binDir, name))) symlinkSync(join(binDir, name), join(dir, name));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The engine's own summaries of the demo's updates (create, update, delete) and its diff of the changed value. */
function expectEngineSummaries(lines: readonly string[]): void {
  expect(lines).toContain("    + 2 to create");
  expect(lines).toContain("    + 2 created");
  expect(lines).toContain("    ~ 1 to update");
  expect(lines).toContain("    ~ 1 updated");
  expect(lines).toContain("    - 2 deleted");
  // The changed policy's pulumi preview --diff: the resource's inputs show the method added as one +
  // (check keeps them as written). The stack output appliedRules, printed after up, is the
  // normalized rules, in the canonical method order.
  const changed = lines.indexOf("==> Policy changed (pulumi config set allowUploads true: the app rule allows PUT): pulumi preview --diff");
  const preview = lines.slice(changed, lines.indexOf("==> pulumi up", changed));
  expect(preview).toContain('                      + [2]: "PUT"');
  expect(preview.join("\n")).not.toContain('"HEAD" => "PUT"');
  expect(lines.join("\n")).not.toContain("NodeVersionSupportWarning");
}

describe("npm run demo", () => {
  test("without the pulumi CLI: the provider host path prints the plan, the per-value diff and the preflight table", () => {
    // Without a pulumi CLI on PATH, whatever this machine has: the stand-in path is the one under test.
    const run = demo(
      (process.env["PATH"] ?? "")
        .split(":")
        .filter((dir) => !existsSync(join(dir, "pulumi")))
        .join(":"),
    );
    expect(run.stderr).not.toContain("demo failed");
    expect(run.status).toBe(0);
    const at = run.lines.indexOf("==> Policy changed (pulumi config set allowUploads true: the app rule allows PUT): pulumi preview --diff (stand-in)");
    expect(at).toBeGreaterThan(0);
    expect(run.lines.slice(at + 1, at + 4)).toEqual([
      "  ~ update  pulumi-nodejs:dynamic/bucket-cors:CorsPolicy quickstart",
      '      + rules[0].allowedMethods[2]: "PUT"',
      "  plan: 1 change, 0 unchanged",
    ]);
    expect(run.lines).toContain("==> pulumi up (stand-in)");
    expect(run.lines).toContain("  destroyed: 1 change, 0 unchanged");
    expectPreflightTable(run.lines);
  }, 300_000);
});

describeWithPulumi("npm run demo with the pulumi CLI on PATH", (cli) => {
  test("without pulumi-language-nodejs: the Automation API runs the program inline; real preview --diff, up, the changed policy and destroy on a temporary file backend, all removed", () => {
    const before = demoDirs();
    const onPath = cliWithoutLanguageHost(cli().binDir);
    try {
      const run = demo([onPath.dir, ...pathWithout("pulumi", LANGUAGE_HOST)].join(delimiter));
      expect(run.stderr).not.toContain("demo failed");
      expect(run.status).toBe(0);
      expect(run.lines).toContain("  no pulumi-language-nodejs on PATH: the Automation API runs the program inline with the real CLI");
      expectEngineSummaries(run.lines);
      expectPreflightTable(run.lines);
    } finally {
      onPath.remove();
    }
    // The temporary project, backend, PULUMI_HOME and s3rver storage are gone.
    expect(demoDirs()).toEqual(before);
  }, 300_000);

  // A normal Pulumi install: pulumi-language-nodejs beside pulumi, both on PATH. The CLI then runs
  // the program in its own process while the demo waits for it.
  testWithLanguageHost(
    "with pulumi-language-nodejs beside it: the CLI runs the program; the same steps pass and everything is removed",
    () => {
      const before = demoDirs();
      const run = demo([cli().binDir, ...pathWithout("pulumi", LANGUAGE_HOST)].join(delimiter));
      expect(run.stderr).not.toContain("demo failed");
      expect(run.status).toBe(0);
      expect(run.lines).toContain("  pulumi-language-nodejs found: the CLI runs the program");
      expectEngineSummaries(run.lines);
      expectPreflightTable(run.lines);
      expect(demoDirs()).toEqual(before);
    },
    300_000,
  );
});
