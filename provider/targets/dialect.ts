import { cephDialectFor, getProfile } from "../profiles";
import type { Dialect } from "../profiles/types";
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
