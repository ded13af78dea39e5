import { BackendError, CorsPolicyError } from "../../provider/errors";
import { getProfile } from "../../provider/profiles";
import type { Target } from "../../provider/targets";
import { deniedFix, REFUSED_KEY_CODES } from "../../provider/backends/credential-source";
import { failure } from "../exit";
import { capabilityHint } from "./capability-hint";

/** Node's codes for a certificate it does not trust (https://nodejs.org/api/tls.html, OpenSSL's X509_V_ERR names). */
const UNTRUSTED_CERTIFICATE = [
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_UNTRUSTED",
];

/**
 * What to do about a credential failure, in the CLI's words: which variables were
 * read and which flags change that; and about a certificate Node does not trust:
 * --ca-bundle. Undefined for any other failure.
 */
export function credentialHint(error: unknown, target: Target): string | undefined {
  if (!(error instanceof CorsPolicyError)) return undefined;
  if (error instanceof BackendError && UNTRUSTED_CERTIFICATE.includes(error.serviceCode)) {
    return "the service's TLS certificate is not issued by a CA Node trusts — give --ca-bundle FILE with the PEM certificate of the CA that issued it (--no-verify-ssl skips the check, insecurely)";
  }
  const denied = error instanceof BackendError && error.serviceCode === "AccessDenied" && error.status === 403;
  const refused = error.code === "AuthFailed" || (error instanceof BackendError && REFUSED_KEY_CODES.includes(error.serviceCode));
  const missing = error.code === "MissingCredentials";
  if (!refused && !missing && !denied) return undefined;
  if (getProfile(target.profile).backend.value === "swift") {
    return "Swift reads OS_AUTH_TOKEN and OS_STORAGE_URL, or ST_AUTH, ST_USER and ST_KEY, or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and OS_PROJECT_NAME: export one of these sets with the right values";
  }
  // The CLI's sources, in the order it tries them: the variables the flags (or the target file) name, else the AWS default chain; never bucket-cors: config.
  const fix = denied ? deniedFix(error.operation) : "check that they hold this service's access key id and secret";
  const names = target.credentials;
  if (names?.accessKeyIdEnv !== undefined && names.secretAccessKeyEnv !== undefined) {
    const read = `the keys were read from ${names.accessKeyIdEnv} and ${names.secretAccessKeyEnv} (--access-key-id-env, --secret-access-key-env; the AWS default chain is used only without them)`;
    return missing ? read : `${read}: ${fix}`;
  }
  const chain =
    "no --access-key-id-env/--secret-access-key-env was given, so the AWS default chain was used (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then --profile NAME or AWS_PROFILE in ~/.aws)";
  const give = "give --access-key-id-env NAME --secret-access-key-env NAME naming the variables that hold this service's keys";
  return missing ? `${chain} — ${give}` : `${chain}: ${fix}, or ${give}`;
}

/** Runs `work`, adding {@link credentialHint} to a credential failure, or {@link capabilityHint} to an endpoint without the call (exit 1). */
export async function hinted<T>(target: Target, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const hint = credentialHint(error, target) ?? capabilityHint(error);
    if (hint === undefined) throw error;
    throw failure(withCliHint(error, (error as Error).message, hint));
  }
}

/**
 * `message` (the error's, as shown) with the CLI's hint on its own line in place of the provider's
 * advice, which is worded for a Pulumi program (target.credentials, the bucket-cors: config).
 */
export function withCliHint(error: unknown, message: string, hint: string): string {
  const provider = error instanceof BackendError ? error.hint : undefined;
  return `${provider === undefined ? message : message.replace(` — ${provider}`, "")}\n${hint}`;
}
