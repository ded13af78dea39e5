import { type Issue } from "../model/issue";
import { formatPath, valueAt } from "../model/structure";
import { issue, show } from "../model/issue";
import { targetSchema } from "./schema";
import type { Target } from "./types";

/** What checking a target gives: the normalized target, or issues with `target.` paths. */
export type TargetCheck = { readonly ok: true; readonly target: Target } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Checks a target's shape and normalizes it: R2's `default` jurisdiction is
 * dropped so that writing it or not is no change (cloudflare/terraform-provider-cloudflare#5607
 * is a perpetual diff caused by exactly that).
 */
export function checkTarget(value: unknown): TargetCheck {
  const parsed = targetSchema().safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((zi) => {
        const path = formatPath(["target", ...zi.path]);
        const found = valueAt(value, zi.path);
        const what = found === undefined ? "is missing" : `${show(found)} is not valid`;
        return issue("target-invalid", path, `${what}; ${zi.message.replace(/^Invalid input: /, "")} — fix the target, or build it with a preset such as targets.aws({ bucket, region })`);
      }),
    };
  }
  const target: Target = { ...parsed.data };
  if (target.jurisdiction === "default") delete target.jurisdiction;
  if (target.profile === "r2" && target.accountId === undefined && target.endpoint === undefined) {
    return { ok: false, issues: [issue("target-invalid", "target.accountId", `is missing; an R2 target needs the Cloudflare account id (or an endpoint) — set accountId, e.g. targets.r2({ accountId: "…", bucket: ${show(target.bucket)} })`)] };
  }
  return { ok: true, target };
}
