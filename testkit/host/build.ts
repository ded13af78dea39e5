import * as fs from "fs";
import * as path from "path";
import { run } from "./exec";
import { withLock } from "./lock";
import { hashFiles } from "./publish";
import { repoRoot, tmpRoot } from "./paths";

/** What `npm run build` reads: the list scripts/build-once.mjs hashes for its own stamp. */
const BUILD_INPUTS = buildInputs();

function buildInputs(): string[] {
  const { folders, files } = JSON.parse(fs.readFileSync(path.join(repoRoot(), "scripts", "build-inputs.json"), "utf8")) as {
    folders: string[];
    files: string[];
  };
  return [...folders, ...files];
}

/** The source hash this process last saw built or checked, by repo: a repeat call only hashes the sources. */
const knownBuilt = new Map<string, string>();

/**
 * Makes dist/ a build of the current sources, for every test that runs it (the CLI's files, the
 * engine's, the host's): one lock, one stamp, so two jest workers never build at once whichever
 * asks first. Returns at once, without the lock, when this process or another worker already saw
 * these sources built or checked. `force` builds even then.
 */
export async function ensureBuilt(repo: string, force = false): Promise<void> {
  if (!force && isKnownBuilt(repo, hashFiles(repo, BUILD_INPUTS))) return;
  await withLock(buildLock(repo), () => buildIfStale(repo, force));
}

/**
 * ensureBuilt for callers already holding buildLock(repo) until they have packed, then the content
 * hash of dist/ + package.json: the key of the packed project. Rebuilding what `npm ci` had just
 * built rewrote dist/plugin under engine tests already running it (stop 27's CI).
 */
export async function buildPackage(repo: string, force = false): Promise<string> {
  await buildIfStale(repo, force);
  return hashFiles(repo, ["dist", "package.json"]);
}

/**
 * Runs `npm run build` unless dist/ was built from exactly the current sources: known to this
 * process, recorded in .tmp/build-stamp by a worker of this or an earlier run, or found current by
 * scripts/build-once.mjs --check (the build's own stamp, which `npm ci` leaves). That check is a
 * process hashing every source, so its answer is recorded too: it runs once per source change, not
 * once per test file. The caller holds buildLock(repo).
 */
async function buildIfStale(repo: string, force: boolean): Promise<void> {
  const sources = hashFiles(repo, BUILD_INPUTS);
  if (!force && isKnownBuilt(repo, sources)) return;
  if (force || !fs.existsSync(path.join(repo, "dist")) || !(await builtByPrepare(repo))) await run("npm", ["run", "build", "--silent"], repo);
  fs.mkdirSync(tmpRoot(repo), { recursive: true });
  fs.writeFileSync(stampFile(repo), sources);
  knownBuilt.set(repo, sources);
}

function isKnownBuilt(repo: string, sources: string): boolean {
  if (!fs.existsSync(path.join(repo, "dist"))) return false;
  if (knownBuilt.get(repo) === sources) return true;
  // Written only after a build or a passed check, under the lock: equal means complete.
  if (readIfExists(stampFile(repo)) !== sources) return false;
  knownBuilt.set(repo, sources);
  return true;
}

function stampFile(repo: string): string {
  return path.join(tmpRoot(repo), "build-stamp");
}

/** Lock directory serializing build + hash + pack across jest workers (and ensureBuilt's build). */
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
