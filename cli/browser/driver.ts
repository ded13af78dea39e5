import type { Browser } from "playwright-core";
import { failure } from "../exit";

/** The version of the optional `playwright-core` package.json pins, named in the install hint. */
const PLAYWRIGHT_VERSION = "1.65.1";

/**
 * Flags for a quiet, reproducible headless Chromium: without the background-networking ones it
 * reaches out to the internet on start. Playwright's `launch` gives every run a fresh
 * `--user-data-dir` of its own (and refuses one in `args`), so nothing is cached between runs.
 */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

/**
 * `playwright-core`, loaded only when a browser is asked for: it is an optional dependency, and
 * everything else in the package works without it. A failure naming the install command when it is missing.
 */
async function loadPlaywright(): Promise<typeof import("playwright-core")> {
  try {
    return await import("playwright-core");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw failure(`a real browser needs the optional package playwright-core, which is not installed — run: npm install playwright-core@${PLAYWRIGHT_VERSION}`);
  }
}

/** Launches `executablePath` headless with {@link CHROMIUM_FLAGS}, resolving each of `loopbackHosts` to 127.0.0.1. */
export async function launchChromium(executablePath: string, loopbackHosts: readonly string[]): Promise<Browser> {
  const { chromium } = await loadPlaywright();
  const rules = loopbackHosts.map((host) => `MAP ${host} 127.0.0.1`).join(", ");
  const args = [...CHROMIUM_FLAGS, ...(rules === "" ? [] : [`--host-resolver-rules=${rules}`])];
  try {
    return await chromium.launch({ executablePath, args, headless: true });
  } catch (error) {
    throw failure(
      `${executablePath} did not start as a headless browser: ${(error as Error).message.split("\n")[0]} — pass --chrome PATH of a Chrome or Chromium`,
    );
  }
}
