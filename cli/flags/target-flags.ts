import { Option, type Command } from "commander";
import { isProfileName } from "../../provider/profiles";
import { endpointPathAllowed, endpointProblem, endpointProblemText, hasUserInfo, hostPartProblems, R2_JURISDICTIONS } from "../../provider/targets";
import { usageError } from "../exit";
import { inFlagWords } from "./flag-wording";
import { profileOption } from "./profile-flag";

/** The target flags as commander parses them. */
export interface TargetFlags {
  /** The vendor profile. */
  readonly service?: string;
  /** An AWS named credentials profile, as in aws-cli; a vendor name here is read as `--service` (deprecated). */
  readonly profile?: string;
  /** aws-cli's name for `--endpoint`. */
  readonly endpointUrl?: string;
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
  /** aws-cli's --expected-bucket-owner: the account that must own the bucket. */
  readonly expectedBucketOwner?: string;
  /** --ceph-version: the target's `version` (which RGW rule matching to predict). */
  readonly cephVersion?: string;
  /** --debug, --ca-bundle, --no-verify-ssl (cli/flags/connection.ts). */
  readonly debug?: boolean;
  readonly caBundle?: string;
  readonly verifySsl?: boolean;
}

/** Help text naming how a target is given, shared by every command that talks to a bucket. */
export const TARGET_HELP = `
Target: --service and --bucket, plus what the service needs (--account-id for
r2, --endpoint for ceph or s3...), or --target-file with a Target JSON object
such as {"profile": "r2", "accountId": "…", "bucket": "assets"} (plan, apply and
delete also take a list of them). Credentials come from the environment only:
--access-key-id-env and --secret-access-key-env name the variables; without
them, the AWS default chain, with --profile NAME (or AWS_PROFILE) choosing a
named profile as in aws-cli. The region defaults to AWS_REGION or
AWS_DEFAULT_REGION on aws. Swift reads OS_AUTH_TOKEN and OS_STORAGE_URL, or
ST_AUTH, ST_USER and ST_KEY, or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and
OS_PROJECT_NAME.`;

/** Heading of the target flags in every command's help. */
const GROUP = "Target options:";

/** Adds the target flags to `command`, under their own heading in its help. */
export function addTargetOptions(command: Command): Command {
  const options = [
    profileOption(new Option("--service <name>", "vendor profile of the service")),
    new Option("--bucket <name>", "bucket name (the container on Swift)"),
    new Option("--endpoint <url>", "endpoint URL (Swift: the storage URL); the profile's when omitted"),
    new Option("--endpoint-url <url>", "same as --endpoint (aws-cli's name)").conflicts("endpoint"),
    new Option("--region <region>", "region; the profile's when omitted"),
    new Option("--account-id <id>", "Cloudflare account id (r2)"),
    new Option("--jurisdiction <name>", "R2 jurisdiction").choices(R2_JURISDICTIONS),
    new Option("--project-id <id>", "Swift project id filling the profile's storage URL"),
    new Option("--access-key-id-env <NAME>", "environment variable holding the access key id"),
    new Option("--secret-access-key-env <NAME>", "environment variable holding the secret access key"),
    new Option("--session-token-env <NAME>", "environment variable holding a session token"),
    new Option("--profile <name>", "AWS named credentials profile, as in aws-cli (the default chain reads it)"),
    new Option("--expected-bucket-owner <id>", "AWS account id (12 digits) that must own the bucket; S3 refuses the call (403) otherwise"),
    new Option("--ceph-version <version>", 'Ceph release (e.g. "16.2", "reef") for ceph: before ceph/ceph#69190 RGW chose the rule by origin alone'),
    new Option("--target-file <file>", "JSON file holding a Target (or a list of Targets)"),
  ];
  for (const option of options) command.addOption(option.helpGroup(GROUP));
  const connection = [
    new Option("--debug", "print each HTTP request and response line, with headers, on stderr (credentials masked)"),
    new Option("--ca-bundle <file>", "PEM file of CA certificates to trust besides Node's own (a service with a private CA)"),
    new Option("--no-verify-ssl", "do not verify TLS certificates (prints a warning; prefer --ca-bundle)"),
  ];
  for (const option of connection) command.addOption(option.helpGroup("Connection options:"));
  return command;
}

/**
 * The endpoint the flags give, checked before anything is sent: Node's URL parser says only
 * `Invalid URL` for `127.0.0.1:17480` (issue 19, item 8). The fix names the flag the user typed.
 * A URL with `user:password@` is left to the target check, which refuses it without showing it.
 */
export function endpointFromFlags(flags: TargetFlags, service: string): string | undefined {
  const given = flags.endpoint ?? flags.endpointUrl;
  if (given === undefined || hasUserInfo(given)) return given;
  const flag = flags.endpoint !== undefined ? "--endpoint" : "--endpoint-url";
  const problem = endpointProblem(given, isProfileName(service) && endpointPathAllowed({ profile: service }));
  if (problem !== undefined) throw usageError(`${flag}: ${endpointProblemText(problem, (url) => `give ${flag} ${url}`)}`);
  return given;
}

/**
 * The flags that build the endpoint's host or path (--region, --account-id, --project-id), checked
 * as they are read, with the target check's own rules (provider/targets/host-parts.ts), in flag
 * words: `--region "evil.example/x#"` would otherwise send the request to evil.example (issue 23, item B).
 */
export function hostPartsFromFlags(flags: TargetFlags): void {
  const issues = hostPartProblems({ region: flags.region, accountId: flags.accountId, projectId: flags.projectId }).map(inFlagWords);
  const [only] = issues;
  if (issues.length === 1 && only !== undefined) throw usageError(only.message);
  if (issues.length > 1) throw usageError("the target flags are not valid", issues);
}
