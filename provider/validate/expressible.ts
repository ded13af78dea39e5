import type { Profile } from "../profiles/types";
import { CORS_METHODS } from "../model/methods";
import { normalizeRule } from "../model/normalize";
import type { CorsConfigurationInput, CorsRuleInput } from "../model/schema";
import { validationIssue, type ValidationIssue } from "./messages";

/**
 * Refuses what a profile cannot hold as written, naming exactly what would
 * widen: OpenStack Swift has one implicit rule per container, allows every
 * method the resource supports and echoes every requested header
 * (https://docs.openstack.org/swift/latest/cors.html; docs/test-servers.md,
 * "Swift: container CORS").
 * With `allowWidening` those become acceptable: {@link widen} produces what
 * the service will really hold.
 */
export function checkRuleExpressible(config: CorsConfigurationInput, profile: Profile, allowWidening: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!profile.supports.multipleRules.value && config.rules.length > 1 && !allowWidening) {
    const differing = config.rules.findIndex((r) => settingsKey(r) !== settingsKey(config.rules[0]!));
    if (differing > 0) {
      issues.push(validationIssue("rules-not-expressible", ["rules"], { count: config.rules.length, differing, vendor: profile.title }));
    }
  }
  if (allowWidening) return issues;
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
          }),
        );
      }
    }
    if (!profile.supports.perRuleHeaders.value && !allowsEveryHeader(rule)) {
      issues.push(validationIssue("headers-would-widen", ["rules", index, "allowedHeaders"], { headers: rule.allowedHeaders ?? [], vendor: profile.title }));
    }
  });
  issues.push(...checkSwiftOriginBytes(config, profile));
  return issues;
}

/**
 * What a one-rule, all-methods, all-headers service really holds for `config`:
 * one rule with every origin, every method, `*` headers, every expose header and
 * the longest max-age. Only for profiles without multiple rules.
 */
export function widen(config: CorsConfigurationInput, profile: Profile): CorsConfigurationInput {
  if (profile.supports.multipleRules.value) return config;
  const rules = config.rules;
  const maxAges = rules.flatMap((r) => (r.maxAgeSeconds === undefined ? [] : [r.maxAgeSeconds]));
  const rule: CorsRuleInput = {
    allowedOrigins: rules.flatMap((r) => r.allowedOrigins),
    allowedMethods: [...CORS_METHODS],
    allowedHeaders: ["*"],
  };
  const expose = rules.flatMap((r) => r.exposeHeaders ?? []);
  if (expose.length > 0) rule.exposeHeaders = expose;
  if (maxAges.length > 0) rule.maxAgeSeconds = Math.max(...maxAges);
  return { rules: [rule] };
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

/** Everything a Swift container holds once for all rules, as one comparable string. */
function settingsKey(rule: CorsRuleInput): string {
  const { allowedOrigins: _origins, id: _id, ...settings } = normalizeRule(rule);
  return JSON.stringify(settings);
}
