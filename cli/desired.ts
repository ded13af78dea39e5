import { normalize } from "../provider/model/normalize";
import { widen } from "../provider/validate/expressible";
import type { Issue } from "../provider/model/issue";
import type { CorsConfiguration } from "../provider/model/schema";
import { validate } from "../provider/validate/validate";
import { getProfile } from "../provider/profiles";
import { resourceIdOf, targetProfile, type Target } from "../provider/targets";
import { policyInFlagWords } from "./flag-wording";
import { lintPolicy } from "../provider/evaluate";
import { failure } from "./exit";
import type { LintChoice } from "./lint-options";

/** The policy a target will hold, and the validator's warnings for it. */
export interface Desired {
  readonly config: CorsConfiguration;
  readonly warnings: readonly Issue[];
}

/**
 * Validates `config` for the target's profile (as the resource's `check`
 * does) and returns what the target will really hold: widened first when the
 * user accepted widening (Swift), with the validator's and (unless `lint` is
 * false) the lint's warnings. Errors are a failure (exit 1) before any
 * request is sent, so an invalid policy never changes a bucket.
 */
export function desiredFor(config: CorsConfiguration, target: Target, allowWidening: boolean, lint: LintChoice = false, writes = true): Desired {
  const profile = targetProfile(target);
  const issues = validate(config, { profile, allowWidening }).map(policyInFlagWords);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0)
    // "nothing was changed" only where something could have been (apply), not after plan, which never writes.
    throw failure(
      `the policy cannot be applied to ${resourceIdOf(target)} (${getProfile(target.profile).title})${writes ? "; nothing was changed" : ""}`,
      errors,
    );
  const held = normalize(allowWidening ? widen(config, getProfile(target.profile)) : config);
  // The same risky-policy warnings as the resource logs at preview (sdk/warnings.ts).
  const risks = lint === false ? [] : lintPolicy(config, { profile, suppress: lint.suppress });
  return { config: held, warnings: [...issues, ...risks] };
}
