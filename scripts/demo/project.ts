import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const QUICKSTART = join(ROOT, "examples", "quickstart");
export const STACK = "demo";

/** The quickstart as a project in a temporary directory, with its own backend and PULUMI_HOME. */
export interface DemoProject {
  readonly root: string;
  readonly projectDir: string;
  /** Variables for the CLI: a file backend and PULUMI_HOME under `root`, never the user's ~/.pulumi. */
  readonly env: Record<string, string>;
  remove(): void;
}

/**
 * Copies examples/quickstart into a temporary directory. Its node_modules links this checkout
 * (built first unless up to date: the program requires "pulumi-bucket-cors", which resolves to dist/) and this
 * checkout's @pulumi/pulumi, so the program, the package and the Automation API share one copy.
 */
export function makeProject(): DemoProject {
  // The build prepare runs: nothing when dist/ was built from these sources (npm ci just built it).
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-once.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error(`the build (scripts/build-once.mjs) failed with exit code ${String(build.status)}`);
  const root = mkdtempSync(join(tmpdir(), "bucket-cors-demo-"));
  const projectDir = join(root, "quickstart");
  mkdirSync(join(projectDir, "node_modules", "@pulumi"), { recursive: true });
  mkdirSync(join(root, "backend"));
  mkdirSync(join(root, "home"));
  for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"]) copyFileSync(join(QUICKSTART, file), join(projectDir, file));
  symlinkSync(ROOT, join(projectDir, "node_modules", "pulumi-bucket-cors"), "dir");
  symlinkSync(join(ROOT, "node_modules", "@pulumi", "pulumi"), join(projectDir, "node_modules", "@pulumi", "pulumi"), "dir");
  const env = {
    PULUMI_HOME: join(root, "home"),
    PULUMI_BACKEND_URL: `file://${join(root, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "bucket-cors-demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  return { root, projectDir, env, remove: () => rmSync(root, { recursive: true, force: true }) };
}
