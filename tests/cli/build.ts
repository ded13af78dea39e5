import { join } from "node:path";
import { ensureBuilt as ensureRepoBuilt } from "../../testkit/host/build";

/** The repository root (tests/cli/..). */
export const ROOT = join(__dirname, "..", "..");

/** The built CLI entry point the tests run: the package's bin, which runs the bundle. */
export const MAIN = join(ROOT, "dist", "cli", "bin.js");

/**
 * Makes sure dist/ holds a build of the current sources before a test runs the CLI. The build,
 * its lock and its stamp are testkit's (testkit/host/build.ts), shared with the engine tests: one
 * worker builds, whichever test file asks first, and the others wait for it.
 */
export function ensureBuilt(): Promise<void> {
  return ensureRepoBuilt(ROOT);
}
