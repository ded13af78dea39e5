import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { buildLock, buildPackage, installTarball, packPackage } from "./build";
import { fixturePackage } from "./fixture";
import type { Installable } from "./installable";
import { withLock } from "./lock";
import { repoRoot, tmpRoot } from "./paths";
import { publishDir } from "./publish";

export interface ProjectOptions {
  /** "package" (default): the built, `npm pack`ed repo. "fixture": the harness's own fixture provider. */
  readonly source?: "package" | "fixture";
  /** Rebuild even when dist/ matches the sources. */
  readonly forceBuild?: boolean;
  readonly repo?: string;
}

export interface PulumiProject {
  /** The project directory: the cwd of programs and of the provider host. */
  readonly dir: string;
  /** The package installed in it (what programs `require`). */
  readonly packageName: string;
}

const PACKAGE_NAME = "pulumi-bucket-cors";

/**
 * A Pulumi project directory under `<repo>/.tmp/host-projects/` with one package installed in
 * node_modules; everything else resolves by walking up to the repo's node_modules. Projects are
 * keyed by content and published atomically, so concurrent jest workers share one and a repeat
 * run only pays for the build check and the hash.
 */
export async function preparePulumiProject(options: ProjectOptions = {}): Promise<PulumiProject> {
  const repo = options.repo ?? repoRoot();
  if (options.source === "fixture") return publishProject(repo, fixturePackage());
  // dist/ must not change between hashing it and packing it.
  return withLock(buildLock(repo), async () => publishProject(repo, await packedPackage(repo, options.forceBuild)));
}

async function publishProject(repo: string, installable: Installable): Promise<PulumiProject> {
  const dir = path.join(tmpRoot(repo), "host-projects", `${installable.name}-${shortHash(installable.key)}`);
  await publishDir(dir, async (staging) => {
    writeProjectFiles(staging, installable.name);
    await installable.install(path.join(staging, "node_modules"));
  });
  return { dir, packageName: installable.name };
}

async function packedPackage(repo: string, forceBuild = false): Promise<Installable> {
  const key = await buildPackage(repo, forceBuild);
  return {
    name: PACKAGE_NAME,
    key,
    async install(nodeModules) {
      const packDir = path.join(path.dirname(nodeModules), ".pack");
      fs.mkdirSync(packDir, { recursive: true });
      await installTarball(await packPackage(repo, packDir), nodeModules, PACKAGE_NAME);
      fs.rmSync(packDir, { recursive: true, force: true });
    },
  };
}

function writeProjectFiles(dir: string, dependency: string): void {
  // The name is a placeholder: the host and the program runner get the project name from env.
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: harness\nruntime: nodejs\n");
  const manifest = { name: "harness-project", private: true, dependencies: { [dependency]: "*" } };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

function shortHash(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 16);
}
