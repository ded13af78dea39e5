import { cephDialectFor, getProfile } from "../profiles";
import type { Dialect, Profile } from "../profiles/types";
import type { TargetInput } from "./types";

/**
 * The evaluator dialect that answers for a target: its profile's, except that a Ceph target's
 * `version` picks the RGW generation (profiles/ceph-versions.ts). For a checked target; an
 * unrecognised version falls back to the profile's dialect.
 */
export function targetDialect(target: Pick<TargetInput, "profile" | "version">): Dialect {
  const byVersion = target.profile === "ceph" && target.version !== undefined ? cephDialectFor(target.version) : undefined;
  return byVersion ?? getProfile(target.profile).dialect.value;
}

/**
 * The target's profile with the dialect {@link targetDialect} picks, for code that takes a
 * profile (lintPolicy's shadowing): the row itself when the version changes nothing.
 */
export function targetProfile(target: Pick<TargetInput, "profile" | "version">): Profile {
  const profile = getProfile(target.profile);
  const dialect = targetDialect(target);
  if (dialect === profile.dialect.value) return profile;
  return { ...profile, dialect: { value: dialect, source: `profiles/ceph-versions.ts (version ${JSON.stringify(target.version)})` } };
}
