import * as fs from "fs";
import * as path from "path";
import { run } from "./exec";
import { hashFiles } from "./publish";
import { tmpRoot } from "./paths";

/** What `npm run build` (tsc -p tsconfig.build.json, the bundles and the plugin archive) reads. */
const BUILD_INPUTS = ["provider", "sdk", "cli", "plugin", "package.json", "tsconfig.json", "tsconfig.build.json"];

/**
 * Runs `npm run build` unless dist/ was built from exactly the current sources (the build's own
 * stamp, scripts/build-once.mjs, which `npm ci` leaves; or a stamp under .tmp recording their
 * hash), then returns the content hash of dist/ + package.json: the key of the packed project.
 * Callers hold buildLock() from here until they have packed. Rebuilding what `npm ci` had just
 * built rewrote dist/plugin under engine tests already running it (stop 27's CI).
 */
export async function buildPackage(repo: string, force = false): Promise<string> {
  const stamp = path.join(tmpRoot(repo), "build-stamp");
  const sources = hashFiles(repo, BUILD_INPUTS);
  const fresh = fs.existsSync(path.join(repo, "dist")) && (readIfExists(stamp) === sources || (await builtByPrepare(repo)));
  if (force || !fresh) {
    await run("npm", ["run", "build", "--silent"], repo);
    fs.writeFileSync(stamp, sources);
  }
  return hashFiles(repo, ["dist", "package.json"]);
}

/** Lock directory serializing build + hash + pack across jest workers. */
export function buildLock(repo: string): string {
  return path.join(tmpRoot(repo), "locks", "build");
}

/** `npm pack`s the repo into `destDir` and returns the tarball path. */
export async function packPackage(repo: string, destDir: string): Promise<string> {
  const out = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destDir], repo);
  const [info] = JSON.parse(out) as { filename: string }[];
  if (info === undefined) throw new Error(`npm pack printed no tarball: ${out}`);
  return path.join(destDir, info.filename);
}

/** Installs a packed tarball the fast way: its `package/` becomes node_modules/<name>. */
export async function installTarball(tarball: string, nodeModules: string, name: string): Promise<void> {
  const unpack = fs.mkdtempSync(path.join(path.dirname(tarball), "unpack-"));
  await run("tar", ["-xzf", tarball, "-C", unpack], unpack);
  fs.mkdirSync(nodeModules, { recursive: true });
  fs.renameSync(path.join(unpack, "package"), path.join(nodeModules, name));
  fs.rmSync(unpack, { recursive: true, force: true });
}

/** Whether scripts/build-once.mjs --check finds dist/ built from these sources (false where the repo has no such script). */
async function builtByPrepare(repo: string): Promise<boolean> {
  const script = path.join(repo, "scripts", "build-once.mjs");
  if (!fs.existsSync(script)) return false;
  return run("node", [script, "--check"], repo).then(
    () => true,
    () => false,
  );
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}
