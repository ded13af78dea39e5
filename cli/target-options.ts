import { readFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { PROFILE_NAMES, getProfile } from "../provider/profiles";
import { checkTarget, endpointOf, R2_JURISDICTIONS, resourceIdOf, type Target } from "../provider/targets";
import { issue, type Issue } from "../provider/model/issue";
import { usageError } from "./exit";
import type { Output } from "./output";

/** The target flags as commander parses them. */
export interface TargetFlags {
  readonly profile?: string;
  readonly bucket?: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly accountId?: string;
  readonly jurisdiction?: string;
  readonly projectId?: string;
  readonly accessKeyIdEnv?: string;
  readonly secretAccessKeyEnv?: string;
  readonly sessionTokenEnv?: string;
  readonly targetFile?: string;
}

/** Help text naming how a target is given, shared by every command that talks to a bucket. */
export const TARGET_HELP = `
Target: --profile and --bucket, plus what the profile needs (--account-id for
r2, --endpoint for ceph or s3...), or --target-file with a Target JSON object
(plan, apply and delete also take a list of them). Credentials come from the
environment only: --access-key-id-env and --secret-access-key-env name the
variables (without them, the AWS default chain); Swift reads OS_AUTH_TOKEN and
OS_STORAGE_URL, or ST_AUTH, ST_USER and ST_KEY, or OS_AUTH_URL, OS_USERNAME,
OS_PASSWORD and OS_PROJECT_NAME.`;

/** Heading of the target flags in every command's help. */
const GROUP = "Target options:";

/** Adds the target flags to `command`, under their own heading in its help. */
export function addTargetOptions(command: Command): Command {
  const options = [
    new Option("--profile <name>", "vendor profile of the service").choices(PROFILE_NAMES),
    new Option("--bucket <name>", "bucket name (the container on Swift)"),
    new Option("--endpoint <url>", "endpoint URL (Swift: the storage URL); the profile's when omitted"),
    new Option("--region <region>", "region; the profile's when omitted"),
    new Option("--account-id <id>", "Cloudflare account id (r2)"),
    new Option("--jurisdiction <name>", "R2 jurisdiction").choices(R2_JURISDICTIONS),
    new Option("--project-id <id>", "Swift project id filling the profile's storage URL"),
    new Option("--access-key-id-env <NAME>", "environment variable holding the access key id"),
    new Option("--secret-access-key-env <NAME>", "environment variable holding the secret access key"),
    new Option("--session-token-env <NAME>", "environment variable holding a session token"),
    new Option("--target-file <file>", "JSON file holding a Target (or a list of Targets)"),
  ];
  for (const option of options) command.addOption(option.helpGroup(GROUP));
  return command;
}

/** Keys of the Target object the flags fill, in the order they are copied. */
const FLAG_FIELDS = ["profile", "bucket", "endpoint", "region", "accountId", "jurisdiction", "projectId"] as const;

/**
 * The targets the flags name, checked with `checkTarget`. Every problem is a
 * usage error (exit 2) carrying the issues; named credential variables must be
 * set (their values are then masked in all output).
 */
export function targetsFrom(flags: TargetFlags, out: Output, options: { readonly many?: boolean } = {}): Target[] {
  const fromFlags = FLAG_FIELDS.some((k) => flags[k] !== undefined) || flags.accessKeyIdEnv !== undefined || flags.secretAccessKeyEnv !== undefined || flags.sessionTokenEnv !== undefined;
  if (flags.targetFile !== undefined && fromFlags) {
    throw usageError("--target-file cannot be combined with --profile, --bucket or the other target flags — put everything in the file, or use flags only");
  }
  const raw = flags.targetFile !== undefined ? readTargetFile(flags.targetFile) : [targetFromFlags(flags)];
  if (raw.length === 0) throw usageError(`${flags.targetFile ?? ""} holds an empty list — add at least one Target`);
  if (raw.length > 1 && options.many !== true) {
    throw usageError(`${flags.targetFile ?? ""} holds ${raw.length} targets; this command takes one — put a single Target object in the file`);
  }
  const targets = raw.map((value, index) => checked(value, raw.length > 1 ? index : undefined));
  for (const target of targets) checkReachable(target, out);
  return targets;
}

/** The one target the flags name (a target file with a list is a usage error). */
export function singleTarget(flags: TargetFlags, out: Output): Target {
  const [target] = targetsFrom(flags, out);
  if (target === undefined) throw usageError("no target — give --profile and --bucket, or --target-file FILE");
  return target;
}

function targetFromFlags(flags: TargetFlags): Record<string, unknown> {
  if (flags.profile === undefined || flags.bucket === undefined) {
    throw usageError("no target: give --profile and --bucket (e.g. --profile r2 --account-id ACCOUNT --bucket assets), or --target-file FILE");
  }
  const target: Record<string, unknown> = {};
  for (const key of FLAG_FIELDS) if (flags[key] !== undefined) target[key] = flags[key];
  const credentials: Record<string, string> = {};
  if (flags.accessKeyIdEnv !== undefined) credentials["accessKeyIdEnv"] = flags.accessKeyIdEnv;
  if (flags.secretAccessKeyEnv !== undefined) credentials["secretAccessKeyEnv"] = flags.secretAccessKeyEnv;
  if (flags.sessionTokenEnv !== undefined) credentials["sessionTokenEnv"] = flags.sessionTokenEnv;
  if (Object.keys(credentials).length > 0) target["credentials"] = credentials;
  return target;
}

function readTargetFile(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw usageError(`cannot read target file ${JSON.stringify(file)} (${(error as NodeJS.ErrnoException).code ?? "error"}) — check the path`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`target file ${JSON.stringify(file)} is not JSON (${(error as Error).message}) — write a Target object such as {"profile": "r2", "accountId": "…", "bucket": "assets"}`);
  }
  return Array.isArray(value) ? value : [value];
}

function checked(value: unknown, index: number | undefined): Target {
  const result = checkTarget(value);
  if (result.ok) return result.target;
  const where = index === undefined ? "the target" : `target ${index} of the target file`;
  throw usageError(`${where} is not valid`, result.issues);
}

/**
 * Checks what can be checked before any request: the endpoint can be built, and
 * named credential variables are set. Registers them as secrets for output.
 */
function checkReachable(target: Target, out: Output): void {
  const issues: Issue[] = [];
  if (getProfile(target.profile).backend.value === "s3") {
    try {
      endpointOf(target);
    } catch (error) {
      issues.push(issue("target-invalid", "", (error as Error).message));
    }
  }
  const names = target.credentials ?? {};
  const pairs = [["accessKeyIdEnv", "--access-key-id-env"], ["secretAccessKeyEnv", "--secret-access-key-env"], ["sessionTokenEnv", "--session-token-env"]] as const;
  if ((names.accessKeyIdEnv === undefined) !== (names.secretAccessKeyEnv === undefined)) {
    issues.push(issue("target-invalid", "target.credentials", "names only one of the access key id and secret variables; both are needed — give --access-key-id-env and --secret-access-key-env together"));
  }
  for (const [field, flag] of pairs) {
    const name = names[field];
    if (name === undefined) continue;
    out.protectEnv(name);
    const value = process.env[name];
    if (value === undefined || value === "") {
      issues.push(issue("credentials-unset", `target.credentials.${field}`, `names ${JSON.stringify(name)}, which is not set in the environment — export ${name}, or leave out ${flag} to use the AWS default chain`));
    }
  }
  if (issues.length > 0) throw usageError(`the target ${resourceIdOf(target)} cannot be used`, issues);
}
