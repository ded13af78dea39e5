import { S3Client } from "@aws-sdk/client-s3";
import type { AgentOptions as HttpAgentOptions } from "node:http";
import type { AgentOptions as HttpsAgentOptions } from "node:https";
import { getProfile } from "../../profiles";
import { endpointOf, regionOf, type Target } from "../../targets";
import { resolveCredentials, type ResolvedCredentials } from "../credentials";
import { failed, type Subject } from "../failure";
import { NO_CREDENTIALS_HINT } from "../credential-source";
import { rememberSecret } from "../secrets";
import { addTrace } from "./trace";
import { tlsOptions, transportGeneration } from "../http/transport";
import type { BackendError } from "../../errors";

/** One client per endpoint + region + addressing + credentials: clients hold sockets, so they are reused. */
const clients = new Map<string, S3Client>();

/**
 * The AWS SDK prints an 8-line NodeVersionSupportWarning on Node.js 20 when the first client is
 * made; in a Pulumi program it lands in every `pulumi up` as stack output. The SDK's own opt-out
 * is this variable (@aws-sdk/core, submodules/client emitWarningIfUnsupportedVersion); set only
 * when the user has not chosen (unset or empty).
 */
function quietNodeVersionNotice(): void {
  if (!process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"]) process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
}

/** A client for a target and the credentials it signs with. */
export interface S3Handle {
  readonly client: S3Client;
  readonly credentials: ResolvedCredentials;
}

/**
 * The cached client for a target. `requestChecksumCalculation: "WHEN_REQUIRED"`
 * because R2 and other S3 clones reject the checksum headers SDK ≥ 3.729 sends by
 * default (cloudflare-docs PR #19236, scality/cloudserver#5784); PutBucketCors,
 * which the SDK checksums even so, sends Content-MD5 instead (backends/s3/md5.ts). The
 * SDK's standard retry mode backs off on 429/503/SlowDown.
 */
export function s3ClientFor(target: Target): S3Handle {
  const credentials = resolveCredentials(target);
  const endpoint = endpointOf(target);
  const region = regionOf(target);
  const profile = getProfile(target.profile);
  const forcePathStyle = target.forcePathStyle ?? profile.addressing.value === "path";
  const reuse = profile.reuseConnections?.value ?? true;
  const key = [endpoint ?? "aws", region, forcePathStyle, reuse, credentials.source, credentials.fingerprint, transportGeneration()].join("|");
  let client = clients.get(key);
  if (client === undefined) {
    quietNodeVersionNotice();
    const tls = tlsOptions();
    client = new S3Client({
      region,
      ...(endpoint === undefined ? {} : { endpoint }),
      forcePathStyle,
      ...(credentials.values === undefined ? {} : { credentials: credentials.values }),
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // A 301 with x-amz-bucket-region is retried once in that region (AWS's endpoint for it); backends/s3/refusals.ts words a second one.
      followRegionRedirects: true,
      maxAttempts: 5,
      retryMode: "standard",
      // Idle timeouts only; the overall deadline is each call's abort signal (backends/limits.ts).
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000, ...agents(reuse, tls) },
    });
    addTrace(client);
    clients.set(key, client);
  }
  return { client, credentials };
}

/**
 * The SDK's agents when they differ from its own (keep-alive, system CAs): the CLI's TLS settings,
 * and no keep-alive where the profile says reused connections stall (`reuseConnections`).
 */
function agents(reuse: boolean, tls: ReturnType<typeof tlsOptions>): { httpAgent?: HttpAgentOptions; httpsAgent?: HttpsAgentOptions } {
  if (reuse) return tls === undefined ? {} : { httpsAgent: { keepAlive: true, ...tls } };
  return { httpAgent: { keepAlive: false }, httpsAgent: { keepAlive: false, ...tls } };
}

/**
 * The secrets a handle signs with, the AWS default chain's included (from files or
 * instance metadata, which the environment does not show), for scrubbing messages.
 */
export async function signingSecrets(handle: S3Handle): Promise<string[]> {
  if (handle.credentials.values !== undefined) return []; // knownSecrets(target) has them
  try {
    const resolved = await handle.client.config.credentials();
    rememberSecret(resolved.secretAccessKey);
    rememberSecret(resolved.sessionToken);
    return [resolved.secretAccessKey, ...(resolved.sessionToken === undefined ? [] : [resolved.sessionToken])];
  } catch {
    return []; // no credentials resolved, so none can be in a message
  }
}

/**
 * The AWS default chain found no credentials: the SDK throws `CredentialsProviderError`
 * ("Could not load credentials from any providers", @smithy/property-provider) before any
 * request. Reported with the stable code `MissingCredentials`, so callers branch on the
 * code, not on the SDK's wording. Undefined for any other error.
 */
export function missingCredentials(error: unknown, subject: Subject, operation: string): BackendError | undefined {
  if (!(error instanceof Error) || error.name !== "CredentialsProviderError") return undefined;
  return failed(subject, {
    operation,
    code: "MissingCredentials",
    serviceCode: "NoCredentials",
    detail: error.message,
    cause: error,
    hint: NO_CREDENTIALS_HINT,
  });
}
