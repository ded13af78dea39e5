#!/usr/bin/env node
// The provider plugin, built by `npm run build` (docs/plugin.md):
//   dist/plugin/plugin.js                       plugin/main.ts bundled by esbuild (grpc-js, protobuf, zod, the AWS SDK inside)
//   dist/plugin/construct-call.js                    plugin/construct-call.ts bundled (@pulumi/pulumi's runtime), loaded by plugin.js on the first Construct
//   dist/plugin/pulumi-resource-bucket-cors     the executable the engine starts: Node on plugin.js
//   dist/pulumi-resource-bucket-cors-v<version>-linux-<arch>.tar.gz
//                                               both files, for `pulumi plugin install resource bucket-cors <version> --file <archive>`
// No PulumiPlugin.yaml: with one, the engine would start the plugin through a language host
// (pulumi/pulumi sdk/go/common/workspace/plugins.go); the launcher is an executable of its own.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));
const out = path.join(repo, "dist", "plugin");
/** Pulumi names architectures as Go does (amd64, arm64), in plugin archive names too. */
const ARCH = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
const STAGING_PREFIX = ".plugin-staging-";
/** A build takes under a minute even on the loaded CI machine; ten is far past any live one. */
const UNNAMED_STAGING_MS = 10 * 60_000;

// Built beside dist/plugin, then each file renamed into it: an engine test starting the plugin
// while another test's build runs never finds dist/plugin half-written or gone (stop 27's CI:
// "loading PulumiPlugin.yaml" when the launcher was missing for a moment). The staging folder is
// named after this process, so a later build can tell a killed build's leftover from a live one.
mkdirSync(path.join(repo, "dist"), { recursive: true });
sweepStaging();
const staging = mkdtempSync(path.join(repo, "dist", `${STAGING_PREFIX}${process.pid}-`));
try {
  await buildInto(staging);
} finally {
  // On failure too: an esbuild error left dist/.plugin-staging-* behind, one per failed build.
  rmSync(staging, { recursive: true, force: true });
}

async function buildInto(staging) {
  const common = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, keepNames: true, logLevel: "warning" };
  await build({
    ...common,
    entryPoints: [path.join(repo, "plugin", "main.ts")],
    // The browser driver is the CLI's; the plugin never starts a browser. Construct is the second bundle, beside this one.
    external: ["playwright-core", "./construct-call"],
    // import() as require(): Node's import() of "./construct-call" would need the file's extension.
    supported: { "dynamic-import": false },
    outfile: path.join(staging, "plugin.js"),
  });
  await build({
    ...common,
    entryPoints: [path.join(repo, "plugin", "construct-call.ts")],
    // @pulumi/pulumi's automation API (never reached from Construct) requires these by name at run time.
    external: ["playwright-core", "node-gyp/bin/node-gyp.js"],
    outfile: path.join(staging, "construct-call.js"),
  });
  const launcher = path.join(staging, "pulumi-resource-bucket-cors");
  // The engine runs the plugin by its absolute path; the bundle sits beside it.
  writeFileSync(launcher, '#!/bin/sh\nexec node "$(dirname "$0")/plugin.js" "$@"\n');
  chmodSync(launcher, 0o755);
  const archive = path.join(repo, "dist", `pulumi-resource-bucket-cors-v${version}-linux-${ARCH}.tar.gz`);
  const files = ["pulumi-resource-bucket-cors", "plugin.js", "construct-call.js"];
  execFileSync("tar", ["-czf", path.join(staging, "archive.tar.gz"), "-C", staging, ...files]);
  renameSync(path.join(staging, "archive.tar.gz"), archive);
  mkdirSync(out, { recursive: true });
  for (const file of files) renameSync(path.join(staging, file), path.join(out, file));
  for (const stale of readdirSync(out)) if (!files.includes(stale)) rmSync(path.join(out, stale), { recursive: true, force: true });
}

/**
 * Deletes the staging folders of builds that were killed (SIGKILL, a closed terminal: no finally
 * ran). One is in use while its process lives; an older unnamed one (before the pid was in the
 * name) is a leftover once older than any build takes.
 */
function sweepStaging() {
  for (const entry of readdirSync(path.join(repo, "dist"), { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(STAGING_PREFIX)) continue;
    const folder = path.join(repo, "dist", entry.name);
    const pid = /^(\d+)-/.exec(entry.name.slice(STAGING_PREFIX.length))?.[1];
    const leftover = pid === undefined ? Date.now() - statSync(folder).mtimeMs > UNNAMED_STAGING_MS : !isAlive(Number(pid));
    if (leftover) rmSync(folder, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, someone else's.
    return e.code !== "ESRCH";
  }
}
