import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../host/paths";
import type { EngineRoute } from "./routes";

/** Where the `pulumi` CLI was found, or why it was not. */
export type PulumiCli = FoundCli | { readonly missing: string };

export interface FoundCli {
  readonly binDir: string;
  readonly version: string;
}

/** What a suite needs beyond the CLI: the language host runs programs typed in a project directory. */
export interface CliNeeds {
  readonly route?: EngineRoute;
}

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
 * `describe` that runs only with the pulumi CLI (and, for the directory route, the Node.js
 * language host beside it). Without them the suite is skipped with the reason in its title;
 * with REQUIRE_PULUMI_CLI=1 (CI) it fails instead.
 */
export function describeWithPulumi(name: string, fn: (cli: () => FoundCli) => void, needs: CliNeeds = {}): void {
  // A test here runs up to six pulumi operations of 4–10 s each (more on a loaded machine):
  // the repository's 60 s default is too tight for them.
  jest.setTimeout(ENGINE_TEST_TIMEOUT_MS);
  const cli = findPulumiCli();
  const missing = "missing" in cli ? cli.missing : needs.route === "directory" ? languageHostMissing(cli.binDir) : undefined;
  if (missing === undefined && "binDir" in cli) {
    describe(name, () => fn(() => cli));
    return;
  }
  const reason = missing ?? "the pulumi CLI is unavailable";
  if (pulumiCliRequired()) {
    describe(name, () => {
      test("fails when the pulumi CLI or its language host is unavailable", () => {
        throw new Error(`REQUIRE_PULUMI_CLI is set: ${reason}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${reason}]`, () =>
    fn(() => {
      throw new Error(reason);
    }));
}

/** Why programs cannot run from a project directory with the CLI in `binDir`, if they cannot. */
export function languageHostMissing(binDir: string): string | undefined {
  if (fs.existsSync(path.join(binDir, LANGUAGE_HOST))) return undefined;
  return `${LANGUAGE_HOST} is not beside pulumi in ${binDir}, so pulumi cannot run a program from its project directory; build both with ${INSTALL}`;
}

const LANGUAGE_HOST = "pulumi-language-nodejs";

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
