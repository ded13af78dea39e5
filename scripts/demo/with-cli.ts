import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import * as ts from "typescript";
import type { CorsRule } from "../../provider/model/schema";
import { stage } from "./print";
import { STACK, type DemoProject } from "./project";

/** The directory on PATH holding `name`, if any. */
function onPath(name: string): string | undefined {
  return (process.env["PATH"] ?? "").split(delimiter).find((dir) => dir !== "" && existsSync(join(dir, name)));
}

/** True when a `pulumi` binary answers on PATH. */
export function hasPulumiCli(): boolean {
  return spawnSync("pulumi", ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).status === 0;
}

/** What the demo does with the CLI: the same steps whether the CLI runs the program or the demo does. */
interface Driver {
  readonly route: string;
  preview(): Promise<void>;
  up(): Promise<void>;
  destroy(): Promise<void>;
  appliedRules(): Promise<CorsRule[]>;
}

/** `pulumi …` in the project; throws on a non-zero exit. Output goes to the terminal. */
function cli(project: DemoProject, args: readonly string[], capture = false): string {
  const run = spawnSync("pulumi", [...args, "--non-interactive", "--stack", STACK], {
    cwd: project.projectDir,
    env: { ...process.env, ...project.env },
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
  if (run.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed with exit code ${String(run.status)}`);
  // Without capture stdout is inherited and run.stdout is null.
  return capture ? run.stdout : "";
}

/** A normal Pulumi install has the Node.js language host: the CLI runs the program itself. */
function languageHostDriver(project: DemoProject): Driver {
  return {
    route: "pulumi-language-nodejs found: the CLI runs the program",
    preview: async () => {
      cli(project, ["preview", "--diff"]);
    },
    up: async () => {
      cli(project, ["up", "--yes", "--skip-preview"]);
    },
    destroy: async () => {
      cli(project, ["destroy", "--yes", "--skip-preview"]);
    },
    appliedRules: async () => JSON.parse(cli(project, ["stack", "output", "appliedRules", "--json"], true)) as CorsRule[],
  };
}

/**
 * Without `pulumi-language-nodejs` (this repository's source build of the CLI has none), the
 * Automation API runs the program inline: the real CLI does the preview, up and destroy and
 * connects back to this process for the program.
 */
async function inlineDriver(project: DemoProject): Promise<Driver> {
  const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
  const source = readFileSync(join(project.projectDir, "index.ts"), "utf8");
  const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  mkdirSync(join(project.projectDir, "bin"), { recursive: true });
  const main = join(project.projectDir, "bin", "index.js");
  writeFileSync(main, compiled);
  const program = async () => {
    // Every run reads the config afresh, as a new process would.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- dropping one module from require's cache
    delete require.cache[require.resolve(main)];
    return { ...(require(main) as Record<string, unknown>) };
  };
  const stack = await LocalWorkspace.selectStack(
    { stackName: STACK, projectName: "bucket-cors-quickstart", program },
    { workDir: project.projectDir, envVars: project.env },
  );
  const print = { onOutput: (text: string) => process.stdout.write(text), color: "never" as const };
  return {
    route: "no pulumi-language-nodejs on PATH: the Automation API runs the program inline with the real CLI",
    preview: async () => {
      await stack.preview({ ...print, diff: true });
    },
    up: async () => {
      await stack.up(print);
    },
    destroy: async () => {
      await stack.destroy(print);
    },
    appliedRules: async () => (await stack.outputs())["appliedRules"]?.value as CorsRule[],
  };
}

/**
 * Runs the quickstart with the real Pulumi CLI on a file backend in the project's temporary
 * directory: preview --diff, up, a changed policy (allowUploads) previewed and applied.
 * Returns the destroy step and the applied rules.
 */
export async function runWithCli(
  project: DemoProject,
  endpoint: string,
  bucket: string,
  key: string,
): Promise<{ destroy: () => Promise<void>; applied: () => Promise<CorsRule[]> }> {
  stage(`pulumi CLI found: a real preview and up with a local file backend in ${project.root}`);
  const run = spawnSync("pulumi", ["stack", "init", STACK, "--non-interactive", "--secrets-provider", "passphrase"], {
    cwd: project.projectDir,
    env: { ...process.env, ...project.env },
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error(`pulumi stack init failed with exit code ${String(run.status)}`);
  for (const [k, v] of [
    ["bucket", bucket],
    ["endpoint", endpoint],
    ["bucket-cors:accessKeyId", key],
  ])
    cli(project, ["config", "set", k!, v!]);
  cli(project, ["config", "set", "--secret", "bucket-cors:secretAccessKey", key]);
  const driver = onPath("pulumi-language-nodejs") === undefined ? await inlineDriver(project) : languageHostDriver(project);
  console.log(`  ${driver.route}`);
  stage("pulumi preview --diff");
  await driver.preview();
  stage("pulumi up");
  await driver.up();
  stage("Policy changed (pulumi config set allowUploads true: the app rule allows PUT): pulumi preview --diff");
  cli(project, ["config", "set", "allowUploads", "true"]);
  await driver.preview();
  stage("pulumi up");
  await driver.up();
  return {
    applied: () => driver.appliedRules(),
    destroy: async () => {
      stage("pulumi destroy");
      await driver.destroy();
    },
  };
}
