/** Where the keys a call signs with came from (backends/credentials.ts tries them in this order). */
export type CredentialSource =
  | { readonly kind: "variables"; readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string }
  | { readonly kind: "config" }
  | { readonly kind: "default-chain" };

/** The AWS SDK's default chain, as far as a user sets it (@aws-sdk/credential-provider-node: env, ini files, then container and instance roles). */
export const DEFAULT_CHAIN = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then AWS_PROFILE in ~/.aws, then a container or instance role";

/**
 * S3 codes that mean the service refused the keys, or what they may do
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): the answer does not
 * say which keys were sent, so the message does.
 */
export const REFUSED_KEY_CODES: readonly string[] = ["SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidClientTokenId", "InvalidToken", "ExpiredToken"];

/**
 * The closing advice for an S3 credential failure (issue 19, item 6): which source signed, the
 * order sources are tried in, and the fix. For the `bucket-cors:` config it also says that
 * `pulumi refresh` signs with the configuration saved at the last `up`: refresh and destroy do not
 * run the program, so the default provider is configured from its inputs in the state (pulumi/esc#199);
 * a rotated key is not used until the next `up`. Undefined for any other failure.
 */
export function keysHint(source: CredentialSource | undefined, serviceCode: string, status: number | undefined, operation: string): string | undefined {
  const denied = serviceCode === "AccessDenied" && status === 403;
  if (source === undefined || (!denied && !REFUSED_KEY_CODES.includes(serviceCode))) return undefined;
  const fix = denied ? deniedFix(operation) : "check that they are this service's access key id and secret";
  switch (source.kind) {
    case "variables":
      return `the keys were read from ${variables(source)}, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain) — ${fix}`;
    case "config":
      return `the keys came from the bucket-cors: config (bucket-cors:accessKeyId and bucket-cors:secretAccessKey), used when target.credentials names no variables and before the AWS default chain — ${fix} (pulumi config get); pulumi refresh signs with the bucket-cors: config saved in the state at the last pulumi up, so a key changed since then is used only from the next pulumi up`;
    case "default-chain":
      return `target.credentials names no variables and the bucket-cors: config has no keys, so the AWS default chain, tried last, signed (${DEFAULT_CHAIN}) — ${fix}, or name the variables that hold this service's keys in target.credentials: { accessKeyIdEnv, secretAccessKeyEnv }`;
  }
}

/**
 * The IAM action each CORS call needs: GetBucketCors s3:GetBucketCORS, PutBucketCors s3:PutBucketCORS, and
 * DeleteBucketCors s3:PutBucketCORS too (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketCors.html,
 * API_PutBucketCors.html, API_DeleteBucketCors.html: "you must have permission to perform the s3:… action").
 */
const CORS_PERMISSION: Readonly<Record<string, string>> = {
  GetBucketCors: "s3:GetBucketCORS",
  PutBucketCors: "s3:PutBucketCORS",
  DeleteBucketCors: "s3:PutBucketCORS",
};

/**
 * The fix for a 403 AccessDenied to keys the service knows: the account, and the permission the call
 * needs by name. Every write and delete reads first (to compare, confirm or restore), so changes need both.
 */
export function deniedFix(operation: string): string {
  const permission = CORS_PERMISSION[operation];
  const needs =
    permission === undefined
      ? "may read and write its CORS configuration"
      : `that their policy allows ${permission} on it (what ${operation} needs; every change reads the configuration first, so changes need s3:GetBucketCORS and s3:PutBucketCORS)`;
  return `the service knows these keys but refuses this call: check that they belong to the bucket's account and ${needs}`;
}

/** The advice when no source had keys: the SDK's default chain came last and found none. */
export const NO_CREDENTIALS_HINT = `target.credentials names no variables, the bucket-cors: config has no keys, and the AWS default chain found none (${DEFAULT_CHAIN}) — name the variables that hold this service's keys in target.credentials: { accessKeyIdEnv, secretAccessKeyEnv }, or set bucket-cors:accessKeyId and bucket-cors:secretAccessKey with pulumi config set --secret`;

/** Variable names as messages may show them: upper-case names only, since another may be a pasted secret (targets/env-name.ts). */
function variables(source: { readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string }): string {
  const names = [source.accessKeyIdEnv, source.secretAccessKeyEnv];
  return names.every((n) => /^[A-Z_][A-Z0-9_]*$/.test(n))
    ? names.join(" and ")
    : "two variables (not shown: a name in lower or mixed case may be the secret itself)";
}

/** How each Swift login is named, with the order they are tried in (backends/swift/auth.ts, `swiftSession`). */
const SWIFT_SOURCES: Readonly<Record<string, string>> = {
  OS_AUTH_TOKEN:
    "the token came from OS_AUTH_TOKEN, which is tried first (then a TempAuth login with ST_AUTH, ST_USER and ST_KEY, then Keystone with OS_AUTH_URL, OS_USERNAME and OS_PASSWORD)",
  tempauth:
    "the token came from a TempAuth login with ST_AUTH, ST_USER and ST_KEY, tried when OS_AUTH_TOKEN is unset and before Keystone (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD)",
  keystone:
    "the token came from a Keystone login with OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and the project, tried last, as neither OS_AUTH_TOKEN nor ST_AUTH, ST_USER and ST_KEY is set",
};

/**
 * The closing advice for a Swift 401 (after one fresh login) or 403: which variables the token
 * came from, the order they are tried in, and the fix. Undefined for any other status.
 */
export function swiftKeysHint(source: string, status: number): string | undefined {
  if (status !== 401 && status !== 403) return undefined;
  const from = SWIFT_SOURCES[source] ?? `the token came from ${source}`;
  const fix =
    status === 403
      ? "the service knows the token but refuses this call: check that the user may write the container's metadata (an admin or operator role)"
      : source === "OS_AUTH_TOKEN"
        ? "the token is refused: check that it is current and issued for this storage URL, or unset OS_AUTH_TOKEN to log in with the other variables"
        : "the token the login gave is refused: check that the login's storage URL is this endpoint's";
  return `${from} — ${fix}`;
}
