/**
 * docs/architecture.md names files and folders; each must exist, so the document cannot drift
 * from the code unnoticed (issue 21: it said `operations/` did not exist a release after it did).
 * A path is written from the repository root (`sdk/one-per-bucket.ts`) or, inside provider/, from
 * provider/ (`operations/apply.ts`); links are relative to docs/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");
const DOC = readFileSync(path.join(REPO, "docs", "architecture.md"), "utf8");

/** What the document names in backticks that is not a path of this repository, and why. */
const NOT_PATHS: Readonly<Record<string, string>> = {
  "pulumi-bucket-cors/provider": "the package's export name, which provider.ts requires",
  "provider/rules/": "the earlier design notes' folder, named as one that does not exist",
  "cmd/dynamic-provider/index.js": "a file of @pulumi/pulumi (the dynamic provider host), cited as the source of a fact",
  "pkg/backend/snapshot.go": "a file of pulumi/pulumi, cited as the source of a fact",
};

/** Backticked words that look like paths (a slash, or a file name with an extension), and link targets. */
function namedPaths(text: string): string[] {
  const ticked = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  const linked = [...text.matchAll(/\]\(([^)#\s:]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
  const pathLike = (t: string) => /^[\w.-]+(\/[\w.*-]*)+$/.test(t) || /^[\w-]+\.(ts|md|cjs|mjs|js|json)$/.test(t);
  return [...new Set([...ticked.filter(pathLike), ...linked])].sort();
}

function exists(named: string): boolean {
  const bare = named.replace(/\/$/, "");
  return ["", "provider", "docs"].some((base) => ["", ".ts"].some((ext) => existsSync(path.join(REPO, base, `${bare}${ext}`))));
}

test("every file and folder docs/architecture.md names exists", () => {
  const named = namedPaths(DOC);
  // A document whose paths were not found would pass vacuously.
  expect(named.length).toBeGreaterThan(60);
  // Paths under the git-ignored .tmp/ (the tests' build lock and stamp) are made at run time: a fresh clone has none yet.
  expect(named.filter((p) => !(p in NOT_PATHS) && !p.startsWith(".tmp/") && !exists(p))).toEqual([]);
});

test("what it names as not a path of this repository is none", () => {
  expect(Object.keys(NOT_PATHS).filter((p) => exists(p) || !DOC.includes(`\`${p}\``))).toEqual([]);
});

test("the folder tree lists every folder of provider/", () => {
  const tree = DOC.slice(DOC.indexOf("## Folders"), DOC.indexOf("## What depends on what"));
  const folders = readdirSync(path.join(REPO, "provider"), { withFileTypes: true }).filter((e) => e.isDirectory());
  expect(folders.map((e) => `${e.name}/`).filter((name) => !tree.includes(`\n  ${name} `))).toEqual([]);
});
