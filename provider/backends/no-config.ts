import { normalize } from "../model/normalize";
import type { CorsConfiguration } from "../model/types";
import type { Profile } from "../profiles/types";
import type { LiveConfig } from "./types";

/**
 * What a read means once the service's own default is taken into account. Wasabi keeps a
 * default configuration on every bucket without a custom one ("If you delete a custom CORS
 * configuration, the default configuration is used", https://docs.wasabi.com/docs/cross-origin-resource-sharing-cors):
 * reading that default back is "no configuration", or `onExisting: "fail"` would refuse every
 * bucket and delete would wait for a "none" that never comes. A read is the default when it
 * means the same, rule by rule, as one of the profile's `defaultConfigs` (normalized, rule IDs
 * ignored: they never change an answer). Every other read is returned as it is.
 */
export function withoutServiceDefault(live: LiveConfig, profile: Profile): LiveConfig {
  if (live.kind !== "config" || profile.noConfigReadsAs.value !== "default-config") return live;
  const read = meaning(live.config);
  const isDefault = (profile.defaultConfigs?.value ?? []).some((config) => meaning(normalize({ rules: config.rules.map((r) => ({ ...r })) })) === read);
  return isDefault ? { kind: "none" } : live;
}

/** The rules as a server answers them: normalized, without IDs. */
function meaning(config: CorsConfiguration): string {
  return JSON.stringify(normalize(config).rules.map(({ id: _id, ...rule }) => rule));
}
