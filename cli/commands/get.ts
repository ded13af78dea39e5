import { Option, type Command } from "commander";
import { resourceIdOf } from "../../provider/targets";
import { backendOf } from "../backend";
import { hinted } from "../output/credential-hint";
import { documentText, PRINT_FORMATS, render, type PrintFormat } from "../documents/render";
import { EXIT, failure } from "../exit";
import { issuesJson, printWarnings } from "../output/output";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { describeTarget, singleTarget } from "../flags/targets";
import { unreadableConfiguration } from "../../provider/operations/describe";

interface GetFlags extends CommonFlags, TargetFlags {
  readonly format: PrintFormat;
}

const EXAMPLES = `
Examples:
  $ bucket-cors get --service r2 --account-id "$CF_ACCOUNT" --bucket assets
  $ bucket-cors get --service aws --region eu-west-1 --bucket assets \\
      --format s3-xml
  $ bucket-cors get --target-file target.json --json
  $ bucket-cors get --service ceph --endpoint http://127.0.0.1:7480 --bucket assets \\
      --format pulumi

--format pulumi prints the rules as they go in a CorsPolicy's rules: (camelCase
TypeScript), e.g. to adopt the bucket with onExisting: "adopt"; the other formats
are the documents each service or tool takes (aws-json is what aws s3api
put-bucket-cors takes, not the SDK's rules:).
${TARGET_HELP}
Exit codes: 0 printed; 1 the bucket has no CORS configuration, or the service
failed; 2 usage (bad target, unknown format).`;

/** `get --target …`: the live configuration in any format. */
export function registerGet(program: Command): void {
  const command = program
    .command("get")
    .summary("print a bucket's live CORS configuration")
    .description("Print the CORS configuration a bucket (or Swift container) has now, in any format.")
    .addOption(
      new Option("--format <format>", "format to print (pulumi: the rules as a CorsPolicy's rules: in TypeScript)").choices(PRINT_FORMATS).default("aws-json"),
    )
    .option("--json", "print one JSON document: target, format, document and rules")
    .addHelpText("after", EXAMPLES)
    .action((flags: GetFlags) =>
      runCommand(flags, async (out) => {
        const target = singleTarget(flags, out);
        const read = await hinted(target, async () => (await backendOf(target)).get(target));
        const id = resourceIdOf(target);
        if (read.kind === "no-bucket") throw read.error;
        if (read.kind === "none") throw failure(`${describeTarget(target)} (${id}) has no CORS configuration`);
        if (read.kind === "unreadable") {
          throw failure(
            `${describeTarget(target)} (${id}) has ${unreadableConfiguration(read.raw)} — bucket-cors delete removes it; bucket-cors apply --on-existing overwrite replaces it`,
            read.issues,
          );
        }
        const live = read.config;
        const rendered = render(live, flags.format);
        out.emit({ target: id, format: flags.format, document: rendered.document, rules: live.rules, warnings: issuesJson(rendered.warnings) }, () => {
          printWarnings(out, rendered.warnings);
          out.line(documentText(rendered.document).replace(/\n$/, ""));
        });
        return EXIT.ok;
      }),
    );
  addTargetOptions(command);
}
