import { CORS_METHODS } from "./methods";
import { normalizeRule } from "./normalize";
import type { CorsRuleInput } from "./schema";

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
