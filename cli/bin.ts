#!/usr/bin/env node
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import Module = require("node:module");

/*
 * The `bucket-cors` bin. Start-up was most of a command's time (issue 12, item 10): resolving and
 * compiling ~600 files of the AWS SDK, zod and commander. `npm run build` bundles the CLI into one
 * file (esbuild, dist/cli/bundle.js), and this loader runs it with a V8 code cache: the bytecode
 * of the functions a run compiled, written after the first run of each command and read by the
 * next, so later runs skip parsing and compiling (what v8-compile-cache does for any module;
 * Node 20 has no built-in `module.enableCompileCache`, added in 22.1). Without the bundle (a
 * plain `tsc` build) it runs main.js as it is.
 */

const BUNDLE = join(__dirname, "bundle.js");

if (existsSync(BUNDLE)) runBundle();
else require("./main");

function runBundle(): void {
  const source = readFileSync(BUNDLE, "utf8").replace(/^#!.*/, "");
  const cacheFile = cachePath();
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: BUNDLE, ...(cached === undefined ? {} : { cachedData: cached }) });
  const compiled = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const bundleModule = { exports: {} };
  compiled.call(bundleModule.exports, bundleModule.exports, require, bundleModule, BUNDLE, __dirname);
  if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    // At exit, so the cache holds every function this command compiled, not only the top level.
    process.once("exit", () => writeCache(cacheFile, script.createCachedData()));
  }
}

/**
 * One cache file per command (lint compiles none of the SDK, get does), in the user's own cache
 * directory (never a shared temp directory, where another user could plant bytecode), keyed by
 * the bundle's size and time so that a new build never reads an old cache. Off with
 * BUCKET_CORS_NO_COMPILE_CACHE=1.
 */
function cachePath(): string | undefined {
  if (process.env["BUCKET_CORS_NO_COMPILE_CACHE"] === "1") return undefined;
  const base = process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache");
  const stat = statSync(BUNDLE);
  const command = /^[a-z]+$/.exec(process.argv[2] ?? "")?.[0] ?? "other";
  return join(base, "bucket-cors", `${stat.size}-${Math.trunc(stat.mtimeMs)}`, `${command}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // first run of this command, or no cache directory: compile as usual
  }
}

/** Written to a temporary name and renamed, so a concurrent run reads a whole cache or none; other builds' caches are removed. */
function writeCache(file: string, data: Buffer): void {
  try {
    const build = dirname(file);
    mkdirSync(build, { recursive: true });
    for (const other of readdirSync(dirname(build))) if (other !== basename(build)) rmSync(join(dirname(build), other), { recursive: true, force: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only home or a full disk only costs the next run its speed.
  }
}
