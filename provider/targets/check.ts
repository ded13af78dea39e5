import { issuePathOf, valueAt } from "../model/structure";
import { CEPH_RELEASES, cephDialectFor, getProfile } from "../profiles";
import { bucketNameProblem } from "./bucket-name";
import { endpointProblem, hasUserInfo } from "./endpoint-url";
import { hostPartProblems } from "./host-parts";
import type * as z from "zod";
import { targetIssue, type TargetIssue, type TargetProblem } from "./messages";
import { targetSchema } from "./schema";
import { memoized } from "../model/memo";
import type { Target } from "./types";

/** Built once: every check and diff of a CorsPolicy checks its target (issue 21, item 5). */
const schema = memoized(targetSchema);

/** What checking a target gives: the normalized target, or issues with `target.` paths. */
export type TargetCheck = { readonly ok: true; readonly target: Target } | { readonly ok: false; readonly issues: TargetIssue[] };

/**
 * Checks a target's shape and normalizes it: R2's `default` jurisdiction is
 * dropped so that writing it or not is no change (cloudflare/terraform-provider-cloudflare#5607
 * is a perpetual diff caused by exactly that).
 */
export function checkTarget(value: unknown): TargetCheck {
  const parsed = schema().safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((zi) => targetIssue("target-invalid", issuePathOf(["target", ...zi.path]), problemOf(value, zi))),
    };
  }
  const target: Target = { ...parsed.data };
  if (target.endpoint !== undefined && hasUserInfo(target.endpoint)) {
    return { ok: false, issues: [targetIssue("target-invalid", ["target", "endpoint"], { kind: "endpoint-credentials" })] };
  }
  const endpoint = target.endpoint === undefined ? undefined : endpointProblem(target.endpoint, endpointPathAllowed(target));
  if (endpoint !== undefined) return { ok: false, issues: [targetIssue("target-invalid", ["target", "endpoint"], { kind: "endpoint", problem: endpoint })] };
  const hostParts = hostPartProblems(target);
  if (hostParts.length > 0) return { ok: false, issues: hostParts };
  if (target.jurisdiction === "default") delete target.jurisdiction;
  const name = bucketNameProblem(target);
  if (name !== undefined) return { ok: false, issues: [name] };
  const version = versionProblem(target);
  if (version !== undefined) return { ok: false, issues: [targetIssue("target-invalid", ["target", "version"], version)] };
  if (needsAccountId(target)) {
    return { ok: false, issues: [targetIssue("target-invalid", ["target", "accountId"], { kind: "r2-account", bucket: target.bucket })] };
  }
  return { ok: true, target };
}

/**
 * What the schema refused, in words that never show a secret: unknown fields by name only,
 * and nothing under `credentials` (a secret's value given where its variable's name belongs).
 */
function problemOf(value: unknown, zi: z.core.$ZodIssue): TargetProblem {
  if (zi.code === "unrecognized_keys") return { kind: "unknown-fields", keys: zi.keys };
  const found = valueAt(value, zi.path);
  if (zi.path.length === 1 && zi.path[0] === "profile" && typeof found === "string") return { kind: "unknown-profile", found };
  if (zi.path[0] === "credentials" && valueAt(value, zi.path) !== undefined) return { kind: zi.path.length === 1 ? "credentials-shape" : "secret-shaped" };
  return { kind: "schema", found: valueAt(value, zi.path), problem: zi.message.replace(/^Invalid input: /, "") };
}

/** A `version` only picks a Ceph RGW dialect (profiles/ceph-versions.ts). */
function versionProblem(target: Target): TargetProblem | undefined {
  if (target.version === undefined) return undefined;
  if (target.profile !== "ceph") return { kind: "version-not-ceph", profile: target.profile };
  return cephDialectFor(target.version) === undefined ? { kind: "ceph-version", found: target.version, releases: Object.keys(CEPH_RELEASES) } : undefined;
}

/** A Swift endpoint is a storage URL, `…/v1/AUTH_<project>` (https://docs.openstack.org/swift/latest/api/object_api_v1_overview.html); an S3 one is the service's root. */
export function endpointPathAllowed(target: Pick<Target, "profile">): boolean {
  return getProfile(target.profile).backend.value === "swift";
}

/** A target without an endpoint whose profile's endpoint template needs the account id (R2's `https://{accountId}.r2.cloudflarestorage.com`). */
function needsAccountId(target: Target): boolean {
  return target.endpoint === undefined && target.accountId === undefined && (getProfile(target.profile).endpoint.value ?? "").includes("{accountId}");
}
