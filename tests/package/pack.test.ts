import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../testkit/host/exec";
import { repoRoot, tmpRoot } from "../../testkit/host/paths";

/*
 * `npm pack` in a fresh clone (no dist/) ships the compiled package: the `prepare` script builds it
 * first (npm runs prepare before packing, and after `npm ci` in a clone, so the bin works there too).
 * A copy of the sources without dist/ stands in for the clone; it shares the repo's node_modules.
 */

const repo = repoRoot();
/** What a clone needs to build and pack; dist/ is deliberately absent. */
const SOURCES = [
  "provider",
  "sdk",
  "cli",
  "plugin",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "README.md",
  "LICENSE",
  "scripts/build-once.mjs",
  "scripts/build-inputs.json",
  "scripts/dist-outputs.mjs",
  "scripts/plugin-archive.mjs",
];

/** What an earlier build of older sources left in dist/: tsc never deletes it (provider/backends/* moved into rooms). */
const STALE = ["dist/provider/old-thing.js", "dist/provider/retired/old-client.js", "dist/cli/old-command.d.ts"];

interface PackResult {
  readonly files: readonly { readonly path: string }[];
}

let clone: string;
let packed: string[];

beforeAll(async () => {
  fs.mkdirSync(tmpRoot(repo), { recursive: true });
  clone = fs.mkdtempSync(path.join(tmpRoot(repo), "pack-clone-"));
  for (const entry of SOURCES) fs.cpSync(path.join(repo, entry), path.join(clone, entry), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(clone, "node_modules"), "dir");
  for (const file of STALE) {
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.writeFileSync(path.join(clone, file), "exports.stale = true;\n");
  }
  const [result] = JSON.parse(await run("npm", ["pack", "--dry-run", "--json"], clone)) as PackResult[];
  packed = (result?.files ?? []).map((f) => f.path).sort();
}, 300_000);

afterAll(() => {
  fs.rmSync(clone, { recursive: true, force: true });
});

test("npm pack builds first: the tarball holds dist/, the LICENSE, the README and package.json, and no sources", () => {
  expect([...new Set(packed.map((p) => p.split("/")[0]))]).toEqual(["LICENSE", "README.md", "dist", "package.json"]);
  expect(packed).toEqual(
    expect.arrayContaining(["dist/cli/bin.js", "dist/cli/bundle.js", "dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/provider/index.js", "LICENSE"]),
  );
});

test("the bin the tarball declares is in it and starts with a node shebang", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(clone, "package.json"), "utf8")) as { bin: Record<string, string> };
  expect(manifest.bin).toEqual({ "bucket-cors": "dist/cli/bin.js" });
  expect(packed).toContain("dist/cli/bin.js");
  expect(fs.readFileSync(path.join(clone, "dist", "cli", "bin.js"), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
});

// Issue 12, item 10: the bin runs one esbuild bundle; it must need nothing outside the tarball but Node.
test("the bin runs from the packed files alone, without node_modules", async () => {
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-cors-pack-bin-")); // outside the repo: no node_modules above it
  try {
    for (const file of ["package.json", "dist/cli/bin.js", "dist/cli/bundle.js"]) fs.cpSync(path.join(clone, file), path.join(unpacked, file));
    const version = (JSON.parse(fs.readFileSync(path.join(clone, "package.json"), "utf8")) as { version: string }).version;
    expect((await run(process.execPath, [path.join(unpacked, "dist", "cli", "bin.js"), "--version"], unpacked)).trim()).toBe(version);
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
});

test("the LICENSE is the Apache License 2.0 that package.json names", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(clone, "package.json"), "utf8")) as { license: string };
  const license = fs.readFileSync(path.join(clone, "LICENSE"), "utf8");
  expect(manifest.license).toBe("Apache-2.0");
  expect(
    license
      .split("\n")
      .slice(1, 4)
      .map((l) => l.trim()),
  ).toEqual(["Apache License", "Version 2.0, January 2004", "http://www.apache.org/licenses/"]);
});

// Issue 19: `npm ci && npm pack` ran prepare twice, building the same sources twice.
test("a second npm pack builds nothing: prepare finds dist/ built from these very sources", () => {
  const again = spawnSync("npm", ["pack", "--dry-run"], { cwd: clone, encoding: "utf8" });
  expect(again.status).toBe(0);
  const output = again.stdout + again.stderr;
  expect(output).toContain("\ndist/ is up to date with the sources (dist/.build-stamp): not building again; npm run build forces a build\n");
  expect(output).not.toContain("dist-outputs.mjs --compile");
  // The stamp stays out of the tarball: it describes this checkout's dist/, not the package.
  expect(fs.existsSync(path.join(clone, "dist", ".build-stamp"))).toBe(true);
  expect(packed).not.toContain("dist/.build-stamp");
});

test("fails the up-to-date check when a source changes, and passes again when it is restored", () => {
  const check = () => spawnSync(process.execPath, ["scripts/build-once.mjs", "--check"], { cwd: clone }).status;
  const file = path.join(clone, "sdk", "index.ts");
  const source = fs.readFileSync(file, "utf8");
  expect(check()).toBe(0);
  try {
    fs.writeFileSync(file, `${source}// edited\n`);
    expect(check()).toBe(1);
  } finally {
    fs.writeFileSync(file, source);
  }
  expect(check()).toBe(0);
});

test("the build deletes what no source makes any more: stale files are neither in dist/ nor in the tarball", () => {
  expect(STALE.filter((file) => fs.existsSync(path.join(clone, file)))).toEqual([]);
  expect(fs.existsSync(path.join(clone, "dist", "provider", "retired"))).toBe(false);
  expect(packed.filter((file) => file.includes("old-"))).toEqual([]);
});

test("the tarball's dist/{provider,sdk,cli} is exactly what tsc emitted plus the CLI bundle", () => {
  const emitted = fs
    .readFileSync(path.join(clone, "dist", ".emitted"), "utf8")
    .split("\n")
    .filter(Boolean);
  expect(emitted).toContain("dist/provider/index.js");
  expect(packed.filter((file) => /^dist\/(provider|sdk|cli)\//.test(file))).toEqual([...emitted, "dist/cli/bundle.js"].sort());
  expect(packed).not.toContain("dist/.emitted");
});
