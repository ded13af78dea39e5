/**
 * `npm run demo`: s3rver (an S3 server) in a child process, the examples/quickstart project applied (through the
 * pulumi CLI when it is on PATH, else through the real provider host), a changed policy, real
 * browser preflights with the evaluator's explanation, and destroy. Exits non-zero on any failure
 * and leaves nothing running.
 */
import { preflightTable } from "./checks";
import { bold, green, red, stage } from "./print";
import { makeProject, type DemoProject } from "./project";
import { S3RVER_KEY, startS3rver } from "./s3rver";
import { hasPulumiCli, runWithCli } from "./with-cli";
import { runWithoutCli } from "./without-cli";

const BUCKET = "quickstart-assets";

// The AWS SDK warns on every Node 20 process that its 2027 releases will need Node 22: true, but
// noise in a demo. This is the SDK's own opt-out (@aws-sdk/core, emitWarningIfUnsupportedVersion);
// the CLI and the provider host inherit it (the provider also sets it itself).
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

async function main(): Promise<void> {
  stage("Starting an S3 server (s3rver) on loopback, in its own process");
  const s3 = await startS3rver([BUCKET]);
  let project: DemoProject | undefined;
  let destroy: () => Promise<void> = async () => undefined;
  try {
    console.log(`  endpoint ${s3.endpoint}, bucket ${BUCKET}`);
    let run: { destroy: () => Promise<void>; applied: () => Promise<unknown> };
    if (hasPulumiCli()) {
      project = makeProject();
      run = await runWithCli(project, s3.endpoint, BUCKET, S3RVER_KEY);
    } else {
      run = await runWithoutCli(s3.endpoint, BUCKET, S3RVER_KEY);
    }
    destroy = run.destroy;

    stage(`Browser preflights to ${s3.endpoint}/${BUCKET}/index.html`);
    const agree = await preflightTable(`${s3.endpoint}/${BUCKET}/index.html`, (await run.applied()) as never);
    console.log(agree ? green("  every live answer matched the evaluator's prediction") : red("  a live answer differed from the prediction"));
    if (!agree) process.exitCode = 1;
  } finally {
    try {
      await destroy();
    } finally {
      project?.remove();
      await s3.stop();
    }
  }
  console.log(`\n${bold("Done.")} Nothing is left running.`);
}

main().catch((error: unknown) => {
  console.error(red(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`));
  process.exitCode = 1;
});
