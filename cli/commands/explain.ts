import { Option, type Command } from "commander";
import { DIAGNOSE_WORDS } from "../../provider/evaluate/diagnose";
import { explainPreflight } from "../../provider/evaluate/explain";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import { preparePolicy } from "../../provider/validate/prepare";
import { DIALECTS, getProfile, type Dialect } from "../../provider/profiles";
import { EXIT } from "../exit";
import { browserMethod, collectList } from "../flags/options";
import { loadPolicy } from "../documents/read";
import { runCommand, type CommonFlags } from "../run";
import { printAnswer } from "../output/answer";

interface ExplainFlags extends CommonFlags {
  readonly origin: string;
  readonly method: string;
  readonly header?: string[];
  readonly dialect: Dialect;
  readonly from?: FormatName;
  readonly credentials?: boolean;
}

const EXAMPLES = `
Examples:
  $ bucket-cors explain cors.json --method PUT --header content-type \\
      --origin https://app.example.com
  $ bucket-cors explain cors.xml --origin https://app.example.com/ --method GET
  $ bucket-cors explain r2.json --origin https://a.example --method POST \\
      --dialect r2 --credentials --json

Dialects reproduce each server's own answers: aws (S3), r2, ceph (RGW), s3rver,
swift. The diagnosis names the usual causes of "CORS is not working": an origin
with a path or trailing slash, a method or header no rule allows, "*" answered
to a page that sends credentials.
Exit codes: 0 the preflight is allowed; 1 denied (or the document is invalid);
2 usage.`;

/** `explain FILE --origin O --method M [--header H…]`: what a server answers to a preflight under a policy, and why. */
export function registerExplain(program: Command): void {
  program
    .command("explain")
    .summary("evaluate a preflight against a document offline")
    .description(
      "Evaluate a preflight (OPTIONS with Access-Control-Request-Method) against a CORS document offline: allowed or denied, the status and the exact CORS headers the server would answer, why each rule matched or not, and a diagnosis.",
    )
    .argument("<file>", "CORS document (- for standard input)")
    .requiredOption("--origin <origin>", "Origin of the page (required), e.g. https://app.example.com")
    .requiredOption("--method <method>", "method the page will use (required)")
    .option("--header <name>", "request header the page sets (repeat, or separate with commas)", collectList)
    .addOption(new Option("--dialect <dialect>", "whose behaviour to reproduce").choices(DIALECTS).default("aws"))
    .addOption(new Option("--from <format>", "format of the document; detected when omitted").choices(FORMAT_NAMES))
    .option("--credentials", 'the page sends credentials (cookies, credentials: "include")')
    .option("--json", "print one JSON document: the answer, explanation and diagnosis")
    .addHelpText("after", EXAMPLES)
    .action((file: string, flags: ExplainFlags) =>
      runCommand(flags, async (out) => {
        const policy = loadPolicy(file, flags.from);
        const method = browserMethod(flags.method);
        const headers = flags.header ?? [];
        // The policy's own errors under AWS's generic rules (the dialect is a server's matching, not a target).
        const policyErrors = preparePolicy(policy.config, getProfile("s3")).errors;
        const credentials = flags.credentials === true;
        const { request, evaluation, allowed, wildcardRefused, diagnoses } = explainPreflight(
          policy.config,
          { origin: flags.origin, method, headers, credentials },
          { dialect: flags.dialect, policyErrors, words: DIAGNOSE_WORDS.cli },
        );
        out.emit(
          {
            file,
            format: policy.format,
            dialect: flags.dialect,
            request,
            allowed,
            status: evaluation.status ?? null,
            headers: evaluation.headers,
            matchedRule: evaluation.matchedRule ?? null,
            errorCode: evaluation.errorCode ?? null,
            errorMessage: evaluation.errorMessage ?? null,
            explanation: evaluation.explanation,
            diagnoses,
          },
          () => {
            out.line(
              `Preflight OPTIONS from ${flags.origin} for ${method}${headers.length === 0 ? "" : ` with ${headers.join(", ")}`} (dialect ${flags.dialect})`,
            );
            printAnswer(out, {
              allowed,
              status: evaluation.status,
              headers: evaluation.headers,
              matchedRule: evaluation.matchedRule,
              errorCode: evaluation.errorCode,
              errorMessage: evaluation.errorMessage,
              note: wildcardRefused ? "the browser refuses Access-Control-Allow-Origin: * with credentials" : undefined,
            });
            out.line("Explanation:");
            for (const line of evaluation.explanation) out.line(`  ${line}`);
            if (diagnoses.length > 0) {
              out.line("Diagnosis:");
              for (const d of diagnoses) out.line(`  - ${d}`);
            }
          },
        );
        return allowed ? EXIT.ok : EXIT.failure;
      }),
    );
}
