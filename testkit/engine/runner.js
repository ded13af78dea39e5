// One Pulumi operation through the real `pulumi` CLI, run in a child process whose cwd is the
// Pulumi project. The program is the project's compiled `bin/index.js`, run as an Automation API
// inline program: the Node.js language host (`pulumi-language-nodejs`) is not served by the Go
// module proxy, so the CLI connects back to this process for the program instead of spawning it.
// Everything Pulumi-side (engine, steps, diff display, state, plugins) is the real CLI's.
//
// argv[2]: a JSON request { op, project, stack, options }; the JSON result is written to the
// file named by argv[3] (stdout is left to the program and the CLI).
"use strict";
const fs = require("fs");
const path = require("path");

const request = JSON.parse(process.argv[2]);
const resultFile = process.argv[3];
const projectDir = process.cwd();
// The project's own @pulumi/pulumi: the copy the program and this package share.
const automation = require(require.resolve("@pulumi/pulumi/automation", { paths: [projectDir] }));

const events = [];
let output = "";

async function main() {
  const program = async () => {
    const exported = require(path.join(projectDir, "bin", "index.js"));
    return { ...exported };
  };
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    { projectName: request.project, stackName: request.stack, program },
    { workDir: projectDir, projectSettings: { name: request.project, runtime: "nodejs" } },
  );
  const common = {
    onOutput: (text) => (output += text),
    onEvent: (event) => events.push(event),
    color: "never",
  };
  const options = { ...common, ...(request.options ?? {}) };
  switch (request.op) {
    case "preview":
      return stack.preview(options);
    case "up":
      return stack.up(options);
    case "refresh":
      return stack.refresh(options);
    case "destroy":
      return stack.destroy(options);
    default:
      throw new Error(`unknown operation ${request.op}`);
  }
}

main().then(
  () => finish({ ok: true }),
  (error) => finish({ ok: false, error: String((error && error.message) || error) }),
);

function finish(outcome) {
  fs.writeFileSync(resultFile, JSON.stringify({ ...outcome, output, events }));
  // Let the CLI and the inline language server shut down, then leave.
  setImmediate(() => process.exit(0));
}
