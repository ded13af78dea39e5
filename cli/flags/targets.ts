import { issue, type Issue } from "../../provider/model/issue";
import { getProfile, isProfileName, nearestProfile } from "../../provider/profiles";
import { checkTarget, endpointOf, resourceIdOf, unsetVariable, type Target } from "../../provider/targets";
import { configureConnection } from "./connection";
import { inFlagWords, inTargetFileWords } from "./flag-wording";
import { usageError } from "../exit";
import { readText, type FileCap } from "../documents/read";
import type { Output } from "../output/output";
import { endpointFromFlags, hostPartsFromFlags, type TargetFlags } from "./target-flags";

/** Keys of the Target object the flags fill as they are, in the order they are copied. */
const FLAG_FIELDS = ["bucket", "region", "accountId", "jurisdiction", "projectId", "expectedBucketOwner"] as const;

/**
 * The targets the flags name, checked with `checkTarget`. Every problem is a
 * usage error (exit 2) carrying the issues; named credential variables must be
 * set (their values are then masked in all output).
 */
export function targetsFrom(flags: TargetFlags, out: Output, options: { readonly many?: boolean } = {}): Target[] {
  configureConnection(flags, out);
  const service = serviceOf(flags, out);
  const fromFlags =
    service !== undefined ||
    FLAG_FIELDS.some((k) => flags[k] !== undefined) ||
    flags.endpoint !== undefined ||
    flags.endpointUrl !== undefined ||
    flags.accessKeyIdEnv !== undefined ||
    flags.secretAccessKeyEnv !== undefined ||
    flags.sessionTokenEnv !== undefined ||
    flags.cephVersion !== undefined;
  if (flags.targetFile !== undefined && fromFlags) {
    throw usageError("--target-file cannot be combined with --service, --bucket or the other target flags — put everything in the file, or use flags only");
  }
  const raw = flags.targetFile !== undefined ? readTargetFile(flags.targetFile) : [targetFromFlags(flags, service)];
  if (raw.length === 0) throw usageError(`${flags.targetFile ?? ""} holds an empty list — add at least one Target`);
  if (raw.length > 1 && options.many !== true) {
    throw usageError(`${flags.targetFile ?? ""} holds ${raw.length} targets; this command takes one — put a single Target object in the file`);
  }
  const targets = raw.map((value, index) => checked(value, raw.length > 1 ? index : undefined, flags.targetFile === undefined));
  for (const target of targets) checkReachable(target, out);
  return targets;
}

/** The one target the flags name (a target file with a list is a usage error). */
export function singleTarget(flags: TargetFlags, out: Output): Target {
  const [target] = targetsFrom(flags, out);
  if (target === undefined) throw usageError("no target — give --service and --bucket, or --target-file FILE");
  return target;
}

/**
 * The vendor the flags name. `--profile` means an AWS named credentials profile, as in
 * aws-cli, and goes to the default chain as AWS_PROFILE; a vendor name given there is read
 * as `--service`, with a note, since `--profile` named the vendor before 0.2.
 */
function serviceOf(flags: TargetFlags, out: Output): string | undefined {
  if (flags.profile === undefined) return flags.service;
  if (flags.service === undefined && isProfileName(flags.profile)) {
    out.note(
      `warning: --profile ${flags.profile} is read as --service ${flags.profile}; --profile now names an AWS credentials profile, as in aws-cli — write --service ${flags.profile}`,
    );
    return flags.profile;
  }
  process.env["AWS_PROFILE"] = flags.profile;
  return flags.service;
}

