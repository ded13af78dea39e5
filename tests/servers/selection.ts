import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { GlobalConfig, ProjectConfig } from "jest";

// Starting RGW and Swift costs ~4 s and ~370 MB per jest run, so a run whose selected test files
// cannot reach them (`npx jest tests/model`) skips it. The file set computed here is a superset
// of what jest runs (any *.test/*.spec file under the roots that the path patterns select), so the
// answer errs towards starting. A test reaches the servers through real-servers.ts or by reading
// the variables global-setup sets.
const REAL_SERVERS_MODULE = resolve(__dirname, "real-servers.ts");
const MARKERS = ["BCORS_RGW_ENV_FILE", "BCORS_SWIFT_ENV_FILE", "BCORS_VERSITYGW_ENV_FILE"];
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".cjs", ".mjs", "/index.ts", "/index.js"];

/**
 * How many test files the run may select that import real-servers.ts or read its variables,
 * directly or through local imports (0: no server is needed).
 */
export function selectedTestsNeedingServers(globalConfig: GlobalConfig, projectConfig: ProjectConfig): number {
  const patterns = globalConfig.testPathPatterns;
  // With --findRelatedTests the arguments are source files, not test path patterns.
  const matches = patterns.isSet() && !globalConfig.findRelatedTests ? patterns.toExecutor({ rootDir: globalConfig.rootDir }) : undefined;
  const seen = new Map<string, boolean>();
  return projectConfig.roots.flatMap((root) => testFiles(root)).filter((file) => (!matches || matches.isMatch(file)) && reachesServers(file, seen)).length;
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(path);
    return TEST_FILE.test(entry.name) ? [path] : [];
  });
}

function reachesServers(file: string, seen: Map<string, boolean>): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // import cycles end here
  const source = readFileSync(file, "utf8");
  const result =
    file === REAL_SERVERS_MODULE ||
    MARKERS.some((marker) => source.includes(marker)) ||
    [...source.matchAll(LOCAL_IMPORT)].some((match) => {
      const target = resolveLocal(dirname(file), match[1]!);
      return target !== undefined && reachesServers(target, seen);
    });
  seen.set(file, result);
  return result;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(from, specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
