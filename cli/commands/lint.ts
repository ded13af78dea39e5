import { Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats";
import { preparePolicy } from "../../provider/validate/prepare";
import { hasErrors, type Issue } from "../../provider/model/issue";
import { getProfile, type ProfileName } from "../../provider/profiles";
import { profileOption } from "../flags/profile-flag";
import { EXIT } from "../exit";
import { issuesJson, plural, printIssues } from "../output/output";
import { decodeFile } from "../documents/read";
import { runCommand, type CommonFlags } from "../run";

interface LintFlags extends CommonFlags {
  readonly service: ProfileName;
  /** The former name of --service, kept working (hidden from help). */
  readonly target?: ProfileName;
  readonly from?: FormatName;
  readonly allowWidening?: boolean;
}

const EXAMPLES = `
Examples:
  $ bucket-cors lint cors.json
  $ bucket-cors lint cors.xml --service r2
  $ bucket-cors lint cors.json --service swift --allow-widening --json

Checks, in order: the document's format and shape, the generic S3 rules and the
profile's own (wildcards, methods, limits), then risky-policy warnings (a "*"
origin with write methods, http:// origins, rules shadowed by earlier ones).
--service names the profile as on every other command; --target, its former
name here, still works.
Exit codes: 0 no errors (warnings are printed); 1 errors; 2 usage.`;

/** `lint FILE [--service PROFILE]`: every error and warning of a policy for one vendor. */
export function registerLint(program: Command): void {
  program
    .command("lint")
    .summary("check a document against a vendor's rules and risks")
    .description(
      "Check a CORS document: format, shape, the target vendor's rules and limits, and risky-policy warnings. Every problem is reported with its path and a fix.",
    )
    .argument("<file>", "document to check (- for standard input)")
    .addOption(profileOption(new Option("--service <name>", "vendor profile to check against")).default("s3"))
    // Every other command names the profile --service; lint's --target is kept for scripts written before.
    .addOption(profileOption(new Option("--target <profile>", "former name of --service")).conflicts("service").hideHelp())
    .addOption(new Option("--from <format>", "format of the document; detected when omitted").choices(FORMAT_NAMES))
    .option("--allow-widening", "Swift: accept rules Swift can only hold in a wider form")
    .option("--json", "print one JSON document: format, profile, errors and warnings")
    .addHelpText("after", EXAMPLES)
    .action((file: string, flags: LintFlags) =>
      runCommand(flags, async (out) => {
        const profile = flags.target ?? flags.service;
        const decoded = decodeFile(file, flags.from);
        const issues: Issue[] = [...decoded.issues];
        if (decoded.config !== undefined && !hasErrors(issues)) {
          const prepared = preparePolicy(decoded.config, getProfile(profile), { allowWidening: flags.allowWidening === true, lint: {}, optInWords: "cli" });
          issues.push(...prepared.errors, ...prepared.warnings);
        }
        const errors = issues.filter((i) => i.severity === "error");
        const warnings = issues.filter((i) => i.severity === "warning");
        const format = decoded.format ?? null;
        out.emit({ ok: errors.length === 0, file, format, profile, errors: issuesJson(errors), warnings: issuesJson(warnings) }, () => {
          const as = format === null ? "" : `${format}, `;
          const counts =
            errors.length + warnings.length === 0 ? "no problems found" : `${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`;
          out.line(`${file} (${as}profile ${profile}): ${errors.length > 0 ? out.style.bad(counts) : counts}`);
          printIssues(out, [...errors, ...warnings]);
        });
        return errors.length > 0 ? EXIT.failure : EXIT.ok;
      }),
    );
}
