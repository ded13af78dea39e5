/**
 * preparePulumiProject's packed path (build, npm pack, install, content-keyed publish) against a
 * stand-in repository, so it is tested whether or not the real package builds at the moment.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { preparePulumiProject } from "../../testkit/host";
import { buildPackage, buildLock, ensureBuilt } from "../../testkit/host/build";
import { withLock } from "../../testkit/host/lock";
import { repoRoot } from "../../testkit/host/paths";
import { publishDir } from "../../testkit/host/publish";

let repo: string;

/** A repo shaped like ours: build copies provider/ and sdk/ to dist/ and counts its runs. */
function writeRepo(dir: string): void {
  const manifest = {
    name: "pulumi-bucket-cors",
    version: "0.0.0-test",
    main: "dist/sdk/index.js",
    exports: { ".": "./dist/sdk/index.js", "./provider": "./dist/provider/index.js", "./package.json": "./package.json" },
    files: ["dist/provider", "dist/sdk"],
    scripts: { build: "node build.js" },
  };
  const build = `const fs = require("fs");
for (const d of ["provider", "sdk"]) fs.cpSync(d, "dist/" + d, { recursive: true });
fs.appendFileSync("builds.log", "built\\n");
// Long enough for a second caller without the lock to start a build of its own meanwhile.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);`;
  fs.mkdirSync(path.join(dir, "provider"), { recursive: true });
  fs.mkdirSync(path.join(dir, "sdk"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "build.js"), build);
  fs.writeFileSync(path.join(dir, "provider", "index.js"), `exports.version = "v1";\n`);
  fs.writeFileSync(path.join(dir, "sdk", "index.js"), `exports.provider = require("pulumi-bucket-cors/provider");\n`);
}

const builds = () => fs.readFileSync(path.join(repo, "builds.log"), "utf8").trim().split("\n").length;
const inProject = (dir: string, code: string) => execFileSync("node", ["-e", code], { cwd: dir, encoding: "utf8" }).trim();

beforeAll(() => {
  fs.mkdirSync(path.join(repoRoot(), ".tmp"), { recursive: true }); // a fresh clone has no .tmp yet
  repo = fs.mkdtempSync(path.join(repoRoot(), ".tmp", "fake-repo-"));
  writeRepo(repo);
});

afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

