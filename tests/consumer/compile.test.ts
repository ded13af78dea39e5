import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TEMPLATE_DEV_DEPENDENCIES, TEMPLATE_TSCONFIG_COMMONJS, TEMPLATE_TSCONFIG_NODENEXT } from "../../testkit/engine/template";
import { buildLock, buildPackage, installTarball, packPackage } from "../../testkit/host/build";
import { run } from "../../testkit/host/exec";
import { withLock } from "../../testkit/host/lock";
import { repoRoot } from "../../testkit/host/paths";
import { publishDir } from "../../testkit/host/publish";

/*
 * The packed package's declaration files must compile in the project `pulumi new typescript`
 * creates, with its tsconfig unchanged: no esModuleInterop, no skipLibCheck, so every .d.ts the
 * program reaches is checked (a public type importing zod failed with 63 errors in zod's .d.cts).
 */

const repo = repoRoot();
const PACKAGE = "pulumi-bucket-cors";

const VARIANTS: Record<string, unknown> = {
  "template-2024-commonjs": TEMPLATE_TSCONFIG_COMMONJS,
  "template-2026-nodenext": TEMPLATE_TSCONFIG_NODENEXT,
  // Not a template: no DOM lib, so a public type needing one (fetch's Response, URL...) fails here.
  "es2020-no-dom": {
    compilerOptions: { strict: true, noEmit: true, target: "es2020", module: "commonjs", moduleResolution: "node", lib: ["es2020"] },
    files: ["index.ts"],
  },
};

/** The template's package.json dependencies (typescript/package.json of pulumi/templates). */
const TEMPLATE_DEPENDENCIES = { "@pulumi/pulumi": "^3.113.0" };

/** The README's program, then what issue #9 asked for: a bucket Output as a target field, and a CorsPolicySet over it. */
function programSource(): string {
  const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use it in a Pulumi program"));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match?.[1] === undefined) throw new Error('README.md: no ```ts block under "## Use it in a Pulumi program"');
  return [
    match[1],
    'import * as pulumi from "@pulumi/pulumi";',
    "// A bucket created in the same program (aws.s3.BucketV2 in a real one; @pulumi/aws is not installed here).",
    'class BucketV2 extends pulumi.CustomResource { constructor(name: string) { super("aws:s3/bucketV2:BucketV2", name, {}); } }',
    'const bucket = new BucketV2("site");',
    "const bucketName: pulumi.Output<string> = bucket.id;",
    'new cors.CorsPolicy("site", { target: cors.targets.aws({ bucket: bucketName, region: pulumi.output("eu-west-1") }), rules: web });',
    'new cors.CorsPolicySet("web", { targets: [cors.targets.r2({ accountId: "0123456789abcdef0123456789abcdef", bucket: bucketName }), cors.targets.aws({ bucket: "assets", region: "eu-west-1" })],',
    '  rules: web, onExisting: pulumi.output("adopt" as const), lint: { suppress: { public: ["wildcard-origin-write"] } } });',
    "",
  ].join("\n");
}

/**
 * The consumer projects live under the OS temp directory, not the repo's .tmp/: TypeScript
 * includes every `node_modules/@types` above a project and resolves packages upwards, so a
 * project inside the repo would also see the repo's @types/jest, @types/node 20 and zod.
 * Third-party packages are installed once per manifest (keyed by its hash) in the shared
 * parent directory; each run only unpacks the freshly packed package into its variants.
 */
function consumerBase(manifest: unknown): string {
  const key = crypto.createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `${PACKAGE}-consumer-${os.userInfo().uid}`, key);
}

function dependencyManifest(): Record<string, unknown> {
  const ours = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  // Our own dependencies are installed as npm would install them with the tarball.
  const dependencies = { ...ours.dependencies, ...TEMPLATE_DEPENDENCIES };
  return { name: "consumer-deps", private: true, dependencies, devDependencies: TEMPLATE_DEV_DEPENDENCIES };
}

let base: string;
let runDir: string;

function tsc(project: string, extra: readonly string[] = []): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(base, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", ".", ...extra], {
    cwd: project,
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeAll(async () => {
  const manifest = dependencyManifest();
  base = consumerBase(manifest);
  for (let dir = path.dirname(base); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules")))
      throw new Error(`${dir}/node_modules exists: the consumer projects would see it; remove it or set TMPDIR elsewhere`);
  }
  await publishDir(base, async (staging) => {
    fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], staging);
  });
  runDir = fs.mkdtempSync(path.join(base, "run-"));
  const tarball = await withLock(buildLock(repo), async () => {
    await buildPackage(repo);
    return packPackage(repo, runDir);
  });
  const program = programSource();
  for (const [variant, tsconfig] of Object.entries(VARIANTS)) {
    const dir = path.join(runDir, variant);
    fs.mkdirSync(dir);
    const packageJson = {
      name: variant,
      main: "index.ts",
      dependencies: { ...TEMPLATE_DEPENDENCIES, [PACKAGE]: `file:${path.basename(tarball)}` },
      devDependencies: TEMPLATE_DEV_DEPENDENCIES,
    };
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 4)}\n`);
    fs.writeFileSync(path.join(dir, "index.ts"), program);
    await installTarball(tarball, path.join(dir, "node_modules"), PACKAGE);
  }
}, 300_000);

afterAll(() => {
  if (runDir !== undefined) fs.rmSync(runDir, { recursive: true, force: true });
});

describe("the packed package in a `pulumi new typescript` project", () => {
  test.each(Object.keys(VARIANTS))("compiles with tsc --noEmit under %s", (variant) => {
    expect(tsc(path.join(runDir, variant))).toEqual({ status: 0, output: "" });
  });

  test("installs the template's toolchain: TypeScript 5, @types/node 18, and a @pulumi/pulumi our peer range accepts", () => {
    const version = (name: string): number[] =>
      (JSON.parse(fs.readFileSync(path.join(base, "node_modules", name, "package.json"), "utf8")) as { version: string }).version.split(".").map(Number);
    expect([version("typescript")[0], version("@types/node")[0]]).toEqual([5, 18]);
    const peer = (JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies[
      "@pulumi/pulumi"
    ];
    const [major, minor] = version("@pulumi/pulumi");
    expect({ peer, major, atLeastPeer: minor! >= Number(/^\^3\.(\d+)\.0$/.exec(peer ?? "")?.[1]) }).toEqual({ peer: "^3.139.0", major: 3, atLeastPeer: true });
  });

  test("reads only the project's own files (not the repo's), and no zod declaration", () => {
    const { status, output } = tsc(path.join(runDir, "template-2024-commonjs"), ["--listFiles"]);
    expect(status).toBe(0);
    const files = output.split("\n").filter((line) => line !== "");
    expect(files.filter((file) => !file.startsWith(`${base}/`))).toEqual([]);
    expect(files.filter((file) => file.includes("/node_modules/zod/"))).toEqual([]);
    expect(files.filter((file) => file.includes(`/node_modules/${PACKAGE}/`)).length).toBeGreaterThan(10);
  });
});
