#!/usr/bin/env node
// The dead-export check of `npm run lint`: every export of a module of this repository must be
// imported somewhere (a test counts), or belong to an entry point (the package's entries, the CLI,
// test files, the scripts and benchmarks run by node). An export nothing imports is code that
// only looks used: delete it, or stop exporting it.
//
// TypeScript-native, with the project's own compiler and tsconfig.json, rather than knip: knip
// would add a dozen packages to the devDependencies for one check, and resolves modules its own
// way; the compiler resolves exactly as `tsc` does (re-exports and `export *` followed to the
// declaration), and this file is short enough to read.
//
// Types are not checked (see below). The exports that were dead when the check came in are listed
// in scripts/dead-exports.txt: the check fails on a dead export not listed there (a new one) and on
// a listed one that is no longer dead (so the list only shrinks); delete them as their files are
// touched. Prints one line per failure and exits 1 when any; `--json` prints
// { checked: <module count>, dead: [...], added: [...], gone: [...] }, each entry `file: name`.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

// `--root DIR` checks another tree laid out like this one (its tsconfig.json and
// scripts/dead-exports.txt): how tests/architecture/dead-exports.test.ts shows what the check refuses.
const rootFlag = process.argv.indexOf("--root");
const repo = rootFlag === -1 ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..") : path.resolve(process.argv[rootFlag + 1] ?? ".");

/** Modules whose exports are used from outside the program: by package consumers, node, jest or Pulumi. */
const ENTRIES = [
  /^sdk\/index\.ts$/, // the package ("." in package.json exports)
  /^sdk\/plugin\.ts$/, // "./plugin": the plugin's resources for TypeScript programs
  /^provider\/index\.ts$/, // "./provider", required by the serialized provider
  /^provider\/provider\.ts$/, // the serialized provider object the SDK captures
  /^cli\/(main|bin)\.ts$/, // the bundle's entry and the package's bin
  /\.test\.ts$/, // jest
  /^tests\/servers\/(global-setup|global-teardown|environment)\.ts$/, // jest.config.js
  /^scripts\/.*\.ts$/, // run by node (the demo, npm run s3rver) or forked by the demo
  /^bench\/index\.ts$/, // npm run bench
  /^examples\//, // Pulumi programs of their own
  /^testkit\/host\/fixtures\/file-provider\.ts$/, // packed and installed as a package by testkit/host/fixture.ts
];

const configFile = ts.readConfigFile(path.join(repo, "tsconfig.json"), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, repo);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
const checker = program.getTypeChecker();
const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("/node_modules/") && f.fileName.startsWith(repo));
const relative = (f) => path.relative(repo, f.fileName).split(path.sep).join("/");

/** The declaration an export or import finally names, through every alias and re-export. */
function original(symbol) {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function exportsOf(file) {
  const module = checker.getSymbolAtLocation(file);
  return module === undefined ? [] : checker.getExportsOfModule(module);
}

const used = new Set();
function use(symbol) {
  if (symbol !== undefined) used.add(original(symbol));
}
/** A module whose every export counts as used (an entry point, or a namespace import of it). */
function useAll(file) {
  for (const symbol of exportsOf(file)) use(symbol);
}
function moduleFile(specifier) {
  const symbol = checker.getSymbolAtLocation(specifier);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  return declaration !== undefined && ts.isSourceFile(declaration) ? declaration : undefined;
}

for (const file of own) {
  if (ENTRIES.some((entry) => entry.test(relative(file)))) useAll(file);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && node.importClause !== undefined) {
      const { name, namedBindings } = node.importClause;
      if (name !== undefined) use(checker.getSymbolAtLocation(name));
      if (namedBindings !== undefined && ts.isNamedImports(namedBindings)) for (const e of namedBindings.elements) use(checker.getSymbolAtLocation(e.name));
      if (namedBindings !== undefined && ts.isNamespaceImport(namedBindings)) {
        const target = moduleFile(node.moduleSpecifier);
        if (target !== undefined) useAll(target);
      }
    } else if (ts.isImportEqualsDeclaration(node) || (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)) {
      // import x = require("…") and import("…"): the whole module is in use.
      const specifier = ts.isImportEqualsDeclaration(node) ? node.moduleReference.expression : node.arguments[0];
      const target = specifier === undefined ? undefined : moduleFile(specifier);
      if (target !== undefined) useAll(target);
    } else if (ts.isImportTypeNode(node) && node.qualifier !== undefined) {
      use(checker.getSymbolAtLocation(ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.right));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const dead = [];
for (const file of own) {
  if (ENTRIES.some((entry) => entry.test(relative(file)))) continue;
  for (const symbol of exportsOf(file)) {
    const target = original(symbol);
    // Types are left out: an exported function's parameter and result types are exported with it,
    // as documentation of its signature, whether or not a caller names them.
    if (!(target.flags & ts.SymbolFlags.Value)) continue;
    if (!used.has(target)) dead.push(`${relative(file)}: ${symbol.getName()}`);
  }
}
dead.sort();

const listed = readFileSync(path.join(repo, "scripts", "dead-exports.txt"), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"));
const added = dead.filter((line) => !listed.includes(line));
const gone = listed.filter((line) => !dead.includes(line));

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ checked: own.length, dead, added, gone }, null, 2)}\n`);
} else {
  for (const line of added) process.stdout.write(`${line}: exported but imported nowhere — delete it, or stop exporting it\n`);
  for (const line of gone) process.stdout.write(`${line}: no longer a dead export — remove its line from scripts/dead-exports.txt\n`);
  process.stdout.write(`${added.length + gone.length} dead-export problem(s) in ${own.length} modules (${listed.length} known in scripts/dead-exports.txt)\n`);
}
process.exitCode = added.length + gone.length === 0 ? 0 : 1;
