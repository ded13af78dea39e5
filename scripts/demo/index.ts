/**
 * `npm run demo`: an embedded S3 server, the quickstart program applied (through
 * the pulumi CLI when installed, else through the real provider host), a changed
 * policy, real browser preflights with the evaluator's explanation, and destroy.
 * Exits non-zero on any failure and leaves nothing running.
 */
import { startS3rver, type EmbeddedS3 } from "../../tests/support/s3rver";
import { preflightTable } from "./checks";
import { bold, green, red, stage } from "./print";
import { destroyWithCli, hasPulumiCli, runWithCli } from "./with-cli";
import { destroyWithoutCli, runWithoutCli } from "./without-cli";

const BUCKET = "quickstart-assets";

// The AWS SDK warns on every Node 20 process that its 2027 releases will need Node 22
// (@aws-sdk/core emitWarningIfUnsupportedVersion, with no opt-out): true, but noise in a demo.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  if (String(warning).startsWith("NodeVersionSupportWarning")) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

async function main(): Promise<void> {
  stage("Starting an embedded S3 server (s3rver) on loopback");
  const s3: EmbeddedS3 = await startS3rver();
  let cleanup: () => Promise<void> = async () => undefined;
  try {
    await s3.createBucket(BUCKET);
    console.log(`  endpoint ${s3.endpoint}, bucket ${BUCKET}`);
    Object.assign(process.env, { QUICKSTART_ENDPOINT: s3.endpoint, QUICKSTART_BUCKET: BUCKET, QUICKSTART_VARIANT: "initial", QUICKSTART_ACCESS_KEY_ID: "S3RVER", QUICKSTART_SECRET_ACCESS_KEY: "S3RVER" });

    let applied: () => unknown;
    if (hasPulumiCli()) {
      const run = runWithCli();
      applied = run.applied;
      cleanup = async () => destroyWithCli(run.env, run.backend);
    } else {
      const run = await runWithoutCli();
      applied = run.applied;
      cleanup = async () => {
        try {
          await destroyWithoutCli(run.harness);
        } finally {
          await run.harness.stop();
        }
      };
    }

    stage(`Browser preflights to ${s3.endpoint}/${BUCKET}/index.html`);
    const agree = await preflightTable(`${s3.endpoint}/${BUCKET}/index.html`, applied() as never);
    console.log(agree ? green("  every live answer matched the evaluator's prediction") : red("  a live answer differed from the prediction"));
    if (!agree) process.exitCode = 1;
  } finally {
    await cleanup();
    await s3.stop();
  }
  console.log(`\n${bold("Done.")} Nothing is left running.`);
}

main().catch((error: unknown) => {
  console.error(red(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`));
  process.exitCode = 1;
});
