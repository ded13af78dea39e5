#!/usr/bin/env node
// What dist/{provider,sdk,cli} holds: the outputs of the current build and nothing else. tsc never
// deletes the outputs of a removed or moved source, and `npm pack` ships whatever dist/ holds (after
// provider/backends/* moved into rooms, a developer's dist/ kept the old .js files).
//
//   node scripts/dist-outputs.mjs --compile   tsc -p tsconfig.build.json, recording the files it
//                                             wrote (--listEmittedFiles) in dist/.emitted
//   node scripts/dist-outputs.mjs --prune     deletes every file under dist/{provider,sdk,cli} that is
//                                             neither in dist/.emitted nor the CLI bundle
//
// Pruning deletes only what no build step writes, so a live output never disappears, not even for a
// moment: test workers may be running dist/ while another worker builds (under testkit's build lock).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EMITTED = path.join(repo, "dist", ".emitted");
/** The folders `npm pack` ships (package.json "files") that tsc writes into. */
const PRUNED = ["dist/provider", "dist/sdk", "dist/cli"];
/** tsc prints each file it wrote as `TSFILE: <absolute path>` (TypeScript's --listEmittedFiles). */
const TSFILE = "TSFILE: ";

function compile() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--listEmittedFiles"], { cwd: repo, encoding: "utf8" });
  const lines = result.stdout.split("\n");
  // Type errors come on stdout too: show them as tsc would.
  const others = lines.filter((line) => !line.startsWith(TSFILE)).join("\n");
  if (others.trim() !== "") process.stdout.write(others.endsWith("\n") ? others : `${others}\n`);
  process.stderr.write(result.stderr);
  if (result.status !== 0) return result.status ?? 1;
  const emitted = lines.filter((line) => line.startsWith(TSFILE)).map((line) => path.relative(repo, line.slice(TSFILE.length).trim()));
  // Renamed into place: a killed build never leaves half a list for --prune to trust.
  writeFileSync(`${EMITTED}.${process.pid}`, `${emitted.sort().join("\n")}\n`);
  renameSync(`${EMITTED}.${process.pid}`, EMITTED);
  return 0;
}

/** The bundle's file, from package.json's `bundle` script (esbuild --outfile=…), or undefined. */
function bundleFile() {
  const script = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")).scripts?.bundle ?? "";
  const outfile = /--outfile[= ](\S+)/.exec(script)?.[1];
  return outfile === undefined ? undefined : path.normalize(outfile);
}

/** Deletes the files of `folder` not in `keep`, then the folders that left empty; returns what it deleted. */
function pruneFolder(folder, keep) {
  const deleted = [];
  if (!existsSync(path.join(repo, folder))) return deleted;
  for (const entry of readdirSync(path.join(repo, folder), { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      deleted.push(...pruneFolder(file, keep));
      if (readdirSync(path.join(repo, file)).length === 0) rmdirSync(path.join(repo, file));
    } else if (!keep.has(file)) {
      rmSync(path.join(repo, file), { force: true });
      deleted.push(file);
    }
  }
  return deleted;
}

function prune() {
  const bundle = bundleFile();
  if (!existsSync(EMITTED) || bundle === undefined) {
    // Without the full list of outputs, deleting anything could delete a live one: keep all.
    console.error(
      `dist-outputs: not pruning dist/ (${bundle === undefined ? "no --outfile in package.json's bundle script" : "no dist/.emitted: run --compile first"})`,
    );
    return 0;
  }
  const keep = new Set([...readFileSync(EMITTED, "utf8").split("\n").filter(Boolean), bundle]);
  const deleted = PRUNED.flatMap((folder) => pruneFolder(folder, keep)).sort();
  // stderr: `npm pack --json` runs prepare (this build) and its stdout must stay JSON.
  if (deleted.length > 0) console.error(`dist-outputs: deleted ${deleted.length} file(s) no source makes any more, e.g. ${deleted[0]}`);
  return 0;
}

const mode = process.argv[2];
if (mode === "--compile") process.exitCode = compile();
else if (mode === "--prune") process.exitCode = prune();
else {
  console.error("usage: node scripts/dist-outputs.mjs --compile | --prune");
  process.exitCode = 2;
}
