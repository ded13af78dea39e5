import { normalizeRule } from "../../model/normalize";
import type { Dialect } from "../../profiles/types";
import type { EvaluableRule } from "../types";
import { lintWarning } from "./messages";
import { shadowedBy } from "./shadowing";
import type { RuleIssue } from "./types";

/**
 * A rule equal to an earlier one (after normalization, ignoring IDs), or one
 * whose every request an earlier rule takes first (docs/cors-semantics.md, "1. First full match"):
 * either way it never applies. A duplicate is reported as such, not also as shadowed.
 */
export function unreachableRules(rules: readonly EvaluableRule[], dialect: Dialect): RuleIssue[] {
  const keys = rules.map(settingsKey);
  return rules.flatMap((rule, index): RuleIssue[] => {
    const same = keys.indexOf(keys[index]!);
    if (same < index) return [{ rule: index, issue: lintWarning("duplicate-rule", ["rules", index], { id: rule.id, same }) }];
    const by = shadowedBy(rules, index, dialect);
    if (by === undefined) return [];
    return [{ rule: index, issue: lintWarning("shadowed-rule", ["rules", index], { id: rule.id, by, dialect }) }];
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
