#!/usr/bin/env node
import { CommanderError } from "commander";
import { EXIT, type ExitCode } from "./exit";
import { createOutput } from "./output/output";
import { createProgram } from "./program";

/**
 * Entry point. Commander reports its own errors (unknown command or option,
 * bad choice, missing argument) by throwing through `exitOverride`; they are
 * usage errors (exit 2), printed as commander words them, or as one JSON
 * document when `--json` is on the command line.
 */
async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes("--json");
  const captured: string[] = [];
  const program = createProgram({
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => (json ? captured.push(text) : process.stderr.write(text)),
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    process.exitCode = commanderExit(error, json, captured);
  }
}

function commanderExit(error: unknown, json: boolean, captured: readonly string[]): ExitCode {
  if (!(error instanceof CommanderError)) throw error;
  if (error.exitCode === 0) return EXIT.ok; // --help, --version, help COMMAND
  if (json) {
    const message = (captured[0] ?? error.message).trim().replace(/^error: /, "");
    createOutput({ json: true }).fail("usage", message, []);
  }
  return EXIT.usage;
}

// A reader that stops early (`bucket-cors lint bad.json | head -1`) is not an error of ours: the rest
// of the output is dropped, and the command still finishes and sets its exit code, so a failed lint
// under `set -o pipefail` still fails.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bucket-cors: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env["BUCKET_CORS_DEBUG"] === "1" && error instanceof Error) process.stderr.write(`${error.stack ?? ""}\n`);
  process.exitCode = EXIT.failure;
});
