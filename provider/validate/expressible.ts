import type { Profile } from "../profiles/types";
import { CORS_METHODS } from "../model/methods";
import { settingsKey, swiftContainerOf, swiftRuleOf } from "../model/swift-container";
import type { CorsConfigurationInput, CorsRuleInput } from "../model/schema";
import { type OptInWords, validationIssue, type ValidationIssue } from "./messages";

/**
 * Refuses what a profile cannot hold as written, naming exactly what would
 * widen: OpenStack Swift has one implicit rule per container, allows every
 * method the resource supports and echoes every requested header
 * (https://docs.openstack.org/swift/latest/cors.html; docs/test-servers.md,
 * "Swift: container CORS").
 * With `allowWidening` those become acceptable: {@link widen} produces what
 * the service will really hold.
 */
export function checkRuleExpressible(config: CorsConfigurationInput, profile: Profile, allowWidening: boolean, words: OptInWords): ValidationIssue[] {
  if (allowWidening) return [];
  return [...wideningIssues(config, profile, words), ...checkSwiftOriginBytes(config, profile)];
}

/**
 * The widening refusal, the only one: what of `config` a profile without multiple
 * rules, per-rule methods or per-rule headers would hold wider than written. `optIn`
 * names the surface's opt-in in the fixes (`WIDENING_OPT_IN`); a document rendered as
 * Swift metadata (`renderPolicy`) has none.
 */
export function wideningIssues(config: CorsConfigurationInput, profile: Profile, optIn: OptInWords): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!profile.supports.multipleRules.value && config.rules.length > 1) {
    const differing = config.rules.findIndex((r) => settingsKey(r) !== settingsKey(config.rules[0]!));
    if (differing > 0) {
      issues.push(validationIssue("rules-not-expressible", ["rules"], { count: config.rules.length, differing, vendor: profile.title, optIn }));
    }
  }
  config.rules.forEach((rule, index) => {
    if (!profile.supports.perRuleMethods.value) {
      const upper = new Set(rule.allowedMethods.map((m) => m.toUpperCase()));
      const widened = CORS_METHODS.filter((m) => !upper.has(m));
      if (widened.length > 0 && rule.allowedMethods.length > 0) {
        issues.push(
          validationIssue("methods-would-widen", ["rules", index, "allowedMethods"], {
            methods: rule.allowedMethods,
            vendor: profile.title,
            widened,
            all: CORS_METHODS,
            optIn,
          }),
        );
      }
    }
    if (!profile.supports.perRuleHeaders.value && !allowsEveryHeader(rule)) {
      issues.push(
        validationIssue("headers-would-widen", ["rules", index, "allowedHeaders"], { headers: rule.allowedHeaders ?? [], vendor: profile.title, optIn }),
      );
    }
  });
  return issues;
}

/**
 * What a one-rule, all-methods, all-headers service really holds for `config`:
 * the container's one rule ({@link swiftContainerOf}). Only for profiles without multiple rules.
 */
export function widen(config: CorsConfigurationInput, profile: Profile): CorsConfigurationInput {
  if (profile.supports.multipleRules.value) return config;
  return { rules: [swiftRuleOf(swiftContainerOf(config))] };
}

function checkSwiftOriginBytes(config: CorsConfigurationInput, profile: Profile): ValidationIssue[] {
  const max = profile.limits.maxDocumentBytes.value;
  if (profile.backend.value !== "swift" || max === null) return [];
  const origins = [...new Set(config.rules.flatMap((r) => r.allowedOrigins))].join(" ");
  const bytes = Buffer.byteLength(origins, "utf8");
  if (bytes <= max) return [];
  return [validationIssue("origins-too-long", ["rules"], { bytes, max, vendor: profile.title })];
}

function allowsEveryHeader(rule: CorsRuleInput): boolean {
  return rule.allowedHeaders !== undefined && rule.allowedHeaders.includes("*");
}
