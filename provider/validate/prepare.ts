import { lintPolicy } from "../evaluate/lint/lint";
import type { LintOptions } from "../evaluate/lint/types";
import type { Issue } from "../model/issue";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsConfigurationInput } from "../model/schema";
import type { Profile } from "../profiles/types";
import { widen } from "./expressible";
import type { OptInWords, ValidationIssue } from "./messages";
import { validate } from "./validate";

/** Options of {@link preparePolicy}. */
export interface PrepareOptions {
  /** Swift-like targets: accept rules the service can only hold in a wider form, and hold the wider form. @default false */
  readonly allowWidening?: boolean;
  /** The risky-policy warnings to add (the resource's `lint` option), or `false` for none. @default false */
  readonly lint?: false | Pick<LintOptions, "suppress" | "credentialedOrigins">;
  /** Whose words name the opt-in to widening: the resource's property or the CLI's flag. @default "resource" */
  readonly optInWords?: NonNullable<OptInWords>;
}

/** What a target will hold for a policy, and what was found on the way. */
export interface Prepared {
  /** The normalized policy the target will really hold (widened when accepted); `undefined` when there are errors. */
  readonly config: CorsConfiguration | undefined;
  /** The validator's errors: the policy cannot be applied to the target as it is. */
  readonly errors: readonly ValidationIssue[];
  /** The validator's warnings (vendor advice), then the lint's (risky rules); reported even beside errors. */
  readonly warnings: readonly Issue[];
}

/**
 * Prepares `config` for a target, the one path the resource's `check`, its preview
 * warnings and the CLI's plan and apply share: validate against the target's profile,
 * widen where the user accepted widening, normalize, and lint. `profile` is the target's
 * (`targetProfile`: a Ceph `version` picks the dialect lint's shadowing follows).
 */
export function preparePolicy(config: CorsConfigurationInput, profile: Profile, options: PrepareOptions = {}): Prepared {
  const allowWidening = options.allowWidening ?? false;
  const issues = validate(config, { profile, allowWidening, optInWords: options.optInWords ?? "resource" });
  const errors = issues.filter((i) => i.severity === "error");
  const held = errors.length > 0 ? undefined : normalize(allowWidening ? widen(config, profile) : config);
  const lint = options.lint ?? false;
  // Lint reads the policy as written: its warnings name the user's rules, not the widened one.
  const risks = lint === false ? [] : lintPolicy(config, { profile, ...lint });
  return { config: held, errors, warnings: [...issues.filter((i) => i.severity === "warning"), ...risks] };
}