test("builds, packs and installs the package into a project the SDK resolves from", async () => {
  const project = await preparePulumiProject({ repo });
  expect(path.relative(repo, project.dir).startsWith(path.join(".tmp", "host-projects", "pulumi-bucket-cors-"))).toBe(true);
  expect(project.packageName).toBe("pulumi-bucket-cors");
  expect(builds()).toBe(1);
  expect(fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8")).toBe("name: harness\nruntime: nodejs\n");
  // Only what `files` lists was packed; both export-map entries resolve from the project.
  expect(fs.readdirSync(path.join(project.dir, "node_modules", "pulumi-bucket-cors")).sort()).toEqual(["dist", "package.json"]);
  expect(inProject(project.dir, `console.log(require("pulumi-bucket-cors").provider.version)`)).toBe("v1");
  const sdk = inProject(project.dir, `console.log(path.dirname(require.resolve("@pulumi/pulumi/package.json")))`);
  expect(sdk).toBe(path.join(repoRoot(), "node_modules", "@pulumi", "pulumi"));
});

test("reuses the packed project while dist/ and package.json are unchanged", async () => {
  const first = await preparePulumiProject({ repo });
  const again = await Promise.all([1, 2, 3].map(() => preparePulumiProject({ repo })));
  expect(again.map((p) => p.dir)).toEqual([first.dir, first.dir, first.dir]);
  expect(builds()).toBe(1);
});

test("rebuilds and publishes a new project when a source changes", async () => {
  const before = await preparePulumiProject({ repo });
  fs.writeFileSync(path.join(repo, "provider", "index.js"), `exports.version = "v2";\n`);
  const after = await preparePulumiProject({ repo });
  expect(builds()).toBe(2);
  expect(after.dir).not.toBe(before.dir);
  expect(inProject(after.dir, `console.log(require("pulumi-bucket-cors/provider").version)`)).toBe("v2");
  expect(inProject(before.dir, `console.log(require("pulumi-bucket-cors/provider").version)`)).toBe("v1");
});

test("does not build again a dist/ that scripts/build-once.mjs --check finds current (what npm ci's prepare left)", async () => {
  const before = builds();
  const script = path.join(repo, "scripts", "build-once.mjs");
  fs.mkdirSync(path.dirname(script), { recursive: true });
  fs.writeFileSync(script, `process.exitCode = process.argv[2] === "--check" ? 0 : 2;\n`);
  try {
    fs.writeFileSync(path.join(repo, "provider", "extra.js"), `exports.extra = true;\n`);
    await preparePulumiProject({ repo });
    expect(builds()).toBe(before);
    fs.writeFileSync(script, `process.exitCode = process.argv[2] === "--check" ? 1 : 2;\n`);
    fs.writeFileSync(path.join(repo, "provider", "extra.js"), `exports.extra = false;\n`);
    await preparePulumiProject({ repo });
    expect(builds()).toBe(before + 1);
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
});

// One lock for the CLI's tests (ensureBuilt) and the engine's (buildPackage): each had its own.
test("two concurrent callers, one CLI-style and one engine-style, build once", async () => {
  const before = builds();
  fs.writeFileSync(path.join(repo, "provider", "index.js"), `exports.version = "concurrent";\n`);
  await Promise.all([ensureBuilt(repo), withLock(buildLock(repo), () => buildPackage(repo)), ensureBuilt(repo)]);
  expect(builds()).toBe(before + 1);
});

// scripts/build-once.mjs --check hashes every source in a process of its own; it ran on every call.
test("runs scripts/build-once.mjs --check once per source change, not once per call", async () => {
  const before = builds();
  const script = path.join(repo, "scripts", "build-once.mjs");
  const checks = path.join(repo, "checks.log");
  fs.mkdirSync(path.dirname(script), { recursive: true });
  fs.writeFileSync(script, `import { appendFileSync } from "fs";\nappendFileSync(${JSON.stringify(checks)}, "checked\\n");\n`);
  const checked = () => (fs.existsSync(checks) ? fs.readFileSync(checks, "utf8").split("\n").length - 1 : 0);
  try {
    fs.writeFileSync(path.join(repo, "provider", "extra.js"), `exports.extra = "checked";\n`);
    await ensureBuilt(repo);
    await Promise.all([ensureBuilt(repo), ensureBuilt(repo), preparePulumiProject({ repo })]);
    expect(checked()).toBe(1);
    expect(builds()).toBe(before);
    // Another worker (a process of its own) finds the check's answer in .tmp/build-stamp.
    const other = `require("ts-node/register/transpile-only"); require(${JSON.stringify(path.join(__dirname, "..", "..", "testkit", "host", "build.ts"))}).ensureBuilt(${JSON.stringify(repo)}).catch((e) => { console.error(e); process.exit(1); });`;
    execFileSync("node", ["-e", other], { cwd: repoRoot(), encoding: "utf8" });
    expect(checked()).toBe(1);
    fs.writeFileSync(path.join(repo, "provider", "extra.js"), `exports.extra = "checked again";\n`);
    await ensureBuilt(repo);
    expect(checked()).toBe(2);
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
});

test("fails when the build fails, with the build's output", async () => {
  fs.writeFileSync(path.join(repo, "build.js"), `console.error("type error in provider/x.ts"); process.exit(2);`);
  fs.writeFileSync(path.join(repo, "provider", "index.js"), `exports.version = "v3";\n`);
  const error = await preparePulumiProject({ repo }).catch((e: unknown) => e);
  expect((error as Error).message).toBe(`npm run build --silent failed in ${repo}:\ntype error in provider/x.ts\n`);
});

test("publishDir: racing publishers leave one complete directory and no staging copies", async () => {
  const dir = path.join(repo, ".tmp", "race", "target");
  const populate = (n: number) => async (staging: string) => {
    await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(path.join(staging, "winner"), String(n));
  };
  await Promise.all([1, 2, 3, 4, 5].map((n) => publishDir(dir, populate(n))));
  expect(fs.readdirSync(path.dirname(dir))).toEqual(["target"]);
  expect(["1", "2", "3", "4", "5"]).toContain(fs.readFileSync(path.join(dir, "winner"), "utf8"));
});
