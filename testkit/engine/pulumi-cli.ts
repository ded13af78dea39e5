import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../host/paths";

/** Where the `pulumi` CLI was found, or why it was not. */
export type PulumiCli = { readonly binDir: string; readonly version: string } | { readonly missing: string };

const INSTALL = "bash scripts/pulumi/install.sh";
const ENGINE_TEST_TIMEOUT_MS = 300_000;

/**
 * The `pulumi` CLI the engine tests use: `$PULUMI_CLI_BIN` (a directory holding `pulumi`), else a
 * finished build of scripts/pulumi/install.sh (never started from a test: a cold build takes
 * minutes), else `pulumi` on PATH. Its directory must also hold `pulumi-resource-pulumi-nodejs`
 * or the project's @pulumi/pulumi provides it (see workspace.ts).
 */
export function findPulumiCli(): PulumiCli {
  const candidates = [process.env["PULUMI_CLI_BIN"], builtBinDir(), binDirOnPath()].filter((dir): dir is string => dir !== undefined && dir !== "");
  for (const binDir of candidates) {
    const version = versionOf(path.join(binDir, "pulumi"));
    if (version !== undefined) return { binDir, version };
  }
  return {
    missing: `the pulumi CLI is not built and not on PATH; build it with ${INSTALL} (it prints where), or set PULUMI_CLI_BIN to the directory holding pulumi`,
  };
}

export function pulumiCliRequired(): boolean {
  return ["1", "true", "yes"].includes((process.env["REQUIRE_PULUMI_CLI"] ?? "").toLowerCase());
}

/**
 * `describe` that runs only with the pulumi CLI. Without it the suite is skipped with the reason
 * in its title; with REQUIRE_PULUMI_CLI=1 (CI) it fails instead.
 */
export function describeWithPulumi(name: string, fn: (cli: () => { binDir: string; version: string }) => void): void {
  // A test here runs up to six pulumi operations of 4–10 s each (more on a loaded machine):
  // the repository's 60 s default is too tight for them.
  jest.setTimeout(ENGINE_TEST_TIMEOUT_MS);
  const cli = findPulumiCli();
  if ("binDir" in cli) {
    describe(name, () => fn(() => cli));
    return;
  }
  if (pulumiCliRequired()) {
    describe(name, () => {
      test("fails when the pulumi CLI is unavailable", () => {
        throw new Error(`REQUIRE_PULUMI_CLI is set: ${cli.missing}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${cli.missing}]`, () =>
    fn(() => {
      throw new Error(cli.missing);
    }));
}

function builtBinDir(): string | undefined {
  try {
    return execFileSync("bash", [path.join(repoRoot(), "scripts/pulumi/install.sh"), "--print-path", "--no-build"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

function binDirOnPath(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    if (dir !== "" && fs.existsSync(path.join(dir, "pulumi"))) return dir;
  }
  return undefined;
}

function versionOf(binary: string): string | undefined {
  if (!fs.existsSync(binary)) return undefined;
  try {
    return execFileSync(binary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" }, timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}
