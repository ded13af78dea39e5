/**
 * The import rules (docs/architecture.md, "Layers"; .dependency-cruiser.cjs): layers point one way,
 * no file-level cycles, nothing outside tests/ imports tests/, the SDK and the CLI never import
 * each other. dependency-cruiser is an ES module, so its API runs in scripts/check-imports.mjs.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  readonly cycle?: readonly string[];
}

function checkImports(): Promise<{ cruised: number; violations: Violation[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO, "scripts", "check-imports.mjs"), "--json"],
      { cwd: REPO, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit 1 means violations, which stdout lists; anything else without JSON is a broken check.
        try {
          resolve(JSON.parse(stdout) as { cruised: number; violations: Violation[] });
        } catch {
          reject(new Error(`scripts/check-imports.mjs printed no result (${String(error?.message)}):\n${stdout}${stderr}`));
        }
      },
    );
  });
}

function line(v: Violation): string {
  return v.cycle === undefined ? `${v.from} → ${v.to} (${v.rule})` : `${v.from} → ${v.to} (${v.rule}: ${[v.from, ...v.cycle].join(" → ")})`;
}

test("no import breaks the layering and no files import each other in a cycle", async () => {
  const { cruised, violations } = await checkImports();
  // A check that found no files would pass vacuously.
  expect(cruised).toBeGreaterThan(150);
  expect(violations.map(line)).toEqual([]);
});
