import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, tmpRoot } from "../../testkit/host/paths";

/*
 * The build's own steps on a stand-in repository (its scripts copied from ours, node_modules linked):
 * scripts/dist-outputs.mjs --prune deletes only what the build did not write, and
 * scripts/plugin-archive.mjs leaves no staging folder behind.
 */

const repo = repoRoot();
let fake: string;

beforeEach(() => {
  fs.mkdirSync(tmpRoot(repo), { recursive: true });
  fake = fs.mkdtempSync(path.join(tmpRoot(repo), "dist-build-"));
  fs.mkdirSync(path.join(fake, "scripts"));
  for (const script of ["dist-outputs.mjs", "plugin-archive.mjs"]) fs.copyFileSync(path.join(repo, "scripts", script), path.join(fake, "scripts", script));
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(fake, "node_modules"), "dir");
  const manifest = { name: "fake", version: "0.0.1", scripts: { bundle: "esbuild cli/main.ts --bundle --outfile=dist/cli/bundle.js" } };
  fs.writeFileSync(path.join(fake, "package.json"), JSON.stringify(manifest));
});

afterEach(() => fs.rmSync(fake, { recursive: true, force: true }));

function write(file: string, text = "x\n"): void {
  fs.mkdirSync(path.dirname(path.join(fake, file)), { recursive: true });
  fs.writeFileSync(path.join(fake, file), text);
}

function node(script: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(fake, "scripts", script), ...args], { cwd: fake, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

const exists = (file: string) => fs.existsSync(path.join(fake, file));

describe("scripts/dist-outputs.mjs --prune", () => {
  const LIVE = ["dist/provider/index.js", "dist/provider/rooms/s3/client.js", "dist/sdk/index.d.ts", "dist/cli/bin.js", "dist/cli/bundle.js"];
  const STALE = ["dist/provider/old-thing.js", "dist/provider/backends/s3/client.js", "dist/cli/main.js.map"];

  test("deletes the files neither emitted nor bundled, and the folders they leave empty; live files keep their inode and time", () => {
    for (const file of [...LIVE, ...STALE, "dist/plugin/plugin.js", "dist/other.tar.gz"]) write(file, `${file}\n`);
    write("dist/.emitted", `${LIVE.filter((file) => !file.endsWith("bundle.js")).join("\n")}\n`);
    const before = LIVE.map((file) => fs.statSync(path.join(fake, file)));
    expect(node("dist-outputs.mjs", "--prune")).toEqual({
      status: 0,
      output: "dist-outputs: deleted 3 file(s) no source makes any more, e.g. dist/cli/main.js.map\n",
    });
    expect(STALE.filter(exists)).toEqual([]);
    expect(exists("dist/provider/backends")).toBe(false);
    const after = LIVE.map((file) => fs.statSync(path.join(fake, file)));
    expect(after.map((s) => [s.ino, s.mtimeMs])).toEqual(before.map((s) => [s.ino, s.mtimeMs]));
    expect(LIVE.map((file) => fs.readFileSync(path.join(fake, file), "utf8"))).toEqual(LIVE.map((file) => `${file}\n`));
    // Outside dist/{provider,sdk,cli}: the plugin's own step owns dist/plugin.
    expect([exists("dist/plugin/plugin.js"), exists("dist/other.tar.gz")]).toEqual([true, true]);
  });

  test("deletes nothing when it cannot know every output: no dist/.emitted", () => {
    for (const file of [...LIVE, ...STALE]) write(file);
    expect(node("dist-outputs.mjs", "--prune")).toEqual({ status: 0, output: "dist-outputs: not pruning dist/ (no dist/.emitted: run --compile first)\n" });
    expect([...LIVE, ...STALE].filter(exists)).toEqual([...LIVE, ...STALE]);
  });

  test("deletes nothing when package.json's bundle script names no --outfile", () => {
    for (const file of [...LIVE, ...STALE]) write(file);
    write("dist/.emitted", "dist/provider/index.js\n");
    write("package.json", JSON.stringify({ name: "fake", version: "0.0.1", scripts: { bundle: "esbuild cli/main.ts --bundle --outdir=dist/cli" } }));
    expect(node("dist-outputs.mjs", "--prune")).toEqual({
      status: 0,
      output: "dist-outputs: not pruning dist/ (no --outfile in package.json's bundle script)\n",
    });
    expect([...LIVE, ...STALE].filter(exists)).toEqual([...LIVE, ...STALE]);
  });
});

describe("scripts/plugin-archive.mjs staging folders", () => {
  const staging = () =>
    fs
      .readdirSync(path.join(fake, "dist"))
      .filter((name) => name.startsWith(".plugin-staging-"))
      .sort();

  beforeEach(() => {
    write("plugin/main.ts", `require("./construct-call");\nexport const main = 1;\n`);
    write("plugin/construct-call.ts", "export const call = 2;\n");
  });

  test("sweeps a killed build's leftovers at start, and keeps a live build's", () => {
    const dead = spawnSync("true").pid;
    const live = `.plugin-staging-${process.pid}-live01`;
    for (const name of [`.plugin-staging-${dead}-dead01`, live, ".plugin-staging-oldAbc", ".plugin-staging-newAbc"]) write(`dist/${name}/plugin.js`);
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    fs.utimesSync(path.join(fake, "dist", ".plugin-staging-oldAbc"), hourAgo, hourAgo);
    expect(node("plugin-archive.mjs")).toEqual({ status: 0, output: "" });
    // The unnamed one written just now may still be an older script's build in progress.
    expect(staging()).toEqual([live, ".plugin-staging-newAbc"].sort());
    expect(fs.readdirSync(path.join(fake, "dist", "plugin")).sort()).toEqual(["construct-call.js", "plugin.js", "pulumi-resource-bucket-cors"]);
  });

  test("fails when esbuild fails, and leaves no staging folder", () => {
    write("plugin/main.ts", "export const = ;\n");
    const result = node("plugin-archive.mjs");
    expect(result.status).toBe(1);
    expect(result.output).toContain('plugin/main.ts:1:13: ERROR: Expected identifier but found "="');
    expect(staging()).toEqual([]);
    expect(exists("dist/plugin")).toBe(false);
  });
});
