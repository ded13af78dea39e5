/**
 * The dead-export check of `npm run lint` (scripts/check-exports.mjs): every exported value is
 * imported somewhere or belongs to an entry point, but for the ones scripts/dead-exports.txt lists
 * from before the check, a list that may only shrink. The script runs in a child process, as
 * `npm run lint` runs it.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

interface Report {
  readonly checked: number;
  readonly dead: readonly string[];
  readonly added: readonly string[];
  readonly gone: readonly string[];
}

function checkExports(root?: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const args = [path.join(REPO, "scripts", "check-exports.mjs"), "--json", ...(root === undefined ? [] : ["--root", root])];
    execFile(process.execPath, args, { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as Report);
      } catch {
        reject(new Error(`scripts/check-exports.mjs printed no result (${String(error?.message)}):\n${stdout}${stderr}`));
      }
    });
  });
}

test("no export is dead but the listed ones, and every listed one still is", async () => {
  const { checked, added, gone } = await checkExports();
  // A check that found no modules would pass vacuously.
  expect(checked).toBeGreaterThan(300);
  expect({ added, gone }).toEqual({ added: [], gone: [] });
}, 120_000);

describe("on a tree of its own", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "bcors-exports-"));
    mkdirSync(path.join(root, "lib"));
    mkdirSync(path.join(root, "scripts"));
    writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", types: [] }, include: ["lib"] }));
    writeFileSync(path.join(root, "lib", "a.ts"), "export const used = 1;\nexport const unused = 2;\nexport type Kind = 'x';\n");
    writeFileSync(path.join(root, "lib", "b.ts"), 'export { used, unused } from "./a";\n');
    writeFileSync(path.join(root, "lib", "c.test.ts"), 'import { used } from "./b";\nexport const seen = used;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("fails on an exported value nothing imports, at its declaration and at its re-export; types are not checked", async () => {
    writeFileSync(path.join(root, "scripts", "dead-exports.txt"), "# none known\n");
    expect(await checkExports(root)).toEqual({
      checked: 3,
      dead: ["lib/a.ts: unused", "lib/b.ts: unused"],
      added: ["lib/a.ts: unused", "lib/b.ts: unused"],
      gone: [],
    });
  }, 120_000);

  test("fails on a listed export that is no longer dead, so the list only shrinks", async () => {
    writeFileSync(path.join(root, "scripts", "dead-exports.txt"), "lib/a.ts: unused\nlib/b.ts: unused\nlib/a.ts: used\n");
    expect(await checkExports(root)).toEqual({ checked: 3, dead: ["lib/a.ts: unused", "lib/b.ts: unused"], added: [], gone: ["lib/a.ts: used"] });
  }, 120_000);
});
