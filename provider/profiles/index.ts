import { CorsPolicyError } from "../errors";
import { unknownProfileFix } from "./suggest";
import { PROFILES } from "./table";
import { PROFILE_NAMES, type Profile, type ProfileName } from "./types";

export {
  ADDRESSING_STYLES,
  BACKEND_KINDS,
  DIALECTS,
  HEADER_WILDCARD_RULES,
  NO_CONFIG_BEHAVIOURS,
  ORIGIN_WILDCARD_RULES,
  PROFILE_NAMES,
  type AddressingStyle,
  type BackendKind,
  type Dialect,
  type Fact,
  type HeaderWildcardRule,
  type NoConfigBehaviour,
  type OriginWildcardRule,
  type Profile,
  type ProfileName,
} from "./types";
export { PROFILES, profileTable } from "./table";
export { nearestProfile, presetOf, unknownProfileFix } from "./suggest";
export { CEPH_DEFAULT_DIALECT, CEPH_RELEASES, type CephRelease, type CephVersion, cephDialectFor } from "./ceph-versions";
export {
  BACKEND_TRAITS,
  type BackendTraits,
  DIALECT_TRAITS,
  type DialectTraits,
  type RuleChoice,
  RULE_CHOICES,
  type StorageNoun,
  STORAGE_NOUNS,
} from "./traits";

/** True when `x` names a row of the vendor table. */
export function isProfileName(x: unknown): x is ProfileName {
  return typeof x === "string" && (PROFILE_NAMES as readonly string[]).includes(x);
}

/**
 * The vendor profile called `name`. Throws when there is none, naming every
 * allowed profile, so a typo in a target is fixed from the message alone.
 */
export function getProfile(name: string): Profile {
  if (!isProfileName(name)) {
    throw new CorsPolicyError(`profile: ${JSON.stringify(name)} is not a known profile; allowed are ${PROFILE_NAMES.join(", ")} — ${unknownProfileFix(name)}`);
  }
  return PROFILES[name];
}
