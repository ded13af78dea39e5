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
  if (getProfile(target.profile).sdkResolvesEndpoint?.value === true) return undefined;
  return templateEndpointOf(target);
}

/**
 * The profile's endpoint template filled from the target, even where the AWS SDK picks the
 * endpoint itself (a live preflight is sent without the SDK, so its URL is written out), and
 * checked against the template before anything is sent.
 */
export function templateEndpointOf(target: Target): string {
  const profile = getProfile(target.profile);
  const template = profile.endpoint.value;
  if (template === null) {
    throw new CorsPolicyError(`target.endpoint: is missing; ${profile.title} has no fixed endpoint — set endpoint, e.g. "http://127.0.0.1:7480"`, {
      code: "InvalidArgument",
    });
  }
  const values = templateValues(target);
  let url = template;
  if (target.jurisdiction !== undefined && template.includes("{accountId}.")) {
    // R2 serves each jurisdiction on its own host: https://{accountId}.{jurisdiction}.r2.cloudflarestorage.com
    url = url.replace("{accountId}.", `{accountId}.${target.jurisdiction}.`);
  }
  const filled = url.replace(/\{(\w+)\}/g, (_m: string, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new CorsPolicyError(`target.${key}: is missing; ${profile.title}'s endpoint ${template} needs it — set ${key}, or give endpoint`, {
        code: "InvalidArgument",
      });
    }
    return value;
  });
  if (!templatePattern(url).test(filled)) {
    throw new CorsPolicyError(
      `target: the endpoint built from ${profile.title}'s ${template} has the host ${JSON.stringify(hostOf(filled))}, which that template does not make; nothing was sent — check region, accountId and projectId, or give endpoint`,
      { code: "InvalidArgument" },
    );
  }
  return filled;
}

/**
 * What a template can make: its text, each `{placeholder}` a run of letters, digits, ".", "-"
 * and "_". Checked on the built URL before any request or credential is sent, even for a
 * target that never went through check (a state edited by hand): `region: "evil.example/x#"`
 * filled `https://{region}.vstorage.vngcloud.vn/…` with a URL whose host is evil.example (issue 23, item B).
 */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[A-Za-z0-9._-]+")}$`);
}

/** The host a URL names, as a client would connect to it; when it does not parse, what stands between "://" and the path. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;
  }
}

/** Whether every value the target's profile template needs is given (Swift falls back to the catalog's URL when not). */
export function templateFilled(target: Target): boolean {
  const template = getProfile(target.profile).endpoint.value;
  const values = templateValues(target);
  return template !== null && [...template.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1] ?? ""] !== undefined);
}

/** What fills each placeholder of a profile's endpoint template. */
function templateValues(target: Target): Readonly<Record<string, string | undefined>> {
  return { region: target.region ?? getProfile(target.profile).defaultRegion.value ?? undefined, accountId: target.accountId, projectId: target.projectId };
}

/** The signing region for a target. */
export function regionOf(target: Target): string {
  return target.region ?? getProfile(target.profile).defaultRegion.value ?? "us-east-1";
}
