/**
 * Provider configuration received through `configure` (Pulumi stack config,
 * `bucket-cors:*` keys). Held in this module's memory inside the provider
 * process only: it is never written to inputs, outputs or the serialized provider.
 */
export interface ProviderConfig {
  /** `bucket-cors:accessKeyId` */
  readonly accessKeyId?: string;
  /** `bucket-cors:secretAccessKey` (set it with `pulumi config set --secret`) */
  readonly secretAccessKey?: string;
  /** `bucket-cors:sessionToken` */
  readonly sessionToken?: string;
}

/** Config keys read by `configure`, in the `bucket-cors` namespace. */
export const PROVIDER_CONFIG_KEYS = ["accessKeyId", "secretAccessKey", "sessionToken"] as const;

let current: ProviderConfig = {};

/** Replaces the provider configuration (called by the provider's `configure`). */
export function setProviderConfig(config: ProviderConfig): void {
  current = { ...config };
}

/** The provider configuration in effect. */
export function providerConfig(): ProviderConfig {
  return current;
}

/** Reads the `bucket-cors:*` keys from Pulumi's dynamic-provider config object. */
export function readProviderConfig(config: { get(key: string): string | undefined }): ProviderConfig {
  const out: Record<string, string> = {};
  for (const key of PROVIDER_CONFIG_KEYS) {
    const value = config.get(`bucket-cors:${key}`);
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}
