#!/usr/bin/env node
// `prepare` (npm ci, npm install, npm pack, npm publish): builds dist/ unless it was built from
// exactly these sources. `npm ci && npm pack` ran `prepare` twice, so the checkout route built
// the same sources two or three times (issue 19: 1 m 32 s); now the second run finds the stamp.
//
//   node scripts/build-once.mjs            build (npm run build) unless dist/ is up to date
//   node scripts/build-once.mjs --check    exit 0 when up to date, 1 when not; never builds
//   node scripts/build-once.mjs --stamp    record that dist/ was just built (the end of npm run build)
//
// The stamp, dist/.build-stamp, is a SHA-256 of every input of the build (below); `npm pack`
// does not ship it (package.json "files" lists dist/'s folders only).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = path.join(repo, "dist", ".build-stamp");
/** What the build reads (scripts/build-inputs.json, which the tests' build lock hashes too). */
const { folders: INPUT_FOLDERS, files: INPUT_FILES } = JSON.parse(readFileSync(path.join(repo, "scripts", "build-inputs.json"), "utf8"));
/** What the build writes that the package needs; a stamp without them is stale. */
const OUTPUTS = ["dist/sdk/index.js", "dist/provider/index.js", "dist/cli/bin.js", "dist/cli/bundle.js", "dist/plugin/plugin.js"];

function filesUnder(folder) {
  return (
    readdirSync(path.join(repo, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      // parentPath is Node 20.12+; `path` is its older name (engines: node >= 20).
      .map((entry) => path.relative(repo, path.join(entry.parentPath ?? entry.path, entry.name)))
  );
}

/** SHA-256 over each input's path and content, in a fixed order. */
function inputsHash() {
  const hash = createHash("sha256");
  // A packed copy of the sources may have no lock file.
  const files = [...INPUT_FOLDERS.flatMap(filesUnder), ...INPUT_FILES.filter((file) => existsSync(path.join(repo, file)))].sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(repo, file)))
      .update("\0");
  return hash.digest("hex");
}

function upToDate() {
  return existsSync(STAMP) && OUTPUTS.every((file) => existsSync(path.join(repo, file))) && readFileSync(STAMP, "utf8").trim() === inputsHash();
}

const mode = process.argv[2];
if (mode === "--stamp") {
  writeFileSync(STAMP, `${inputsHash()}\n`);
} else if (mode === "--check") {
  process.exitCode = upToDate() ? 0 : 1;
} else if (mode !== undefined) {
  console.error(`usage: node scripts/build-once.mjs [--check | --stamp]`);
  process.exitCode = 2;
} else if (upToDate()) {
  console.log("dist/ is up to date with the sources (dist/.build-stamp): not building again; npm run build forces a build");
} else {
  const build = spawnSync("npm", ["run", "build"], { cwd: repo, stdio: "inherit" });
  process.exitCode = build.status ?? 1;
}
