import { getProfile } from "../profiles";
import type { Target } from "./schema";

/**
 * A stable resource id naming the bucket a target points at, e.g.
 * `r2:acct/assets`, `aws:assets`, `ceph:127.0.0.1:7480/media`. Two targets with
 * the same id are the same bucket (changing anything else is an update, not a
 * replace). AWS bucket names are global, so the region is not part of it.
 */
export function resourceIdOf(target: Target): string {
  return `${target.profile}:${scopeOf(target)}${target.bucket}`;
}

function scopeOf(target: Target): string {
  if (target.endpoint !== undefined) return `${hostOf(target.endpoint)}/`;
  if (target.profile === "aws") return "";
  if (target.accountId !== undefined) {
    return target.jurisdiction === undefined ? `${target.accountId}/` : `${target.accountId}.${target.jurisdiction}/`;
  }
  const region = target.region ?? getProfile(target.profile).defaultRegion.value;
  return region === null ? "" : `${region}/`;
}

function hostOf(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return endpoint;
  }
}
