import type { Issue } from "./issue";
import { CORS_METHODS } from "./methods";
import { normalizeRule } from "./normalize";
import type { CorsConfigurationInput, CorsRuleInput } from "./schema";
import { type OptInWords, type WideningCode, wideningIssue } from "./widening-messages";

/*
 * What an OpenStack Swift container really holds for a policy, the one model that
 * validation (validate/expressible.ts), the Swift codec (formats/swift-headers.ts) and the
 * Swift evaluator (evaluate/swift-container.ts) share. Swift keeps CORS as three container
 * metadata values, one implicit rule that allows every method the resource supports and
 * echoes every requested header (https://docs.openstack.org/swift/latest/cors.html;
 * docs/cors-semantics.md, "15. OpenStack Swift").
 */

/** The three values a container holds once for all rules. */
export interface SwiftContainer {
  /** Every origin of every rule, each once, in the order written (`…-Allow-Origin`, space-separated). */
  readonly origins: readonly string[];
  /** Every expose header of every rule, each once, as written (`…-Expose-Headers`). */
  readonly exposeHeaders: readonly string[];
  /** The longest max-age of any rule (`…-Max-Age`); `undefined` when no rule sets one. */
  readonly maxAgeSeconds: number | undefined;
}

/** The parts of a rule a container keeps (it drops IDs, methods and allowed headers); read-only, so live rules fit too. */
interface HeldParts {
  readonly allowedOrigins: readonly string[];
  readonly exposeHeaders?: readonly string[] | undefined;
  readonly maxAgeSeconds?: number | undefined;
}

/** What a container holds for `config`: every origin, every expose header, the longest max-age. */
export function swiftContainerOf(config: { readonly rules: readonly HeldParts[] }): SwiftContainer {
  const maxAges = config.rules.flatMap((r) => (r.maxAgeSeconds === undefined ? [] : [r.maxAgeSeconds]));
  return {
    origins: [...new Set(config.rules.flatMap((r) => r.allowedOrigins))],
    exposeHeaders: [...new Set(config.rules.flatMap((r) => r.exposeHeaders ?? []))],
    maxAgeSeconds: maxAges.length === 0 ? undefined : Math.max(...maxAges),
  };
}

/** The container's setting as the one rule it answers like: its origins, every method, every requested header (`*`). */
export function swiftRuleOf(container: SwiftContainer): CorsRuleInput {
  const rule: CorsRuleInput = { allowedOrigins: [...container.origins], allowedMethods: [...CORS_METHODS], allowedHeaders: ["*"] };
  if (container.exposeHeaders.length > 0) rule.exposeHeaders = [...container.exposeHeaders];
  if (container.maxAgeSeconds !== undefined) rule.maxAgeSeconds = container.maxAgeSeconds;
  return rule;
}

/**
 * Everything of a rule a container holds once for all rules (not the origins, which it
 * lists, nor the ID, which it drops), normalized, as one comparable string: rules with
 * the same key merge into one setting that answers every request as they did.
 */
export function settingsKey(rule: CorsRuleInput): string {
  const { allowedOrigins: _origins, id: _id, ...settings } = normalizeRule(rule);
  return JSON.stringify(settings);
}

/** A service's name and what it can hold per rule: the shape of a profile's `title` and `supports` (profiles/types.ts), which fits here as it is. */
export interface RuleCapabilities {
  /** The service's name in messages, e.g. "OpenStack Swift". */
  readonly title: string;
  readonly supports: {
    readonly multipleRules: { readonly value: boolean };
    readonly perRuleMethods: { readonly value: boolean };
    readonly perRuleHeaders: { readonly value: boolean };
  };
}

/**
 * The widening refusal, the only one: what of `config` a service without multiple rules,
 * per-rule methods or per-rule headers would hold wider than written (what {@link swiftRuleOf}
 * adds). Validation (validate/expressible.ts, `checkRuleExpressible`), `renderPolicy` and the Swift codec
 * (formats/swift-headers.ts) both call it. `optIn` names the surface's opt-in in the fixes.
 */
export function wideningIssuesOf(config: CorsConfigurationInput, service: RuleCapabilities, optIn: OptInWords): Issue<WideningCode>[] {
  const issues: Issue<WideningCode>[] = [];
  const vendor = service.title;
  if (!service.supports.multipleRules.value && config.rules.length > 1) {
    const differing = config.rules.findIndex((r) => settingsKey(r) !== settingsKey(config.rules[0]!));
    if (differing > 0) issues.push(wideningIssue("rules-not-expressible", ["rules"], { count: config.rules.length, differing, vendor, optIn }));
  }
  config.rules.forEach((rule, index) => {
    if (!service.supports.perRuleMethods.value) {
      const upper = new Set(rule.allowedMethods.map((m) => m.toUpperCase()));
      const widened = CORS_METHODS.filter((m) => !upper.has(m));
      if (widened.length > 0 && rule.allowedMethods.length > 0) {
        const params = { methods: rule.allowedMethods, vendor, widened, all: CORS_METHODS, optIn };
        issues.push(wideningIssue("methods-would-widen", ["rules", index, "allowedMethods"], params));
      }
    }
    if (!service.supports.perRuleHeaders.value && !(rule.allowedHeaders ?? []).includes("*")) {
      issues.push(wideningIssue("headers-would-widen", ["rules", index, "allowedHeaders"], { headers: rule.allowedHeaders ?? [], vendor, optIn }));
    }
  });
  return issues;
}
