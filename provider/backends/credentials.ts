import { createHash } from "node:crypto";
import { CorsPolicyError } from "../errors";
import { providerConfig } from "./provider-config";
import { unsetVariable, type Target } from "../targets";
import type { CredentialSource } from "./credential-source";

/** S3 credentials resolved for one call; `values` is undefined for the AWS default chain. */
export interface ResolvedCredentials {
  /** Where they came from, for messages and cache keys: `env:NAME`, `config`, or `default-chain`. */
  readonly source: string;
  /** The same, for messages (backends/credential-source.ts). */
  readonly from: CredentialSource;
  readonly values?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A hash of the values, so a cache keyed by it notices rotated secrets without holding them in keys. */
  readonly fingerprint: string;
}

/**
 * Resolves credentials at call time, in this order: the environment variables the
 * target names, the provider config (`bucket-cors:accessKeyId`/`secretAccessKey`),
 * else the AWS SDK's default chain (AWS_* variables, profiles, instance roles).
 * Throws (code `MissingCredentials`) when a named variable is unset, naming the
 * variable, never a value.
 */
export function resolveCredentials(target: Target): ResolvedCredentials {
  const names = target.credentials;
  if (names?.accessKeyIdEnv !== undefined || names?.secretAccessKeyEnv !== undefined) {
    const accessKeyId = readEnv(names.accessKeyIdEnv, "accessKeyIdEnv");
    const secretAccessKey = readEnv(names.secretAccessKeyEnv, "secretAccessKeyEnv");
    const sessionToken = names.sessionTokenEnv === undefined ? undefined : readEnv(names.sessionTokenEnv, "sessionTokenEnv");
    const values = sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
    const from = { kind: "variables", accessKeyIdEnv: names.accessKeyIdEnv!, secretAccessKeyEnv: names.secretAccessKeyEnv! } as const;
    return { source: `env:${names.accessKeyIdEnv}`, from, values, fingerprint: fingerprintOf(values) };
  }
  const config = providerConfig();
  if (config.accessKeyId !== undefined && config.secretAccessKey !== undefined) {
    const values =
      config.sessionToken === undefined
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, sessionToken: config.sessionToken };
    return { source: "config", from: { kind: "config" }, values, fingerprint: fingerprintOf(values) };
  }
  return { source: "default-chain", from: { kind: "default-chain" }, fingerprint: "default-chain" };
}

/** What an environment variable name looks like (POSIX portable names); anything else may be a secret pasted in by mistake. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readEnv(name: string | undefined, field: string): string {
  if (name === undefined) {
    throw new CorsPolicyError(
      `target.credentials.${field}: is missing; both accessKeyIdEnv and secretAccessKeyEnv are needed — name the environment variable holding it`,
      { code: "MissingCredentials" },
    );
  }
  // Never echo it: a value given where the variable's name belongs is the secret itself (issue 11, item 6).
  if (!ENV_NAME.test(name)) {
    throw new CorsPolicyError(
      `target.credentials.${field}: is not an environment variable name (letters, digits and _, not starting with a digit); it is not shown, in case it is the secret itself — give the name of the variable that holds the value, e.g. "AWS_SECRET_ACCESS_KEY"`,
      { code: "MissingCredentials" },
    );
  }
  const value = process.env[name];
  if (value === undefined || value === "") {
    const unset = unsetVariable(name);
    throw new CorsPolicyError(
      // target.credentials comes first; without it the bucket-cors: config is tried before the default chain (issue 19, item 6).
      `target.credentials.${field}: ${unset.named} is not set in the environment of the Pulumi program — ${unset.exportHint}, or remove target.credentials to use the bucket-cors: config (bucket-cors:accessKeyId and bucket-cors:secretAccessKey) or, without it, the AWS default chain`,
      { code: "MissingCredentials" },
    );
  }
  return value;
}

function fingerprintOf(values: object): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 16);
}
