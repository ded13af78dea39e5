import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { installedProject, type InstalledProject } from "../../testkit/engine/project";
import { TEMPLATE_DEV_DEPENDENCIES, TEMPLATE_GITIGNORE, TEMPLATE_TSCONFIG_COMMONJS } from "../../testkit/engine/template";
import { EXAMPLES, EXTRA_DEPENDENCIES, exampleDir, exampleFiles, projectName } from "./examples";

const root = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const peerRange = manifest.peerDependencies["@pulumi/pulumi"];
const version = manifest.version;

/** The arguments of each example's `npm run s3rver`: its buckets, with a CORS file where the example adopts one. */
const S3RVER_ARGS: Readonly<Record<(typeof EXAMPLES)[number], string>> = {
  quickstart: "quickstart-assets",
  "multi-cloud": "aws-assets r2-assets spaces-assets",
  "from-dashboard-json": "r2-assets aws-assets",
  "adopt-existing": "legacy-assets=cors.json",
};

describe.each(EXAMPLES)("examples/%s is a pulumi new typescript project", (name) => {
  const dir = exampleDir(name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

  test("Pulumi.yaml names the project and the nodejs runtime", () => {
    expect(read("Pulumi.yaml")).toMatch(new RegExp(`^name: bucket-cors-${name}\ndescription: .+\nruntime: nodejs\n$`));
    expect(projectName(name)).toBe(`bucket-cors-${name}`);
  });

  test("package.json: this package, the peer @pulumi/pulumi range, the template's devDependencies, extras at this repository's versions", () => {
    const extras = Object.fromEntries(EXTRA_DEPENDENCIES[name].map((dep) => [dep, manifest.dependencies[dep]]));
    expect(JSON.parse(read("package.json"))).toEqual({
      name: `bucket-cors-${name}`,
      main: "index.ts",
      devDependencies: TEMPLATE_DEV_DEPENDENCIES,
      dependencies: { "@pulumi/pulumi": peerRange, "pulumi-bucket-cors": `^${version}`, ...extras },
    });
  });

  test("tsconfig.json and .gitignore are the template's, 4-space JSON", () => {
    expect(read("tsconfig.json")).toBe(`${JSON.stringify(TEMPLATE_TSCONFIG_COMMONJS, null, 4)}\n`);
    expect(read(".gitignore")).toBe(TEMPLATE_GITIGNORE);
  });

  test("README documents every config key the program reads, sets every required one, and runs preview, up, destroy", () => {
    const readme = read("README.md");
    const source = read("index.ts");
    const required = [...source.matchAll(/config\.require\w*\("(\w+)"\)/g)].map((m) => m[1]!);
    // endpointFrom("<key>") in multi-cloud reads config.get(key).
    const optional = [...source.matchAll(/(?:config\.get\w*|endpointFrom)\("(\w+)"\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((key) => !readme.includes(`pulumi config set ${key} `))).toEqual([]);
    expect([...required, ...optional].filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
    for (const command of ["pulumi stack init dev", "pulumi preview", "pulumi up", "pulumi destroy"]) expect(readme).toContain(`\n${command}\n`);
  });

  // Issue 19: `npm install` of the example fails with E404 while the package is not published.
  test("README installs the package from this checkout's tarball, never from the registry", () => {
    const readme = read("README.md");
    expect(readme).toContain(`\n(cd ../.. && npm ci && npm pack)\nnpm install ../../pulumi-bucket-cors-${version}.tgz\n`);
    expect(readme).not.toContain("\nnpm install\n");
  });

  test("README starts the loopback s3rver it needs in one command, with every bucket its local run configures", () => {
    const readme = read("README.md");
    const command = `npm --prefix ../.. run s3rver -- ${S3RVER_ARGS[name]}`;
    expect(readme).toContain(`\n${command}\n`);
    const local = readme.slice(readme.indexOf(command));
    const configured = [...local.matchAll(/^pulumi config set \w*[bB]ucket (\S+)$/gm)].map((m) => m[1]!);
    const served = S3RVER_ARGS[name].split(" ").map((arg) => arg.split("=")[0]!);
    // multi-cloud's uploadsBucket is created by the program itself.
    expect(configured.filter((bucket) => bucket !== "uploads").sort()).toEqual([...served].sort());
  });
});

describe("examples compile", () => {
  let installed: InstalledProject;
  beforeAll(async () => {
    installed = await installedProject();
  }, 600_000);

  test.each(EXAMPLES)(
    "%s compiles under its own tsconfig against the packed package",
    (name) => {
      const work = path.join(root, ".tmp", "examples-typecheck", `${name}-${process.pid}`);
      fs.rmSync(work, { recursive: true, force: true });
      fs.mkdirSync(work, { recursive: true });
      for (const file of exampleFiles(name)) fs.copyFileSync(path.join(exampleDir(name), file), path.join(work, file));
      fs.symlinkSync(installed.nodeModules, path.join(work, "node_modules"), "dir");
      const tsc = spawnSync(process.execPath, [path.join(installed.nodeModules, "typescript", "bin", "tsc"), "-p", ".", "--noEmit"], {
        cwd: work,
        encoding: "utf8",
      });
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
      fs.rmSync(work, { recursive: true, force: true });
    },
    120_000,
  );
});
