import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The repository root (tests/cli/..). */
export const ROOT = join(__dirname, "..", "..");

/** The built CLI entry point the tests run: the package's bin, which runs the bundle. */
export const MAIN = join(ROOT, "dist", "cli", "bin.js");

/** The bundle `npm run build` writes last: its time is the build's. */
const BUNDLE = join(ROOT, "dist", "cli", "bundle.js");

/** Where the lock and the per-run stamp live. */
const CACHE = join(ROOT, "node_modules", ".cache");

/** A directory created atomically: whoever creates it builds, the others wait for it to go. */
const LOCK = join(CACHE, "bucket-cors-cli-build.lock");

/**
 * Written once dist/ is known good for this jest run (jest's workers share
 * their parent's pid): later test files must not rebuild while earlier ones
 * are still running the binary, even when other sources changed meanwhile.
 */
const RUN_STAMP = join(CACHE, `bucket-cors-cli-built-for-${process.ppid}`);

/** A stamp older than this belongs to another run (whose parent pid was reused). */
const RUN_STALE_MS = 60 * 60_000;

/** A lock older than this was left by a killed build (a build takes ~10 s). */
const LOCK_STALE_MS = 5 * 60_000;

/**
 * Makes sure dist/ holds a build of the current sources, building with
 * `npm run build` when dist/cli/main.js is older than any source file, at most
 * once per jest run. Test files run in parallel workers, so the build is
 * guarded by a lock directory: one worker builds, the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 4 * 60_000;
  for (;;) {
    if (existsSync(MAIN) && !existsSync(LOCK) && (isRecent(RUN_STAMP, RUN_STALE_MS) || isFresh())) {
      stamp();
      return;
    }
    if (tryLock()) {
      try {
        if (!isFresh()) execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "pipe" });
        stamp();
        return;
      } catch (error) {
        const e = error as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`npm run build failed:\n${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`, { cause: error });
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for another test worker's build (lock ${LOCK})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Marks dist/ good for this run, and drops other runs' stale stamps. */
function stamp(): void {
  mkdirSync(CACHE, { recursive: true });
  for (const name of readdirSync(CACHE)) {
    const file = join(CACHE, name);
    if (name.startsWith("bucket-cors-cli-built-for-") && !isRecent(file, RUN_STALE_MS)) rmSync(file, { force: true });
  }
  writeFileSync(RUN_STAMP, "");
}

function isRecent(file: string, ms: number): boolean {
  return existsSync(file) && Date.now() - statSync(file).mtimeMs < ms;
}

function tryLock(): boolean {
  mkdirSync(CACHE, { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    if (existsSync(LOCK) && !isRecent(LOCK, LOCK_STALE_MS)) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

function isFresh(): boolean {
  if (!existsSync(MAIN) || !existsSync(BUNDLE)) return false;
  const built = Math.min(statSync(MAIN).mtimeMs, statSync(BUNDLE).mtimeMs);
  const sources = ["provider", "sdk", "cli"].flatMap((dir) => tsFiles(join(ROOT, dir)));
  sources.push(join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json"), join(ROOT, "package.json"));
  return sources.every((file) => statSync(file).mtimeMs <= built);
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}
