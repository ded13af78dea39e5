import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { buildLock, buildPackage, packPackage } from "../host/build";
import { run } from "../host/exec";
import { withLock } from "../host/lock";
import { repoRoot, tmpRoot } from "../host/paths";
import { publishDir } from "../host/publish";
import { TEMPLATE_DEV_DEPENDENCIES } from "./template";

export interface InstalledProjectOptions {
  /**
   * The @pulumi/pulumi the project depends on. Default: the version this repository tests with
   * (its own devDependency).
   */
  readonly pulumiVersion?: string;
  /** Rewrites the packed package.json's version (an "upgrade" of this package between two runs). */
  readonly packageVersion?: string;
  /** More dependencies of the user's program (name → version range). */
  readonly extraDependencies?: Readonly<Record<string, string>>;
}

/** A directory whose node_modules holds what a user's project would: this package from its tarball, @pulumi/pulumi, TypeScript. */
export interface InstalledProject {
  readonly dir: string;
  readonly nodeModules: string;
  /** The package.json written (what `npm install` resolved from). */
  readonly manifest: Record<string, unknown>;
  /** The installed @pulumi/pulumi version(s), by location (more than one means npm nested a copy). */
  readonly pulumiCopies: Readonly<Record<string, string>>;
}

/** The version of @pulumi/pulumi this repository is developed and tested with. */
export function testedPulumiVersion(repo = repoRoot()): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  const range = manifest["devDependencies"]?.["@pulumi/pulumi"] ?? manifest["dependencies"]?.["@pulumi/pulumi"];
  if (range === undefined || !/^\d+\.\d+\.\d+$/.test(range)) throw new Error(`package.json pins no exact @pulumi/pulumi (got ${String(range)})`);
  return range;
}

/**
 * Packs the repository (building it first when its sources changed) and installs the tarball with
 * `npm install`, as a user does, into `.tmp/engine-projects/<hash>/` together with @pulumi/pulumi
 * and the `pulumi new typescript` template's dev dependencies. Keyed by content: a rerun reuses it.
 */
export async function installedProject(options: InstalledProjectOptions = {}): Promise<InstalledProject> {
  const repo = repoRoot();
  const pulumiVersion = options.pulumiVersion ?? testedPulumiVersion(repo);
  return withLock(buildLock(repo), async () => {
    const packageKey = await buildPackage(repo);
    const key = hash(JSON.stringify({ packageKey, pulumiVersion, packageVersion: options.packageVersion, extra: options.extraDependencies }));
    const dir = path.join(tmpRoot(repo), "engine-projects", key.slice(0, 16));
    await publishDir(dir, async (staging) => {
      const tarball = await packPackage(repo, staging);
      const local = options.packageVersion === undefined ? tarball : await withVersion(tarball, options.packageVersion);
      const manifest = {
        name: "engine-project",
        private: true,
        dependencies: { "@pulumi/pulumi": pulumiVersion, "pulumi-bucket-cors": `file:./${path.basename(local)}`, ...options.extraDependencies },
        devDependencies: TEMPLATE_DEV_DEPENDENCIES,
      };
      fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], staging);
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    return { dir, nodeModules: path.join(dir, "node_modules"), manifest, pulumiCopies: pulumiCopies(path.join(dir, "node_modules")) };
  });
}

/** Repacks a tarball with another package.json version (same files otherwise). */
async function withVersion(tarball: string, version: string): Promise<string> {
  const work = fs.mkdtempSync(path.join(path.dirname(tarball), "repack-"));
  await run("tar", ["-xzf", tarball, "-C", work], work);
  const manifestPath = path.join(work, "package", "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  fs.writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  const out = path.join(path.dirname(tarball), `pulumi-bucket-cors-${version}.tgz`);
  await run("tar", ["-czf", out, "-C", work, "package"], work);
  fs.rmSync(work, { recursive: true, force: true });
  return out;
}

/** Every installed copy of @pulumi/pulumi below a node_modules, by path relative to it. */
function pulumiCopies(nodeModules: string): Record<string, string> {
  const copies: Record<string, string> = {};
  const visit = (dir: string, depth: number): void => {
    if (depth > 6 || !fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(".")) continue;
      const entry = path.join(dir, name);
      if (name.startsWith("@")) {
        for (const scoped of fs.readdirSync(entry)) visitPackage(path.join(entry, scoped), `${name}/${scoped}`, depth);
      } else {
        visitPackage(entry, name, depth);
      }
    }
  };
  const visitPackage = (dir: string, name: string, depth: number): void => {
    if (name === "@pulumi/pulumi") {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
      copies[path.relative(nodeModules, dir)] = manifest.version;
    }
    visit(path.join(dir, "node_modules"), depth + 1);
  };
  visit(nodeModules, 0);
  return copies;
}

function hash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
