#!/usr/bin/env node
// Checks the import rules of .dependency-cruiser.cjs (docs/architecture.md, "Layers") with
// dependency-cruiser's API and prints one line per violation: `from → to (rule)`. Exit 1 when any.
// `--json` prints { cruised: <module count>, violations: [{ from, to, rule, cycle? }] } instead.
// `--root DIR` checks the folders of DIR (with its tsconfig.json) against this repository's rules:
// how tests/architecture/imports.test.ts shows that a rule refuses what it should.
// An ES module because dependency-cruiser is one (jest's CommonJS runtime cannot load it, so
// tests/architecture/imports.test.ts runs this file in a child process).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/** The folders checked: all the code but examples/ (Pulumi projects of their own). */
const CHECKED_FOLDERS = ["provider", "sdk", "cli", "plugin", "bench", "scripts", "testkit", "tests"];

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = createRequire(import.meta.url)(path.join(repo, ".dependency-cruiser.cjs"));
const rootFlag = process.argv.indexOf("--root");
const root = rootFlag === -1 ? repo : path.resolve(process.argv[rootFlag + 1] ?? ".");
// The rules match paths relative to the working directory.
process.chdir(root);

const { output } = await cruise(
  CHECKED_FOLDERS.filter((folder) => existsSync(folder)),
  { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } },
  {},
  { tsConfig: extractTSConfig(path.join(root, config.options.tsConfig.fileName)) },
);

const violations = output.summary.violations.map((v) => ({
  from: v.from,
  to: v.to,
  rule: v.rule.name,
  ...(v.cycle === undefined ? {} : { cycle: v.cycle.map((step) => step.name) }),
}));

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ cruised: output.summary.totalCruised, violations }, null, 2)}\n`);
} else {
  for (const v of violations) process.stdout.write(`${describe(v)}\n`);
  process.stdout.write(`${violations.length} import violation(s) in ${output.summary.totalCruised} modules (${CHECKED_FOLDERS.join("/, ")}/)\n`);
}
process.exitCode = violations.length === 0 ? 0 : 1;

function describe(v) {
  return v.cycle === undefined ? `${v.from} → ${v.to} (${v.rule})` : `${v.from} → ${v.to} (${v.rule}: ${[v.from, ...v.cycle].join(" → ")})`;
}
