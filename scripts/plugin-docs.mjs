#!/usr/bin/env node
// The descriptions of the plugin's package schema (plugin/docs.json), taken from the TypeScript
// docs users read: the JSDoc of the SDK's args (sdk/args.ts) and of the public types they use, and
// the comments of the output fields in the zod schema (provider/lifecycle/schema.ts). One text:
// edit the JSDoc, then regenerate.
//
//   node scripts/plugin-docs.mjs           rewrites plugin/docs.json
//   node scripts/plugin-docs.mjs --check   exit 1 when plugin/docs.json is not what the sources give
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ts = createRequire(import.meta.url)("typescript");
const OUT = path.join(repo, "plugin", "docs.json");

/** Which interface documents the resource's inputs and each named type of the schema (plugin/schema.ts names them). */
const RESOURCE = [
  ["sdk/args.ts", "CorsPolicyCommonArgs"],
  ["sdk/args.ts", "CorsPolicyRulesArgs"],
  ["sdk/args.ts", "CorsPolicyDocumentArgs"],
];
const TYPES = {
  Target: ["provider/targets/types.ts", "TargetInput"],
  TargetCredentials: ["provider/targets/types.ts", "TargetCredentials"],
  CorsRule: ["provider/model/types.ts", "CorsRuleInput"],
  Expectation: ["provider/operations/expectations.ts", "Expectation"],
  Timeouts: ["sdk/args.ts", "TimeoutsArgs"],
  Swift: ["sdk/args.ts", "SwiftArgs"],
  LintOptions: ["sdk/args.ts", "LintArgs"],
};

function sourceOf(file) {
  return ts.createSourceFile(file, readFileSync(path.join(repo, file), "utf8"), ts.ScriptTarget.ES2022, true);
}

/** A node's JSDoc as one text: the comment, then `Default: …` and `See …` from its tags. */
function docOf(node) {
  const parts = [];
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    const comment = ts.getTextOfJSDocComment(doc.comment);
    if (comment) parts.push(comment.trim());
    for (const tag of doc.tags ?? []) {
      // The tag's own text: TypeScript reads `@see https://…` as a name reference `https` and a comment `://…`.
      const text = tag
        .getText()
        .replace(/^@\w+\s*/, "")
        .replace(/\n\s*\*\/?\s?/g, " ")
        .trim()
        .replace(/^- /, "");
      if (tag.tagName.text === "default") parts.push(`Default: ${text}`);
      if (tag.tagName.text === "see") parts.push(`See ${text}`);
    }
  }
  return parts.join("\n\n");
}

/** The documented members of an interface, by name. */
function membersOf(file, name) {
  const out = {};
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const member of node.members) if (member.name && ts.isIdentifier(member.name) && docOf(member) !== "") out[member.name.text] = docOf(member);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(file));
  if (Object.keys(out).length === 0) throw new Error(`${file}: no documented interface ${name}`);
  return out;
}

/** The documented members of the object types in a type alias (`CorsPolicySetArgs = Shared & { targets }`), by name. */
function aliasMembersOf(file, name) {
  const out = {};
  const visit = (node, inside) => {
    const here = inside || (ts.isTypeAliasDeclaration(node) && node.name.text === name);
    if (here && ts.isPropertySignature(node) && ts.isIdentifier(node.name) && docOf(node) !== "") out[node.name.text] = docOf(node);
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(sourceOf(file), false);
  if (Object.keys(out).length === 0) throw new Error(`${file}: no documented member in type ${name}`);
  return out;
}

/** The documented property assignments inside a function (the zod object literals of the outputs). */
function fieldsIn(file, functionName) {
  const out = {};
  const visit = (node, inside) => {
    const here = inside || (ts.isFunctionDeclaration(node) && node.name?.text === functionName);
    if (here && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && docOf(node) !== "") out[node.name.text] = docOf(node);
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(sourceOf(file), false);
  return out;
}

function generate() {
  const resource = Object.assign({}, ...RESOURCE.map(([file, name]) => membersOf(file, name)));
  const outputs = fieldsIn("provider/lifecycle/schema.ts", "policyOutputsSchema");
  const types = Object.fromEntries(Object.entries(TYPES).map(([type, [file, name]]) => [type, membersOf(file, name)]));
  // The CorsPolicySet: its own fields (targets), the rest are the CorsPolicy's (plugin/schema.ts).
  const set = {
    inputs: aliasMembersOf("sdk/cors-policy-set.ts", "CorsPolicySetArgs"),
    outputs: fieldsIn("provider/lifecycle/set-schema.ts", "policySetOutputsSchema"),
  };
  return `${JSON.stringify({ resource, outputs, types, set }, null, 2)}\n`;
}

const text = generate();
if (process.argv[2] === "--check") {
  const current = readFileSync(OUT, "utf8");
  if (current !== text) {
    console.error("plugin/docs.json is not what the sources' JSDoc gives: run node scripts/plugin-docs.mjs");
    process.exitCode = 1;
  }
} else {
  writeFileSync(OUT, text);
}
