import { CorsPolicyError } from "../errors";
import { getProfile } from "../profiles";
import type { Target } from "./types";

/**
 * The endpoint URL for a target: its own `endpoint`, else the profile's template
 * filled from the target; `undefined` lets the AWS SDK pick AWS's own endpoint.
 * Throws when the template needs a value the target lacks.
 */
export function endpointOf(target: Target): string | undefined {
  if (target.endpoint !== undefined) return target.endpoint;
  const profile = getProfile(target.profile);
  if (profile.sdkResolvesEndpoint?.value === true) return undefined;
  const template = profile.endpoint.value;
  if (template === null) {
    throw new CorsPolicyError(`target.endpoint: is missing; ${profile.title} has no fixed endpoint — set endpoint, e.g. "http://127.0.0.1:7480"`, {
      code: "InvalidArgument",
    });
  }
  const values: Record<string, string | undefined> = {
    region: target.region ?? profile.defaultRegion.value ?? undefined,
    accountId: target.accountId,
    projectId: target.projectId,
  };
  let url = template;
  if (target.jurisdiction !== undefined && template.includes("{accountId}.")) {
    // R2 serves each jurisdiction on its own host: https://{accountId}.{jurisdiction}.r2.cloudflarestorage.com
    url = url.replace("{accountId}.", `{accountId}.${target.jurisdiction}.`);
  }
  return url.replace(/\{(\w+)\}/g, (_m: string, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new CorsPolicyError(`target.${key}: is missing; ${profile.title}'s endpoint ${template} needs it — set ${key}, or give endpoint`, {
        code: "InvalidArgument",
      });
    }
    return value;
  });
}

/** The signing region for a target. */
export function regionOf(target: Target): string {
  return target.region ?? getProfile(target.profile).defaultRegion.value ?? "us-east-1";
}
