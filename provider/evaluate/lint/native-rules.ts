import type { Profile } from "../../profiles/types";
import { lintWarning } from "./messages";
import type { RuleIssue } from "./types";

/** Stands for the whole policy in a {@link RuleIssue}: it sorts first and is suppressed by any rule's list. */
export const WHOLE_POLICY = -1;

/**
 * On a service whose native API keeps its own CORS rules in the list PutBucketCors replaces
 * (Backblaze B2, `profile.s3WriteReplacesNativeRules`), applying this policy removes the bucket's
 * native `b2_*` rules: pages downloading through the native API lose CORS without any diff showing it.
 */
export function nativeRulesReplaced(profile: Profile | undefined, ruleCount: number): RuleIssue[] {
  const fact = profile?.s3WriteReplacesNativeRules;
  if (fact?.value !== true || ruleCount === 0) return [];
  return [{ rule: WHOLE_POLICY, issue: lintWarning("s3-write-replaces-native-rules", ["rules"], { title: profile?.title ?? "" }) }];
}
