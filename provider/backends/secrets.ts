import type { Target } from "../targets";
import { providerConfig } from "./provider-config";

/** What a removed secret reads as in a message. */
export const MASK = "***";

/** Environment variables that hold secrets wherever this package reads credentials (AWS default chain, python-swiftclient, openstackclient). */
export const SECRET_ENV = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "OS_PASSWORD", "OS_AUTH_TOKEN", "ST_KEY"] as const;

/** Secrets learned at run time (Swift tokens a login returned, default-chain credentials the SDK resolved). */
const learned = new Set<string>();

/** Remembers a secret obtained at run time, so every later message is scrubbed of it. */
export function rememberSecret(value: string | undefined): void {
  if (value !== undefined && value !== "") learned.add(value);
}

/**
 * Every credential value this process knows of: the {@link SECRET_ENV} variables, the
 * variables a target's `credentials` names, the provider config's secret keys, and
 * what was learned at run time. Values of any length: a short secret is still a secret.
 */
export function knownSecrets(target?: Target): string[] {
  const config = providerConfig();
  const names = target?.credentials;
  const fromTarget = [names?.secretAccessKeyEnv, names?.sessionTokenEnv].map((name) => (name === undefined ? undefined : process.env[name]));
  const values = [...SECRET_ENV.map((name) => process.env[name]), ...fromTarget, config.secretAccessKey, config.sessionToken, ...learned];
  return values.filter((v): v is string => v !== undefined && v !== "");
}

/** `scheme://user:pass@` — the userinfo of a URL, which may hold a password. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/**
 * The text with every secret value and every URL userinfo replaced by `***`. Longest
 * secrets first, so a secret that contains a shorter one is removed whole. The one
 * scrubber for messages this package produces; the CLI and the lifecycle use it too.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = knownSecrets()): string {
  const ordered = [...new Set(secrets)].filter((s) => s !== "").sort((a, b) => b.length - a.length);
  const masked = ordered.reduce((acc, secret) => acc.split(secret).join(MASK), text);
  return masked.replace(USERINFO, `$1${MASK}@`);
}

/** Headers whose whole value is a credential: S3 session tokens, Swift and Keystone tokens and keys. */
const SECRET_HEADERS = ["x-amz-security-token", "x-auth-token", "x-auth-key", "x-storage-token", "x-subject-token", "x-service-token", "x-storage-pass"];

/**
 * A header value as `--debug` shows it: a credential header's value is `***`, an
 * Authorization header keeps its scheme, key id and scope but not its signature, and
 * anything else goes through {@link scrubSecrets}.
 */
export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (SECRET_HEADERS.includes(lower)) return MASK;
  if (lower === "authorization") {
    // SigV4: "AWS4-HMAC-SHA256 Credential=AKID/…, SignedHeaders=…, Signature=hex"; any other scheme: only the scheme.
    const sigv4 = /^(AWS4-HMAC-SHA256 .*Signature=)[0-9a-f]+$/i.exec(value);
    return sigv4 !== null ? scrubSecrets(`${sigv4[1]}${MASK}`) : `${value.split(" ")[0] ?? ""} ${MASK}`;
  }
  return scrubSecrets(value);
}
