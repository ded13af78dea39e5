import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PROVIDER_CONFIG_KEYS, setProviderConfig, type ProviderConfig } from "../provider/backends/provider-config";
import { PACKAGE } from "./json-to-pulumi";
import { SECRET_SIG } from "./plain";

/*
 * The plugin's configuration, served by the plugin itself: the `bucket-cors:*` stack config
 * (access key id, secret access key, session token) or an explicit `new Provider(...)`'s
 * arguments. Held in memory only (backends/provider-config.ts, which the dynamic provider's
 * `configure` fills too): never in a resource's inputs or outputs, never in a message.
 */

/** Keys whose values are secrets: the schema marks them, and CheckConfig refuses nothing by their value. */
export const PROVIDER_SECRET_KEYS = ["secretAccessKey", "sessionToken"] as const;

/** Keys the engine adds to every provider's inputs (pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go). */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

/** A CheckConfig failure: the key and why. */
export interface ConfigFailure {
  readonly property: string;
  readonly reason: string;
}

/** Refuses keys the provider does not read: a misspelt `bucket-cors:secretKey` would otherwise leave the real one unset, silently. */
export function checkConfig(news: Readonly<Record<string, unknown>>): ConfigFailure[] {
  const known = new Set<string>(PROVIDER_CONFIG_KEYS);
  return Object.entries(news)
    .filter(([key]) => !known.has(key) && !ENGINE_KEYS.has(key))
    .map(([key, value]) => ({
      property: key,
      reason: `${PACKAGE}:${key} is not a setting of the ${PACKAGE} provider${typeof value === "string" ? "" : ` (got a ${typeof value})`}; allowed are ${PROVIDER_CONFIG_KEYS.join(", ")} — rename it, e.g. pulumi config set --secret ${PACKAGE}:secretAccessKey <key>`,
    }));
}

/**
 * Configure: the provider's arguments (`args`, the checked inputs) when the engine sends them,
 * else the `variables` map, keyed `bucket-cors:config:<key>` (pulumi/pulumi proto/pulumi/provider.proto, ConfigureRequest).
 */
export function configure(variables: ReadonlyMap<string, string>, args: Struct | undefined): void {
  const values = args === undefined ? fromVariables(variables) : args.toJavaScript();
  const config: Record<string, string> = {};
  for (const key of PROVIDER_CONFIG_KEYS) {
    const value = unwrapSecret(values[key]);
    if (typeof value === "string" && value !== "") config[key] = value;
  }
  setProviderConfig(config satisfies ProviderConfig);
}

/** A secret's value, or the value itself. */
function unwrapSecret(value: unknown): unknown {
  return typeof value === "object" && value !== null && SECRET_SIG in value ? (value as { value?: unknown }).value : value;
}

function fromVariables(variables: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of variables) {
    const prefix = `${PACKAGE}:config:`;
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  }
  return out;
}
