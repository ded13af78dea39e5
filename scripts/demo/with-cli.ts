import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CorsRule } from "../../provider/model/schema";
import { stage } from "./print";

const ROOT = join(__dirname, "..", "..");

/** True when a `pulumi` binary answers on PATH. */
export function hasPulumiCli(): boolean {
  return spawnSync("pulumi", ["version"], { encoding: "utf8" }).status === 0;
}

/**
 * Runs the quickstart with the real Pulumi CLI and a local file backend in a
 * temporary directory: preview, up, a changed policy previewed and applied.
 * Destroy and cleanup happen in `destroyWithCli`.
 */
export function runWithCli(): { env: NodeJS.ProcessEnv; backend: string; applied: () => CorsRule[] } {
  const backend = mkdtempSync(join(tmpdir(), "bucket-cors-demo-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "bucket-cors-demo", PULUMI_SKIP_UPDATE_CHECK: "true" };
  const pulumi = (...args: string[]) => {
    const run = spawnSync("pulumi", [...args, "--non-interactive", "--stack", "demo"], { cwd: ROOT, env, stdio: "inherit" });
    if (run.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed with exit code ${run.status}`);
  };
  stage("pulumi CLI found: a real preview and up with a local file backend");
  // The program requires "pulumi-bucket-cors", which resolves to this package's dist/ (its exports map).
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`npm run build failed with exit code ${build.status}`);
  spawnSync("pulumi", ["stack", "init", "demo", "--non-interactive"], { cwd: ROOT, env, stdio: "inherit" });
  pulumi("preview");
  pulumi("up", "--yes", "--skip-preview");
  env["QUICKSTART_VARIANT"] = "changed";
  stage("Policy changed (the app rule now allows PUT): preview and up");
  pulumi("preview", "--diff");
  pulumi("up", "--yes", "--skip-preview");
  const applied = () => {
    const out = spawnSync("pulumi", ["stack", "output", "appliedRules", "--json", "--stack", "demo"], { cwd: ROOT, env, encoding: "utf8" });
    return JSON.parse(out.stdout) as CorsRule[];
  };
  return { env, backend, applied };
}

/** Destroys the stack, removes it and the temporary backend. */
export function destroyWithCli(env: NodeJS.ProcessEnv, backend: string): void {
  stage("pulumi destroy");
  spawnSync("pulumi", ["destroy", "--yes", "--non-interactive", "--stack", "demo"], { cwd: ROOT, env, stdio: "inherit" });
  spawnSync("pulumi", ["stack", "rm", "demo", "--yes", "--non-interactive"], { cwd: ROOT, env, stdio: "inherit" });
  rmSync(backend, { recursive: true, force: true });
}
