import type { Profile } from "../profiles/types";
import { swiftContainerOf, swiftRuleOf, wideningIssuesOf } from "../model/swift-container";
import type { CorsConfigurationInput } from "../model/schema";
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
  // Widened or not, the container holds every origin in one value: the byte limit applies either way.
  const widening = allowWidening ? [] : wideningIssuesOf(config, profile, words);
  return [...widening, ...checkSwiftOriginBytes(config, profile)];
}

/**
 * What a one-rule, all-methods, all-headers service really holds for `config`:
 * the container's one rule ({@link swiftContainerOf}). Only for profiles without multiple rules.
 */
export function widen(config: CorsConfigurationInput, profile: Profile): CorsConfigurationInput {
  if (profile.supports.multipleRules.value) return config;
  return { rules: [swiftRuleOf(swiftContainerOf(config))] };
}

/**
 * Swift stores a metadata value of at most 256 bytes (the profile's `maxDocumentBytes`;
 * swift/common/constraints.py, `max_meta_value_length`): the container's one Allow-Origin value,
 * every origin of every rule ({@link swiftContainerOf}), must fit, whether the rules are widened or not.
 */
function checkSwiftOriginBytes(config: CorsConfigurationInput, profile: Profile): ValidationIssue[] {
  const max = profile.limits.maxDocumentBytes.value;
  if (profile.backend.value !== "swift" || max === null) return [];
  const origins = swiftContainerOf(config).origins.join(" ");
  const bytes = Buffer.byteLength(origins, "utf8");
  if (bytes <= max) return [];
  return [validationIssue("origins-too-long", ["rules"], { bytes, max, vendor: profile.title })];
}
