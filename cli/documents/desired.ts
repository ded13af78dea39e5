import type { Issue } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";
import { getProfile } from "../../provider/profiles";
import { resourceIdOf, targetProfile, type Target } from "../../provider/targets";
import { preparePolicy } from "../../provider/validate/prepare";
import { failure } from "../exit";
import type { LintChoice } from "../flags/lint-flags";

/** The policy a target will hold, and the validator's warnings for it. */
export interface Desired {
  readonly config: CorsConfiguration;
  readonly warnings: readonly Issue[];
}

/**
 * Prepares `config` for the target (`preparePolicy`, as the resource's `check`
 * does) and returns what the target will really hold: widened first when the
 * user accepted widening (Swift), with the validator's and (unless `lint` is
 * false) the lint's warnings. Errors are a failure (exit 1) before any
 * request is sent, so an invalid policy never changes a bucket.
 */
export function desiredFor(config: CorsConfiguration, target: Target, allowWidening: boolean, lint: LintChoice = false, writes = true): Desired {
  const prepared = preparePolicy(config, targetProfile(target), { allowWidening, lint, optInWords: "cli" });
  if (prepared.config === undefined)
    // "nothing was changed" only where something could have been (apply), not after plan, which never writes.
    throw failure(
      `the policy cannot be applied to ${resourceIdOf(target)} (${getProfile(target.profile).title})${writes ? "; nothing was changed" : ""}`,
      prepared.errors,
    );
  return { config: prepared.config, warnings: prepared.warnings };
}
