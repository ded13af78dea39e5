import { getProfile } from "../../profiles";
import { DIALECT_TRAITS } from "../../profiles/traits";
import type { Profile } from "../../profiles/types";
import type { ShapeIssue } from "../../model/shape-messages";
import { evaluableProblems } from "../evaluable";
import type { EvaluableConfig } from "../types";
import { credentialsNeverServed, etagNotExposed } from "./browser";
import { wildcardHeadersWithCredentials } from "./headers";
import { maxAgeAboveBrowserCaps } from "./max-age";
import { unreachableRules } from "./order";
import type { LintCode, LintIssue } from "./messages";
import { nativeRulesReplaced, WHOLE_POLICY } from "./native-rules";
import { insecureOrigins, wildcardWrites } from "./origins";
import type { LintOptions, RuleIssue } from "./types";

/**
 * Warnings about a policy that is valid but risky or pointless: `*` with
 * write methods, plain-HTTP origins, rules that are never reached or repeat
 * another, `*` headers on credentialed origins, max-age above browser caps.
 * Each message reads `<path>: <value> <problem>; <why> — <fix>`. Never throws
 * on values a validator would refuse: a `config` of the wrong shape (a string
 * where a list belongs) gives the shape check's errors instead of warnings.
 */
export function lintPolicy(config: EvaluableConfig | null, options: LintOptions = {}): (LintIssue | ShapeIssue)[] {
  if (config === null) return [];
  const problems = evaluableProblems(config);
  if (problems.length > 0) return problems;
  const profile = resolve(options.profile);
  const dialect = profile?.dialect.value ?? "aws";
  // Ceph RGW and Swift never send Access-Control-Allow-Credentials, and Swift has no per-rule headers to narrow.
  const credentialed = DIALECT_TRAITS[dialect].sendsCredentials;
  const found: RuleIssue[] = [];
  config.rules.forEach((rule, index) => {
    found.push(...wildcardWrites(rule, index), ...insecureOrigins(rule, index));
    if (credentialed) found.push(...wildcardHeadersWithCredentials(rule, index));
    found.push(...maxAgeAboveBrowserCaps(rule, index));
    if (options.multipartUploads === true) found.push(...etagNotExposed(rule, index, dialect));
    found.push(...credentialsNeverServed(rule, index, options.credentialedOrigins ?? [], dialect));
  });
  found.push(...unreachableRules(config.rules, dialect));
  found.push(...nativeRulesReplaced(profile, config.rules.length));
  return found
    .filter(({ rule, issue }) => !suppressed(rule === WHOLE_POLICY ? config.rules.map((r) => r.id) : [config.rules[rule]?.id], issue.code, options.suppress))
    .sort((a, b) => a.rule - b.rule)
    .map(({ issue }) => issue);
}

/** Whether one of `ruleIds` (the warning's rule, or every rule for a warning about the whole policy) silences `code`. */
function suppressed(ruleIds: readonly (string | undefined)[], code: LintCode, suppress: LintOptions["suppress"]): boolean {
  return ruleIds.some((id) => id !== undefined && (suppress?.[id] ?? []).includes(code));
}

function resolve(profile: LintOptions["profile"]): Profile | undefined {
  return typeof profile === "string" ? getProfile(profile) : profile;
}
