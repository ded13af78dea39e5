/**
 * The import rules (docs/architecture.md, "Layers"; .dependency-cruiser.cjs): layers point one way,
 * no file-level cycles, nothing outside tests/ imports tests/, testkit/ never imports scripts/, the
 * SDK and the CLI never import each other, inside the CLI only cli/program.ts imports the commands, and backends/s3, swift and http keep apart. dependency-cruiser is an ES module, so its API runs in
 * scripts/check-imports.mjs.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  readonly cycle?: readonly string[];
}

/** Runs the check on this repository, or with `root` on another tree laid out like it. */
function checkImports(root?: string): Promise<{ cruised: number; violations: Violation[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO, "scripts", "check-imports.mjs"), "--json", ...(root === undefined ? [] : ["--root", root])],
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

test("fails when testkit/ imports scripts/: the launcher both share belongs in testkit/", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "bcors-imports-"));
  try {
    for (const folder of ["testkit", "scripts"]) mkdirSync(path.join(root, folder));
    writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", strict: true } }));
    writeFileSync(path.join(root, "scripts", "launch.ts"), "export const PORT = 4568;\n");
    writeFileSync(path.join(root, "testkit", "server.ts"), 'import { PORT } from "../scripts/launch";\nexport const port = PORT;\n');
    writeFileSync(path.join(root, "scripts", "run.ts"), 'import { port } from "../testkit/server";\nexport const used = port;\n');
    const { cruised, violations } = await checkImports(root);
    expect([cruised, violations.map(line)]).toEqual([3, ["testkit/server.ts → scripts/launch.ts (testkit-not-scripts)"]]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("fails when a room of the CLI imports a command: only cli/program.ts imports cli/commands/", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "bcors-imports-"));
  try {
    for (const folder of ["cli/commands", "cli/output"]) mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", strict: true } }));
    writeFileSync(path.join(root, "cli", "commands", "get.ts"), "export const NAME = 'get';\n");
    writeFileSync(path.join(root, "cli", "output", "title.ts"), 'import { NAME } from "../commands/get";\nexport const title = NAME;\n');
    writeFileSync(
      path.join(root, "cli", "program.ts"),
      'import { NAME } from "./commands/get";\nimport { title } from "./output/title";\nexport const all = [NAME, title];\n',
    );
    const { cruised, violations } = await checkImports(root);
    expect([cruised, violations.map(line)]).toEqual([3, ["cli/output/title.ts → cli/commands/get.ts (cli-commands-on-top)"]]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("fails when a room of backends/ reaches into another: s3/ and swift/ share only http/, and the shared files sit below them", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "bcors-imports-"));
  try {
    for (const folder of ["s3", "swift", "http"]) mkdirSync(path.join(root, "provider", "backends", folder), { recursive: true });
    writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", strict: true } }));
    const file = (name: string, text: string) => writeFileSync(path.join(root, "provider", "backends", name), text);
    file("http/request.ts", "export const send = 1;\n");
    file("http/trace.ts", 'import { md5 } from "../s3/md5";\nexport const trace = md5;\n');
    file("s3/md5.ts", 'import { send } from "../http/request";\nexport const md5 = send;\n');
    file("swift/backend.ts", 'import { send } from "../http/request";\nimport { md5 } from "../s3/md5";\nexport const swift = send + md5;\n');
    file("failure.ts", 'import { swift } from "./swift/backend";\nexport const failure = swift;\n');
    file("for-target.ts", 'import { md5 } from "./s3/md5";\nimport { swift } from "./swift/backend";\nexport const pick = md5 + swift;\n');
    const { cruised, violations } = await checkImports(root);
    expect([cruised, violations.map(line)]).toEqual([
      6,
      [
        "provider/backends/http/trace.ts → provider/backends/s3/md5.ts (backends-rooms-apart)",
        "provider/backends/swift/backend.ts → provider/backends/s3/md5.ts (backends-rooms-apart)",
        "provider/backends/failure.ts → provider/backends/swift/backend.ts (backends-rooms-on-top)",
      ],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
