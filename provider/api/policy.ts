import { codecFor, detect, renderDocument } from "../formats";
import { refuseUnless } from "../formats/refuse";
import type { Encoded, FormatName } from "../formats/types";
import { type Issue } from "../model/issue";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsConfigurationInput } from "../model/schema";
import { checkShape } from "../model/structure";
import { wideningIssuesOf } from "../model/swift-container";
import { getProfile } from "../profiles";
import { validate, type ValidateOptions } from "../validate/validate";
import { looksCanonical, parsePolicy } from "./parse";

/**
 * Validates a canonical configuration, or any document {@link parsePolicy}
 * accepts, against the generic rules and the profile's. Returns every issue
 * (errors and warnings); an empty list means the policy can be applied.
 */
export function validatePolicy(configOrDocument: unknown, options: ValidateOptions = {}): Issue[] {
  if (typeof configOrDocument !== "string" && looksCanonical(configOrDocument)) {
    const shape = checkShape(configOrDocument);
    return shape.ok ? validate(shape.value, options) : shape.issues;
  }
  const parsed = parsePolicy(configOrDocument);
  if (parsed.config === undefined) return [...parsed.issues];
  return [...parsed.issues, ...validate(parsed.config, options)];
}

/** Renders a configuration in a wire format; throws `CorsValidationError` when the format cannot hold it. */
export function renderPolicy(config: CorsConfigurationInput, format: FormatName): Encoded {
  const normalized = normalize(config);
  // The Swift codec writes what a container holds; what would be held wider than written is refused
  // here, by validation's one widening check, with what the format itself cannot carry.
  if (format === "swift-headers")
    refuseUnless(format, [...wideningIssuesOf(normalized, getProfile("swift"), undefined), ...codecFor(format).limitations(normalized)]);
  return renderDocument(normalized, format);
}

/** Puts a configuration in canonical form (see docs/architecture.md, "Canonical model and normalization"). */
export function normalizePolicy(config: CorsConfigurationInput): CorsConfiguration {
  return normalize(config);
}

/** Names the wire format of a document, or `undefined` when it is none we know. */
export function detectFormat(input: unknown): FormatName | undefined {
  return detect(input);
}
