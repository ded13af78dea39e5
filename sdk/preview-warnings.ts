import * as pulumi from "@pulumi/pulumi";
import { isProfileName } from "../provider/profiles";
import { targetProfile } from "../provider/targets";
import type { CorsPolicyArgs } from "./args";
import { policyWarnings } from "./warnings";

/**
 * Logs the policy's warnings (lint and vendor advice) on the resource once its
 * rules are known, so `pulumi preview` shows them without failing. It waits for
 * the rules and the profile only: the bucket may be unknown until it is created. Both routes
 * call it: the dynamic CorsPolicy and the plugin's (sdk/plugin.ts).
 */
export function warnAtPreview(resource: pulumi.Resource, args: CorsPolicyArgs): void {
  pulumi.all([args.rules, args.document, kindOf(args.target), args.lint, args.expect]).apply(([rules, document, kind, lint, expect]) => {
    const { profile, version } = kind as { readonly profile?: unknown; readonly version?: unknown };
    // An unknown profile (or version) is check's to report (with its path); no advice without one.
    if (lint === false || !isProfileName(profile)) return;
    const target = typeof version === "string" ? { profile, version } : { profile };
    for (const message of policyWarnings(rules ?? document, targetProfile(target), lint?.suppress, expect)) void pulumi.log.warn(message, resource);
  });
}

/**
 * The target's profile and Ceph version: read from the target object itself when it is one (the
 * presets keep both plain), since resolving the whole target would wait for every field.
 */
function kindOf(target: CorsPolicyArgs["target"]): pulumi.Input<{ readonly profile?: unknown; readonly version?: unknown }> {
  if (pulumi.Output.isInstance(target) || target instanceof Promise) {
    return pulumi
      .output(target as pulumi.Input<{ readonly profile?: unknown; readonly version?: unknown }>)
      .apply((t) => ({ profile: t.profile, version: t.version }));
  }
  return { profile: target.profile, version: target.version };
}
