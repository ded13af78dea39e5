import { targetIssue, type HostPart, type TargetIssue } from "./messages";
import type { Target } from "./types";

/*
 * The target fields a profile's endpoint template puts into the URL (targets/endpoint.ts):
 * `https://{region}.digitaloceanspaces.com`, `https://{accountId}.r2.cloudflarestorage.com`,
 * `https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId}`. Any string used to pass, so
 * `region: "evil.example/x#"` sent the request, and a Swift X-Auth-Token, to evil.example
 * (issue 23, item B). Each takes only what its vendor's own values are made of.
 */

/**
 * A region or zone: DNS labels (letters, digits, "-"), dot-separated, as in `eu-west-1`,
 * `nyc3`, `ch-gva-2`, `hcm03` (RFC 1123 host names: https://www.rfc-editor.org/rfc/rfc1123#page-13).
 */
const REGION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A Cloudflare account id: 32 hex digits (https://developers.cloudflare.com/fundamentals/account/find-account-and-zone-ids/). */
const ACCOUNT_ID = /^[0-9a-fA-F]{32}$/;

/**
 * A Keystone project id: 32 hex digits by default, any id a Keystone backend gives otherwise
 * (https://docs.openstack.org/keystone/latest/admin/identity-concepts.html): letters, digits,
 * "-" and "_", with "." between them; it is a path segment, `AUTH_{projectId}`, so never "/", "?" or "#".
 */
const PROJECT_ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Each host part's pattern; `?` and `#` can never match, nor `/`, `@`, `:` or a space. */
export const HOST_PART_PATTERNS: Readonly<Record<HostPart, RegExp>> = { region: REGION, accountId: ACCOUNT_ID, projectId: PROJECT_ID };

/** Every host part of the target its pattern refuses, each as an issue at its path. */
export function hostPartProblems(target: Pick<Target, HostPart>): TargetIssue[] {
  return (Object.keys(HOST_PART_PATTERNS) as HostPart[]).flatMap((field) => {
    const value = target[field];
    if (value === undefined || HOST_PART_PATTERNS[field].test(value)) return [];
    return [targetIssue("target-invalid", ["target", field], { kind: "host-part", field, found: value })];
  });
}
