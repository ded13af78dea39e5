import type { EvaluableRule } from "../types";
import { CHROME_MAX_AGE_SECONDS } from "./max-age-caps";
import { lintWarning } from "./messages";
import type { RuleIssue } from "./types";

/** A max-age above what browsers cache: the extra time is silently ignored, so it promises nothing. */
export function maxAgeAboveBrowserCaps(rule: EvaluableRule, index: number): RuleIssue[] {
  const age = rule.maxAgeSeconds;
  if (age === undefined || age <= CHROME_MAX_AGE_SECONDS) return [];
  return [{ rule: index, issue: lintWarning("max-age-above-browser-cap", ["rules", index, "maxAgeSeconds"], { age }) }];
}
