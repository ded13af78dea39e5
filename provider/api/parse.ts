import { parseDocument } from "../formats";
import type { FormatName } from "../formats/types";
import type { Issue } from "../model/issue";
import { normalize } from "../model/normalize";
import type { CorsConfiguration } from "../model/schema";
import { checkShape } from "../model/structure";

/** Where a parsed policy came from: a wire format, or the canonical model itself. */
export type PolicySource = FormatName | "canonical";

/** What {@link parsePolicy} gives: the format found, the normalized config when there were no errors, every issue. */
export interface ParsedPolicy {
  readonly format?: PolicySource;
  readonly config?: CorsConfiguration;
  readonly issues: readonly Issue[];
}

/** Options of {@link parsePolicy}. */
export interface ParseOptions {
  /** Skip detection and decode as this format. @default detected from the document */
  readonly format?: PolicySource;
}

/**
 * Reads a policy in any supported format (text or an already-parsed value), or
 * the canonical model `{ rules: [{ allowedOrigins, ... }] }`. Never throws on bad
 * input: problems come back as issues with paths and fixes.
 */
export function parsePolicy(input: unknown, options: ParseOptions = {}): ParsedPolicy {
  const wantsCanonical = options.format === "canonical" || (options.format === undefined && looksCanonical(input));
  if (wantsCanonical) {
    const shape = checkShape(input);
    return shape.ok ? { format: "canonical", config: normalize(shape.value), issues: [] } : { format: "canonical", issues: shape.issues };
  }
  return parseDocument(input, options.format === undefined ? {} : { format: options.format });
}

/**
 * True for an object in the canonical shape: `{ rules: [...] }` whose rules use
 * our camelCase field names (`allowedOrigins`...). Cloudflare's API shape also has
 * `rules`, but its rules nest `allowed: { origins }`.
 */
export function looksCanonical(input: unknown): boolean {
  try {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return false;
    const rules = (input as { rules?: unknown }).rules;
    if (!Array.isArray(rules)) return false;
    return rules.length > 0 && rules.every((r) => r !== null && typeof r === "object" && !("allowed" in r) && ("allowedOrigins" in r || "allowedMethods" in r));
  } catch {
    return false; // a Proxy or a throwing getter: the document readers report it as an issue
  }
}