function targetFromFlags(flags: TargetFlags, service: string | undefined): Record<string, unknown> {
  if (service === undefined || flags.bucket === undefined) {
    throw usageError(
      `no target: give --service and --bucket (e.g. --service r2 --account-id ACCOUNT --bucket assets), or --target-file FILE${vendorInProfile(flags, service)}`,
    );
  }
  hostPartsFromFlags(flags);
  const target: Record<string, unknown> = { profile: service };
  for (const key of FLAG_FIELDS) if (flags[key] !== undefined) target[key] = flags[key];
  if (flags.cephVersion !== undefined) target["version"] = flags.cephVersion;
  const endpoint = endpointFromFlags(flags, service);
  if (endpoint !== undefined) target["endpoint"] = endpoint;
  // aws-cli's region variables, for the one service whose region they name.
  const region = service === "aws" && flags.region === undefined ? (process.env["AWS_REGION"] ?? process.env["AWS_DEFAULT_REGION"]) : undefined;
  if (region !== undefined && region !== "") target["region"] = region;
  const credentials: Record<string, string> = {};
  if (flags.accessKeyIdEnv !== undefined) credentials["accessKeyIdEnv"] = flags.accessKeyIdEnv;
  if (flags.secretAccessKeyEnv !== undefined) credentials["secretAccessKeyEnv"] = flags.secretAccessKeyEnv;
  if (flags.sessionTokenEnv !== undefined) credentials["sessionTokenEnv"] = flags.sessionTokenEnv;
  if (Object.keys(credentials).length > 0) target["credentials"] = credentials;
  return target;
}

/**
 * Before 0.2 `--profile` named the vendor; a near-vendor name there (`--profile digitalocean`)
 * is now an AWS credentials profile, so a run without `--service` names the flag it meant.
 */
function vendorInProfile(flags: TargetFlags, service: string | undefined): string {
  const nearest = service === undefined && flags.profile !== undefined ? nearestProfile(flags.profile) : undefined;
  if (nearest === undefined) return "";
  return `; --profile ${flags.profile ?? ""} names an AWS credentials profile, not the service — use --service ${nearest} for ${getProfile(nearest).title}`;
}

/**
 * A target file's cap: a list of a thousand targets fits in 1 MiB. Read without one,
 * `--target-file /dev/zero` grew to 16.8 GB before it aborted (issue 23, item C).
 */
const TARGET_FILE_CAP: FileCap = { bytes: 1024 * 1024, limitOf: "a target file", noun: "target file" };

/**
 * The targets in a target file. JSON.parse's message quotes the text where the syntax breaks
 * (`Unexpected token 'w', "wJalr"... is not valid JSON`), which may be a secret pasted into the
 * file, so the error says only that it is not JSON.
 */
function readTargetFile(file: string): unknown[] {
  const text = readText(file, TARGET_FILE_CAP);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw usageError(
      `target file ${JSON.stringify(file)} is not JSON; its text is not shown, in case it holds a secret — write a Target object such as {"profile": "r2", "accountId": "…", "bucket": "assets"}`,
    );
  }
  return Array.isArray(value) ? value : [value];
}

function checked(value: unknown, index: number | undefined, fromFlags: boolean): Target {
  const result = checkTarget(value);
  if (result.ok) return result.target;
  const where = index === undefined ? "the target" : `target ${index} of the target file`;
  throw usageError(`${where} is not valid`, result.issues.map(fromFlags ? inFlagWords : inTargetFileWords));
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
      issues.push(issue("target-invalid", [], (error as Error).message));
    }
  }
  const names = target.credentials ?? {};
  const pairs = [
    ["accessKeyIdEnv", "--access-key-id-env"],
    ["secretAccessKeyEnv", "--secret-access-key-env"],
    ["sessionTokenEnv", "--session-token-env"],
  ] as const;
  if ((names.accessKeyIdEnv === undefined) !== (names.secretAccessKeyEnv === undefined)) {
    issues.push(
      issue(
        "target-invalid",
        ["target", "credentials"],
        "names only one of the access key id and secret variables; both are needed — give --access-key-id-env and --secret-access-key-env together",
      ),
    );
  }
  for (const [field, flag] of pairs) {
    const name = names[field];
    if (name === undefined) continue;
    out.protectEnv(name);
    const value = process.env[name];
    if (value === undefined || value === "") {
      issues.push(
        issue(
          "credentials-unset",
          ["target", "credentials", field],
          `${unsetVariable(name).named} is not set in the environment — ${unsetVariable(name).exportHint}, or leave out ${flag} to use the AWS default chain`,
        ),
      );
    }
  }
  if (issues.length > 0) throw usageError(`the target ${resourceIdOf(target)} cannot be used`, issues);
}

export { describeTarget } from "../../provider/targets";
