import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import type { CorsRule } from "../../provider/model/schema";
import { createHarness, type Harness, type Step } from "../../tests/host/harness";
import { bold, dim, stage } from "./print";

const QUICKSTART = join(__dirname, "..", "..", "examples", "quickstart", "index.ts");

/** The quickstart program as the CommonJS text the harness runs. */
function quickstartProgram(): string {
  const source = readFileSync(QUICKSTART, "utf8");
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
}

const SYMBOL: Record<string, string> = { create: "+", update: "~", replace: "+-", delete: "-", same: " ", read: ">" };

function printSteps(steps: readonly Step[], verb: string): void {
  for (const step of steps) {
    const name = step.urn.split("::").pop();
    const keys = step.diff?.keys.filter((k) => k !== "__provider") ?? [];
    console.log(`  ${SYMBOL[step.op] ?? "?"} ${step.op.padEnd(7)} ${step.type} ${bold(name ?? "")}${keys.length > 0 ? dim(`  (${keys.join(", ")} changed)`) : ""}`);
  }
  const changed = steps.filter((s) => s.op !== "same").length;
  console.log(dim(`  ${verb}: ${changed} change${changed === 1 ? "" : "s"}, ${steps.length - changed} unchanged`));
}

/**
 * Runs the quickstart with its CorsPolicy driven through the real provider host
 * (the project's engine stand-in): preview, up, a changed policy previewed and
 * applied. Returns the harness (for the final destroy) and the applied rules.
 */
export async function runWithoutCli(): Promise<{ harness: Harness; applied: () => CorsRule[] }> {
  stage("No pulumi CLI on PATH: driving the program's resources through the real Pulumi provider host");
  const harness = await createHarness({ project: "bucket-cors-quickstart", stack: "demo" });
  const program = quickstartProgram();
  const applied = () => (harness.state().resources.find((r) => r.type.endsWith(":CorsPolicy"))?.outputs["rules"] ?? []) as unknown as CorsRule[];

  stage("pulumi preview (stand-in)");
  printSteps((await harness.preview(program)).steps, "plan");
  stage("pulumi up (stand-in)");
  printSteps((await harness.up(program)).steps, "applied");
  const fingerprint = harness.state().resources.find((r) => r.type.endsWith(":CorsPolicy"))?.outputs["fingerprint"];
  console.log(`  fingerprint: ${String(fingerprint)}`);

  process.env["QUICKSTART_VARIANT"] = "changed";
  stage("Policy changed (the app rule now allows PUT): preview");
  printSteps((await harness.preview(program)).steps, "plan");
  stage("pulumi up (stand-in)");
  printSteps((await harness.up(program)).steps, "applied");
  return { harness, applied };
}

/** Removes what the demo created. */
export async function destroyWithoutCli(harness: Harness): Promise<void> {
  stage("pulumi destroy (stand-in)");
  printSteps((await harness.destroy()).steps, "destroyed");
}
