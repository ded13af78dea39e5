import { show, warning } from "../../model/issue";
import { normalizeRule } from "../../model/normalize";
import type { Dialect } from "../../profiles/types";
import { rulePath } from "../describe";
import type { EvaluableRule } from "../types";
import { ruleList, shadowedBy } from "./shadowing";
import type { RuleIssue } from "./types";

/** Why a shadowed rule is never reached, per dialect. */
const WHY: Record<Dialect, string> = {
  aws: "the first rule matching origin, method and headers wins",
  r2: "the first rule matching origin, method and headers wins",
  ceph: "Ceph RGW picks the first rule whose origin matches and never looks further",
  s3rver: "s3rver picks the first rule matching origin and method and never looks further",
  swift: "",
};

/**
 * A rule equal to an earlier one (after normalization, ignoring IDs), or one
 * whose every request an earlier rule takes first (docs/cors-semantics.md, "1. First full match"):
 * either way it never applies. A duplicate is reported as such, not also as shadowed.
 */
export function unreachableRules(rules: readonly EvaluableRule[], dialect: Dialect): RuleIssue[] {
  const keys = rules.map(settingsKey);
  return rules.flatMap((rule, index): RuleIssue[] => {
    const name = rule.id === undefined ? "this rule" : `rule ${show(rule.id)}`;
    const same = keys.indexOf(keys[index]!);
    if (same < index) {
      const text = `${name} repeats ${rulePath(same)}; the same origins, methods, headers, expose headers and max-age apply once — remove it`;
      return [{ rule: index, issue: warning("duplicate-rule", rulePath(index), text) }];
    }
    const by = shadowedBy(rules, index, dialect);
    if (by === undefined) return [];
    const text = `${name} is never reached; every request it matches is taken first by ${ruleList(by)} (${WHY[dialect]}) — remove it, or move it above ${ruleList(by)} if its settings should win`;
    return [{ rule: index, issue: warning("shadowed-rule", rulePath(index), text) }];
  });
}

function settingsKey(rule: EvaluableRule): string {
  const { id: _id, ...settings } = normalizeRule({
    allowedOrigins: [...rule.allowedOrigins],
    allowedMethods: [...rule.allowedMethods],
    allowedHeaders: [...(rule.allowedHeaders ?? [])],
    exposeHeaders: [...(rule.exposeHeaders ?? [])],
    ...(rule.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: rule.maxAgeSeconds }),
  });
  return JSON.stringify(settings);
}
