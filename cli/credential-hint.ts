import { BackendError, CorsPolicyError } from "../provider/errors";
import { getProfile } from "../provider/profiles";
import type { Target } from "../provider/targets";
import { failure } from "./exit";

/** S3 error codes that mean the service refused the keys themselves (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
const REFUSED_KEYS = ["SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidClientTokenId", "InvalidToken", "ExpiredToken"];

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
  const refused = error.code === "AuthFailed" || (error instanceof BackendError && REFUSED_KEYS.includes(error.serviceCode));
  const missing = error.code === "MissingCredentials";
  if (!refused && !missing) return undefined;
  if (getProfile(target.profile).backend.value === "swift") {
    return "Swift reads OS_AUTH_TOKEN and OS_STORAGE_URL, or ST_AUTH, ST_USER and ST_KEY, or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and OS_PROJECT_NAME: export one of these sets with the right values";
  }
  const names = target.credentials;
  if (names?.accessKeyIdEnv !== undefined && names.secretAccessKeyEnv !== undefined) {
    const read = `the keys were read from ${names.accessKeyIdEnv} and ${names.secretAccessKeyEnv} (--access-key-id-env, --secret-access-key-env)`;
    return refused ? `${read}: check that they hold this service's access key id and secret` : read;
  }
  const chain =
    "no --access-key-id-env/--secret-access-key-env was given, so the AWS default chain was used (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then --profile NAME or AWS_PROFILE in ~/.aws)";
  return `${chain} — give --access-key-id-env NAME --secret-access-key-env NAME naming the variables that hold this service's keys`;
}

/** Runs `work`, adding {@link credentialHint} to a credential failure (exit 1). */
export async function hinted<T>(target: Target, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const hint = credentialHint(error, target);
    if (hint === undefined) throw error;
    throw failure(`${(error as Error).message}\n${hint}`);
  }
}
