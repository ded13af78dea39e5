import { parsePolicy } from "../provider/api/parse";
import type { LintCode } from "../provider/evaluate/lint/messages";
import { isLintCode } from "../provider/evaluate/lint/options";
import { preparePolicy } from "../provider/validate/prepare";
import type { Profile } from "../provider/profiles/types";

/**
 * The warnings a policy deserves on a target: lint (risky rules) and the
 * vendor's own advice (e.g. an ID OVH may refuse). Errors are `check`'s job.
 * `profile` is the target's (`targetProfile`: a Ceph `version` picks the dialect that lint's shadowing follows).
 */
export function policyWarnings(
  rulesOrDocument: unknown,
  profile: Profile,
  suppress?: Readonly<Record<string, readonly string[]>>,
  expect?: readonly unknown[],
): string[] {
  const parsed = parsePolicy(typeof rulesOrDocument === "string" ? rulesOrDocument : { rules: rulesOrDocument });
  if (parsed.config === undefined) return [];
  const credentialedOrigins = credentialedOriginsOf(expect);
  const lint = { credentialedOrigins, ...(suppress === undefined ? {} : { suppress: knownCodes(suppress) }) };
  const { warnings } = preparePolicy(parsed.config, profile, { lint });
  return [...parsed.issues.filter((i) => i.severity === "warning"), ...warnings].map((i) => i.message);
}

/** The suppressions naming real lint codes (`check` reports the others with checkLintSuppress). */
function knownCodes(suppress: Readonly<Record<string, readonly string[]>>): Record<string, LintCode[]> {
  return Object.fromEntries(Object.entries(suppress).map(([id, codes]) => [id, codes.filter(isLintCode)]));
}

/** The origins of `expect` entries sent with credentials: lint warns about rules that admit them but can never answer them (`credentials-never-served`). */
function credentialedOriginsOf(expect: readonly unknown[] | undefined): string[] {
  // Not yet checked: a program may pass anything (check refuses a non-list with its path).
  const origins = (Array.isArray(expect) ? expect : []).flatMap((entry: unknown) => {
    const { origin, credentials } = (typeof entry === "object" && entry !== null ? entry : {}) as { origin?: unknown; credentials?: unknown };
    return credentials === true && typeof origin === "string" ? [origin] : [];
  });
  return [...new Set(origins)];
}
