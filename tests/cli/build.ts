import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** The repository root (tests/cli/..). */
export const ROOT = join(__dirname, "..", "..");

/** The built CLI entry point the tests run. */
export const MAIN = join(ROOT, "dist", "cli", "main.js");

/** A directory created atomically: whoever creates it builds, the others wait for it to go. */
const LOCK = join(ROOT, "node_modules", ".cache", "bucket-cors-cli-build.lock");

/** A lock older than this was left by a killed run. */
const STALE_MS = 5 * 60_000;

/**
 * Makes sure dist/ holds a build of the current sources, building with
 * `npm run build` when dist/cli/main.js is older than any source file. Test
 * files run in parallel workers, so the build is guarded by a lock directory:
 * one worker builds, the others wait and then re-check.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 4 * 60_000;
  while (!isFresh()) {
    if (tryLock()) {
      try {
        if (!isFresh()) execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "pipe" });
      } catch (error) {
        const e = error as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`npm run build failed:\n${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`);
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for another test worker's build (lock ${LOCK})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function tryLock(): boolean {
  mkdirSync(join(LOCK, ".."), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

function isFresh(): boolean {
  if (!existsSync(MAIN) || existsSync(LOCK)) return false;
  const built = statSync(MAIN).mtimeMs;
  const sources = ["provider", "sdk", "cli"].flatMap((dir) => tsFiles(join(ROOT, dir)));
  sources.push(join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json"));
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
