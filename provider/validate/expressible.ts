import type { Profile } from "../profiles/types";
import { type Issue, issue, show } from "../model/issue";
import { CORS_METHODS } from "../model/methods";
import { normalizeRule } from "../model/normalize";
import type { CorsConfigurationInput, CorsRuleInput } from "../model/schema";

/**
 * Refuses what a profile cannot hold as written, naming exactly what would
 * widen: OpenStack Swift has one implicit rule per container, allows every
 * method the resource supports and echoes every requested header
 * (https://docs.openstack.org/swift/latest/cors.html; docs/test-servers.md,
 * "Swift: container CORS").
 * With `allowWidening` those become acceptable: {@link widen} produces what
 * the service will really hold.
 */
export function checkRuleExpressible(config: CorsConfigurationInput, profile: Profile, allowWidening: boolean): Issue[] {
  const issues: Issue[] = [];
  const optIn = "or set swift: { allowWidening: true } to accept the wider policy";
  if (!profile.supports.multipleRules.value && config.rules.length > 1 && !allowWidening) {
    const differing = config.rules.findIndex((r) => settingsKey(r) !== settingsKey(config.rules[0]!));
    if (differing > 0) {
      issues.push(issue("rules-not-expressible", "rules", `${config.rules.length} rules with different settings (rules[0] and rules[${differing}]); ${profile.title} holds one CORS setting per container — merge them into one rule, ${optIn}`));
    }
  }
  if (allowWidening) return issues;
  config.rules.forEach((rule, index) => {
    const at = `rules[${index}]`;
    if (!profile.supports.perRuleMethods.value) {
      const upper = new Set(rule.allowedMethods.map((m) => m.toUpperCase()));
      const widened = CORS_METHODS.filter((m) => !upper.has(m));
      if (widened.length > 0 && rule.allowedMethods.length > 0) {
        issues.push(issue("methods-would-widen", `${at}.allowedMethods`, `${show(rule.allowedMethods)} would widen to every method: ${profile.title} cannot restrict methods, so ${widened.join(", ")} would be allowed too — list all of ${CORS_METHODS.join(", ")}, ${optIn}`));
      }
    }
    if (!profile.supports.perRuleHeaders.value && !allowsEveryHeader(rule)) {
      issues.push(issue("headers-would-widen", `${at}.allowedHeaders`, `${show(rule.allowedHeaders ?? [])} would widen to every request header: ${profile.title} echoes whatever a preflight asks for — use ["*"], ${optIn}`));
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

function checkSwiftOriginBytes(config: CorsConfigurationInput, profile: Profile): Issue[] {
  const max = profile.limits.maxDocumentBytes.value;
  if (profile.backend.value !== "swift" || max === null) return [];
  const origins = [...new Set(config.rules.flatMap((r) => r.allowedOrigins))].join(" ");
  const bytes = Buffer.byteLength(origins, "utf8");
  if (bytes <= max) return [];
  return [issue("origins-too-long", "rules", `the origins take ${bytes} bytes as Swift metadata, more than the ${max} ${profile.title} stores per value — list fewer origins, or use "*"`)];
}

function allowsEveryHeader(rule: CorsRuleInput): boolean {
  return rule.allowedHeaders !== undefined && rule.allowedHeaders.includes("*");
}

/** Everything a Swift container holds once for all rules, as one comparable string. */
function settingsKey(rule: CorsRuleInput): string {
  const { allowedOrigins: _origins, id: _id, ...settings } = normalizeRule(rule);
  return JSON.stringify(settings);
}
