import type { Command } from "commander";
import { describeTarget, resourceIdOf, targetDialect } from "../../provider/targets";
import { printAnswer } from "../output/answer";
import { findingsOf, type Findings } from "../doctor/findings";
import { doctorPreflights, type DoctorPreflight } from "../doctor/preflights";
import { readForDoctor, type DoctorRead } from "../doctor/read";
import { serverSigns, type ServerSigns } from "../doctor/server";
import { EXIT } from "../exit";
import type { Output } from "../output/output";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { singleTarget } from "../flags/targets";

type DoctorFlags = CommonFlags & TargetFlags;

const EXAMPLES = `
Examples:
  $ bucket-cors doctor --service s3 --endpoint http://127.0.0.1:9000 --bucket assets
  $ bucket-cors doctor --target-file target.json --json

doctor only reads: it reads the CORS configuration (GetBucketCors; a HEAD of the
container on Swift), sends anonymous preflights to an object URL from an origin
the live rules allow and from https://doctor.invalid, which none lists, and
prints whether the server answers them as its rules say, whether it answers
CORS with no configuration set, and the headers that name the server. A read
refused with 501 NotImplemented, 405 MethodNotAllowed or 403 AccessDenied is
reported with what to do instead, not as a failure.
${TARGET_HELP}
Exit codes: 0 probed; 1 the service failed (unreachable, no such bucket, a
refused login); 2 usage.`;

/** `doctor --target …`: what an endpoint supports, probed read-only (issue 22, item 3). */
export function registerDoctor(program: Command): void {
  const command = program
    .command("doctor")
    .summary("probe what an endpoint supports, read-only")
    .description(
      "Probe an endpoint without changing it: whether it reads CORS, whether it answers preflights as the bucket's rules say (or with no rules set), and what server it is.",
    )
    .option("--json", "print one JSON document: the read, the preflights, the findings and the server's headers")
    .addHelpText("after", EXAMPLES)
    .action((flags: DoctorFlags) =>
      runCommand(flags, async (out) => {
        const target = singleTarget(flags, out);
        const read = await readForDoctor(target);
        const live = read.kind === "rules" ? read.config : read.kind === "none" ? null : undefined;
        const preflights = await doctorPreflights(target, live, targetDialect(target));
        const findings = findingsOf(read, preflights);
        const server = serverSigns(preflights[0]?.answer.headers ?? {});
        out.emit(
          {
            target: resourceIdOf(target),
            read: readJson(read),
            preflights: preflights.map(({ answer: _answer, ...p }) => p),
            ...findings,
            server,
          },
          () => printDoctor(out, `${describeTarget(target)} (${resourceIdOf(target)})`, read, preflights, findings, server),
        );
        return EXIT.ok;
      }),
    );
  addTargetOptions(command);
}

function readJson(read: DoctorRead): Record<string, unknown> {
  return {
    kind: read.kind,
    rules: read.kind === "rules" ? read.config.rules.length : null,
    reason: read.kind === "refused" || read.kind === "unreadable" ? read.reason : null,
  };
}

function printDoctor(out: Output, where: string, read: DoctorRead, preflights: readonly DoctorPreflight[], findings: Findings, server: ServerSigns): void {
  out.line(where);
  out.line(`reads CORS: ${readLine(read)}`);
  for (const p of preflights) {
    const why = p.purpose === "listed" ? "an origin the rules allow" : "an origin no rule lists";
    out.line(`preflight ${p.method} from ${p.origin} (${why}) to ${p.url}`);
    printAnswer(out, { allowed: p.allowed, status: p.status, headers: p.headers, errorCode: p.answer.errorCode, errorMessage: p.answer.errorMessage });
    if (p.predicted !== null)
      out.line(`  the rules predict ${p.predicted ? "allowed" : "denied"}${p.predicted === p.allowed ? "" : `: ${out.style.warn("differs")}`}`);
  }
  out.line(`answers preflights per bucket rules: ${followsLine(findings.followsRules)}`);
  if (findings.corsWithoutConfiguration !== null) out.line(`answers CORS with no configuration set: ${withoutLine(findings.corsWithoutConfiguration, out)}`);
  out.line(`server: ${server.looksLike ?? "not recognized"}`);
  for (const [name, value] of Object.entries(server.headers)) out.line(`  ${name}: ${value}`);
}

function readLine(read: DoctorRead): string {
  if (read.kind === "rules") return `yes (${read.config.rules.length} rule${read.config.rules.length === 1 ? "" : "s"})`;
  if (read.kind === "none") return "no configuration";
  if (read.kind === "unreadable") return `yes, but ${read.reason}`;
  return `refused: ${read.reason}`;
}

function followsLine(follows: boolean | null): string {
  if (follows === null) return "unknown (the configuration could not be read, so there is nothing to predict from)";
  return follows ? "yes" : "no: an answer differs from what the rules predict (bucket-cors verify explains one preflight)";
}

function withoutLine(answers: boolean, out: Output): string {
  if (!answers) return "no";
  return out.style.warn(
    "yes: it answers Access-Control-Allow-Origin although the bucket has no CORS configuration, so a server-wide setting decides (ceph/ceph#70697; community MinIO's cors_allow_origin) and bucket rules may not be what browsers get",
  );
}
