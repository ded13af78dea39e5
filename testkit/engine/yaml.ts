import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot, tmpRoot } from "../host/paths";
import { describeWithPulumi, pulumiCliRequired, type FoundCli } from "./pulumi-cli";
import { EngineWorkspace } from "./workspace";

/*
 * Pulumi YAML programs on the real engine: the CLI of scripts/pulumi/install.sh and the YAML
 * language host of scripts/pulumi/yaml-host.sh (never built from a test: a cold build takes
 * minutes). A YAML project needs no npm install; its program is Pulumi.yaml itself.
 */

const BUILD = "bash scripts/pulumi/yaml-host.sh";
const HOST = "pulumi-language-yaml";

/** The directory holding pulumi-language-yaml: `$PULUMI_YAML_HOST_BIN`, else a finished build of yaml-host.sh. */
function yamlHostDir(): string | undefined {
  const given = process.env["PULUMI_YAML_HOST_BIN"];
  if (given !== undefined && given !== "") return fs.existsSync(path.join(given, HOST)) ? given : undefined;
  try {
    return execFileSync("bash", [path.join(repoRoot(), "scripts/pulumi/yaml-host.sh"), "--print-path", "--no-build"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * `describe` that runs with the pulumi CLI and the YAML language host; without the host it is
 * skipped with the reason in its title, and with REQUIRE_PULUMI_CLI=1 (CI) it fails instead.
 * `fn` gets the CLI, its bin directory holding the YAML host too.
 */
export function describeWithPulumiYaml(name: string, fn: (cli: () => FoundCli) => void): void {
  const host = yamlHostDir();
  if (host !== undefined) {
    describeWithPulumi(name, (cli) => fn(() => withHost(cli(), host)));
    return;
  }
  const reason = `${HOST} is not built; build it with ${BUILD} (it prints where), or set PULUMI_YAML_HOST_BIN to the directory holding it`;
  if (pulumiCliRequired()) {
    describe(name, () => {
      test("fails when the YAML language host is unavailable", () => {
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

/** One bin directory for the workspace's PATH: the CLI's files and the YAML host, linked (the engine finds language hosts on PATH). */
function withHost(cli: FoundCli, hostDir: string): FoundCli {
  const dir = path.join(tmpRoot(), "yaml-bin", `${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [from, names] of [
    [cli.binDir, fs.readdirSync(cli.binDir)],
    [hostDir, [HOST]],
  ] as const) {
    for (const name of names) {
      const link = path.join(dir, name);
      if (!fs.existsSync(link)) fs.symlinkSync(path.join(from, name), link);
    }
  }
  return { binDir: dir, version: cli.version };
}

/**
 * A `runtime: yaml` project on the engine workspace's backend and home: `Pulumi.yaml` is the
 * program (`yaml` is everything after the project's name and runtime).
 */
export async function yamlWorkspace(cli: FoundCli, project: string, env: Readonly<Record<string, string>> = {}): Promise<EngineWorkspace> {
  // No node_modules: the workspace links the repository's, which a YAML program never reads.
  const installed = { dir: repoRoot(), nodeModules: path.join(repoRoot(), "node_modules"), manifest: { name: project }, pulumiCopies: {} };
  const ws = await EngineWorkspace.create(installed, { project, binDir: cli.binDir, route: "directory", env });
  for (const file of ["package.json", "tsconfig.json", "node_modules"]) fs.rmSync(path.join(ws.projectDir, file), { recursive: true, force: true });
  return ws;
}

/** Writes the YAML program: the project's name and runtime, then `yaml`. */
export function writeYamlProgram(ws: EngineWorkspace, project: string, yaml: string): void {
  fs.writeFileSync(path.join(ws.projectDir, "Pulumi.yaml"), `name: ${project}\nruntime: yaml\n${yaml}`);
}
