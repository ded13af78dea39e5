import { Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import { documentText, PRINT_FORMATS, render, type PrintFormat } from "../documents/render";
import { EXIT } from "../exit";
import { issuesJson, printWarnings } from "../output/output";
import { loadPolicy } from "../documents/read";
import { runCommand, type CommonFlags } from "../run";

interface ConvertFlags extends CommonFlags {
  readonly to: PrintFormat;
  readonly from?: FormatName;
}

const EXAMPLES = `
Examples:
  $ bucket-cors convert cors.xml --to aws-json
  $ bucket-cors convert r2-dashboard.json --to cloudflare-api > wrangler.json
  $ bucket-cors convert gcs.json --from gcs-json --to s3-xml
  $ cat cors.json | bucket-cors convert - --to swift-headers
  $ bucket-cors convert r2-dashboard.json --to pulumi

Formats: ${FORMAT_NAMES.join(", ")}.
The input may also be the canonical model {"rules":[{"allowedOrigins":[…],…}]}.
--to pulumi writes the rules as they go in a CorsPolicy's rules: (camelCase
TypeScript), offline: a document from a dashboard or another tool becomes a
Pulumi program's policy without a live bucket (get --format pulumi does the same
for a bucket's live rules).
Exit codes: 0 converted; 1 the document is invalid, or the target format cannot
hold it (nothing is dropped silently); 2 usage (unknown format, unreadable
file).`;

/** `convert FILE --to FORMAT [--from FORMAT]`: one wire format to another (or to `pulumi`), through the canonical model. */
export function registerConvert(program: Command): void {
  program
    .command("convert")
    .summary("convert a CORS document from one format to another")
    .description(
      "Convert a CORS document from one format to another. The document is decoded into the canonical model and rendered again: nothing converts format to format.",
    )
    .argument("<file>", "document to convert (- for standard input)")
    .addOption(
      new Option("--to <format>", "format to write (required; pulumi: the rules as a CorsPolicy's rules: in TypeScript)")
        .choices(PRINT_FORMATS)
        .makeOptionMandatory(),
    )
    .addOption(new Option("--from <format>", "format of the input; detected when omitted").choices(FORMAT_NAMES))
    .option("--json", "print one JSON document: formats, the converted document and warnings")
    .addHelpText("after", EXAMPLES)
    .action((file: string, flags: ConvertFlags) =>
      runCommand(flags, async (out) => {
        const policy = loadPolicy(file, flags.from);
        const rendered = render(policy.config, flags.to);
        const warnings = [...policy.warnings, ...rendered.warnings];
        out.emit({ from: policy.format, to: flags.to, document: rendered.document, warnings: issuesJson(warnings) }, () => {
          printWarnings(out, warnings);
          out.line(documentText(rendered.document).replace(/\n$/, ""));
        });
        return EXIT.ok;
      }),
    );
}
