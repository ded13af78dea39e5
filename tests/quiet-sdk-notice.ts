/*
 * The AWS SDK prints an 8-line NodeVersionSupportWarning on Node.js 20 the first time a client is
 * made in a process. The product's own clients are quiet (provider/backends/s3/client.ts sets the
 * SDK's opt-out variable), but the bare clients tests make to look at buckets printed it once per
 * test file: about 1,000 lines of CI output around the lines that matter. This drops that one
 * warning in the test file's own process only: it changes no environment variable, so every child
 * (the CLI, the engine, the provider host) still shows whether the product keeps quiet on its own.
 */
const emitWarning = process.emitWarning.bind(process) as (warning: string | Error, ...rest: unknown[]) => void;
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  const text = warning instanceof Error ? warning.message : warning;
  if (text.startsWith("NodeVersionSupportWarning")) return;
  emitWarning(warning, ...rest);
};
