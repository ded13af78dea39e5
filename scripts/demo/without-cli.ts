import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import type { CorsRule } from "../../provider/model/schema";
import { checkShape } from "../../provider/model/structure";
// The provider host and engine stand-in (testkit/host) are shared with the tests.
import { Engine, preparePulumiProject, secret, startHost, withoutProvider, type Json, type Step } from "../../testkit/host";
import { bold, dim, stage } from "./print";
import { QUICKSTART, STACK } from "./project";
import { valueDiff } from "./value-diff";

const PROJECT = "bucket-cors-quickstart";

/** The quickstart program as the CommonJS text the engine stand-in runs. */
function quickstartProgram(): string {
  const source = readFileSync(join(QUICKSTART, "index.ts"), "utf8");
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
}

const SYMBOL: Record<string, string> = { create: "+", update: "~", replace: "+-", delete: "-", same: " ", read: ">" };

/** Each step, the values an update changes (as `pulumi preview --diff` lists them), and a summary. */
function printSteps(steps: readonly Step[], verb: string): void {
  for (const step of steps) {
    const name = step.urn.split("::").pop();
    console.log(`  ${SYMBOL[step.op] ?? "?"} ${step.op.padEnd(7)} ${step.type} ${bold(name ?? "")}`);
    if (step.op === "update" || step.op === "replace") {
      for (const line of valueDiff(withoutProvider(step.oldInputs), withoutProvider(step.inputs))) console.log(`      ${line}`);
    }
  }
  const changed = steps.filter((s) => s.op !== "same").length;
  console.log(dim(`  ${verb}: ${changed} change${changed === 1 ? "" : "s"}, ${steps.length - changed} unchanged`));
}

/**
 * Runs the quickstart with its CorsPolicy driven through the real Pulumi provider host (the
 * project's engine stand-in): preview, up, a changed policy (allowUploads) previewed and applied.
 * Returns the destroy step and the applied rules.
 */
export async function runWithoutCli(
  endpoint: string,
  bucket: string,
  key: string,
): Promise<{ destroy: () => Promise<void>; applied: () => Promise<CorsRule[]> }> {
  stage("No pulumi CLI on PATH: driving the program's resources through the real Pulumi provider host");
  // The stack config, as `pulumi config set` would write it; the stand-in hands it to every program run.
  const config: Record<string, Json> = {
    [`${PROJECT}:bucket`]: bucket,
    [`${PROJECT}:endpoint`]: endpoint,
    "bucket-cors:accessKeyId": key,
    "bucket-cors:secretAccessKey": secret(key),
  };
  const { dir } = await preparePulumiProject({ source: "package" });
  const host = await startHost({ cwd: dir, project: PROJECT, stack: STACK, config });
  const engine = new Engine(host, { dir, project: PROJECT, stack: STACK, config });
  const program = quickstartProgram();
  const policy = () => engine.state().resources.find((r) => r.type.endsWith(":CorsPolicy"));
  try {
    stage("pulumi preview --diff (stand-in)");
    printSteps((await engine.preview(program)).steps, "plan");
    stage("pulumi up (stand-in)");
    printSteps((await engine.up(program)).steps, "applied");
    const fingerprint = policy()?.outputs["fingerprint"];
    console.log(`  fingerprint: ${typeof fingerprint === "string" ? fingerprint : JSON.stringify(fingerprint)}`);

    config[`${PROJECT}:allowUploads`] = "true";
    stage("Policy changed (pulumi config set allowUploads true: the app rule allows PUT): pulumi preview --diff (stand-in)");
    printSteps((await engine.preview(program)).steps, "plan");
    stage("pulumi up (stand-in)");
    printSteps((await engine.up(program)).steps, "applied");
  } catch (error) {
    await host.stop();
    throw error;
  }
  return {
    applied: async () => {
      // The state holds the normalized rules; read them back through the model's own schema.
      const shape = checkShape({ rules: policy()?.outputs["rules"] ?? [] });
      return shape.ok ? (shape.value.rules as CorsRule[]) : [];
    },
    destroy: async () => {
      try {
        stage("pulumi destroy (stand-in)");
        printSteps((await engine.destroy()).steps, "destroyed");
      } finally {
        await host.stop();
      }
    },
  };
}
