import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { registerApply } from "./commands/apply";
import { registerConvert } from "./commands/convert";
import { registerDelete } from "./commands/delete";
import { registerDoctor } from "./commands/doctor";
import { registerExplain } from "./commands/explain";
import { registerGet } from "./commands/get";
import { registerLint } from "./commands/lint";
import { registerPlan } from "./commands/plan";
import { registerVerify } from "./commands/verify";

const EXAMPLES = `
Examples:
  $ bucket-cors lint cors.json --service r2
  $ bucket-cors convert cors.xml --to cloudflare-api
  $ bucket-cors explain cors.json --origin https://app.example.com --method PUT
  $ bucket-cors plan cors.json --service aws --region eu-west-1 --bucket assets
  $ bucket-cors apply cors.json --target-file targets.json --on-existing adopt

Every command takes --json (one JSON document on stdout) and --help. Colour
and progress are shown on a terminal only; NO_COLOR turns colour off.
Exit codes: 0 ok; 1 failure (invalid policy, service error, denied preflight);
2 usage (unknown command, option or format, unreadable file, bad target);
3 drift found by plan.`;

/** Where commander writes; main.ts swaps these to capture errors for --json. */
export interface ProgramIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/** The `bucket-cors` program with every command registered. Errors throw (exitOverride); main.ts maps them to exit codes. */
export function createProgram(io: ProgramIo): Command {
  const program = new Command("bucket-cors")
    .description("Manage, convert, check and verify the CORS policies of S3-compatible buckets and OpenStack Swift containers.")
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) })
    .showSuggestionAfterError(true)
    .addHelpText("after", EXAMPLES);
  registerConvert(program);
  registerLint(program);
  registerExplain(program);
  registerGet(program);
  registerPlan(program);
  registerApply(program);
  registerVerify(program);
  registerDelete(program);
  registerDoctor(program);
  return program;
}

/** The package version, from the package.json two levels above dist/cli. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
