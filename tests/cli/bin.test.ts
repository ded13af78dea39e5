import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "./build";
import { runCli } from "./run-cli";

/*
 * Issue 12, item 10: the bin runs the esbuild bundle with a V8 code cache per command, in the
 * user's cache directory, written once and then read.
 */

let cache: string;

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), "bucket-cors-v8cache-"));
  await ensureBuilt();
}, 300_000);

afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** The files under the cache directory, as `build/command.v8cache` paths. */
function cached(): string[] {
  const base = join(cache, "bucket-cors");
  if (!existsSync(base)) return [];
  return readdirSync(base).flatMap((build) => readdirSync(join(base, build)).map((file) => `${build}/${file}`));
}

/** The cache's folder for the current build (the bundle's size and time), read after ensureBuilt. */
function build(): string {
  const bundle = statSync(join(ROOT, "dist", "cli", "bundle.js"));
  return `${bundle.size}-${Math.trunc(bundle.mtimeMs)}`;
}

test("the first run of a command writes its cache under XDG_CACHE_HOME; the next run reads it and gives the same output", async () => {
  const BUILD = build();
  const first = await runCli(["--version"], { env: { XDG_CACHE_HOME: cache } });
  expect(cached()).toEqual([`${BUILD}/other.v8cache`]);
  const written = statSync(join(cache, "bucket-cors", BUILD, "other.v8cache")).mtimeMs;
  const second = await runCli(["--version"], { env: { XDG_CACHE_HOME: cache } });
  expect([second, statSync(join(cache, "bucket-cors", BUILD, "other.v8cache")).mtimeMs]).toEqual([first, written]);
  await runCli(["lint", "-"], { env: { XDG_CACHE_HOME: cache }, input: '{"rules":[{"allowedOrigins":["https://a.example"],"allowedMethods":["GET"]}]}' });
  expect(cached().sort()).toEqual([`${BUILD}/lint.v8cache`, `${BUILD}/other.v8cache`]);
});

test("BUCKET_CORS_NO_COMPILE_CACHE=1 writes no cache", async () => {
  const off = mkdtempSync(join(tmpdir(), "bucket-cors-v8cache-off-"));
  try {
    const run = await runCli(["--version"], { env: { XDG_CACHE_HOME: off, BUCKET_CORS_NO_COMPILE_CACHE: "1" } });
    expect([run.code, readdirSync(off)]).toEqual([0, []]);
  } finally {
    rmSync(off, { recursive: true, force: true });
  }
});

test("the bundle is ASCII, so V8 holds it as a one-byte string: a non-ASCII character in a regular expression (esbuild escapes strings, not patterns) doubles what every start reads", () => {
  const bundle = readFileSync(join(ROOT, "dist", "cli", "bundle.js"), "latin1");
  const found = /[^\x00-\x7f]/.exec(bundle);
  expect(found === null ? null : bundle.slice(Math.max(0, found.index - 40), found.index + 40)).toBeNull();
});
