import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { usageError } from "../exit";

/** Executable names of Chrome and Chromium on Linux and macOS, tried in this order on PATH. */
const CHROME_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

/** Where installers put Chrome and Chromium outside PATH. */
const CHROME_PATHS = [
  "/usr/bin/chromium",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** How to get a browser, named in the error when none is found. */
const INSTALL_CHROME_HINT = "install one (Debian/Ubuntu: apt-get install -y chromium; macOS: brew install --cask chromium) or pass --chrome PATH";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chrome or Chromium to drive: `explicit` (`--chrome PATH`) when given, else the first of
 * {@link CHROME_NAMES} on PATH, else a usual install location. A usage error naming how to
 * install one when there is none.
 */
export function findChrome(explicit: string | undefined, path: string = process.env["PATH"] ?? ""): string {
  if (explicit !== undefined) {
    if (executable(explicit)) return explicit;
    throw usageError(`--chrome ${JSON.stringify(explicit)} is not an executable file — pass the path of a Chrome or Chromium binary`);
  }
  const dirs = path.split(delimiter).filter((d) => d !== "");
  for (const name of CHROME_NAMES) {
    for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  }
  const found = CHROME_PATHS.find(executable);
  if (found !== undefined) return found;
  throw usageError(`no Chrome or Chromium found (looked for ${CHROME_NAMES.join(", ")} on PATH) — ${INSTALL_CHROME_HINT}`);
}
