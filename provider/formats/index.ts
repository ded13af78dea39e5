import { CorsValidationError } from "../errors";
import { type Issue, show } from "../model/issue";
import { formatIssue } from "./messages";
import type { CorsConfiguration } from "../model/schema";
import { awsJson } from "./aws-json";
import { b2Json } from "./b2-json";
import { cloudflareApi } from "./cloudflare-api";
import { detect } from "./detect";
import { FORMAT_EXAMPLES } from "./examples";
import { gcsJson } from "./gcs-json";
import { asText, textSizeIssue } from "./limits";
import { describeType, showValue } from "./read";
import { ruleArray } from "./rule-array";
import { s3Xml } from "./s3-xml";
import { parseJson } from "./safe-json";
import { swiftHeaders } from "./swift-headers";
import { type Codec, type Encoded, FORMAT_NAMES, type FormatName } from "./types";

export { detect } from "./detect";
export { FORMAT_NAMES, type Codec, type DecodeResult, type Encoded, type FormatName, type SwiftHeaders } from "./types";

/** What {@link parseDocument} gives: the format used, the normalized config when there were no errors, every issue. */
export interface ParsedDocument {
  readonly format?: FormatName;
  readonly config?: CorsConfiguration;
  readonly issues: Issue[];
}

/** Options of {@link parseDocument}. */
export interface ParseDocumentOptions {
  /** Decode as this format instead of detecting it. @default detected with {@link detect} */
  readonly format?: FormatName;
}

/** The codec of a format. Throws `CorsValidationError` (`unknown-format`) for a name that is not one of {@link FORMAT_NAMES}. */
export function codecFor(name: FormatName): Codec {
  switch (name) {
    case "s3-xml":
      return s3Xml;
    case "aws-json":
      return awsJson;
    case "rule-array":
      return ruleArray;
    case "cloudflare-api":
      return cloudflareApi;
    case "gcs-json":
      return gcsJson;
    case "swift-headers":
      return swiftHeaders;
    case "b2-json":
      return b2Json;
    default:
      throw new CorsValidationError([unknownFormatName(name)], "unknown format");
  }
}

/**
 * Decodes a document in any supported format (text, bytes, or an already-parsed
 * value), detecting the format unless `options.format` names it. Never throws:
 * a document in no known format gets an `unknown-format` issue listing every
 * format with an example.
 */
export function parseDocument(input: unknown, options: ParseDocumentOptions = {}): ParsedDocument {
  try {
    return parseWithFormat(input, options.format);
  } catch (error) {
    // Only a value with throwing getters (or a Proxy) gets here: codecs and detection catch everything else.
    return { issues: [formatIssue("decode-failed", [], { format: undefined, reason: error instanceof Error ? error.message : String(error) })] };
  }
}

function parseWithFormat(input: unknown, requested: FormatName | undefined): ParsedDocument {
  if (requested !== undefined && !(FORMAT_NAMES as readonly string[]).includes(requested)) {
    return { issues: [unknownFormatName(requested)] };
  }
  const format = requested ?? detect(input);
  if (format === undefined) return { issues: undetectable(input) };
  const result = codecFor(format).decode(input);
  return result.config === undefined ? { format, issues: [...result.issues] } : { format, config: result.config, issues: [...result.issues] };
}

/** Renders `config` in `format`; throws `CorsValidationError` listing what the format cannot hold (never drops anything). */
export function renderDocument(config: CorsConfiguration, format: FormatName): Encoded {
  return codecFor(format).encode(config);
}

/** What a text that is no CORS document is, in words: empty, a JSON object or list of the wrong shape, or text. */
function describeText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "the document is empty";
  const parsed = trimmed.startsWith("{") || trimmed.startsWith("[") ? parseJson(text) : undefined;
  if (parsed?.ok === true) {
    const kind = Array.isArray(parsed.value) ? "a JSON list whose items are not CORS rules" : "a JSON object without CORSRules, rules or rule fields";
    return `${show(trimmed)} is ${kind}`;
  }
  return `${show(trimmed)} is text`;
}

/** Why nothing was detected: the document's own size or syntax problem if it has one, else `unknown-format`. */
function undetectable(input: unknown): Issue[] {
  const text = asText(input);
  if (text !== undefined) {
    const tooLarge = textSizeIssue(text);
    if (tooLarge !== undefined) return [tooLarge];
    const start = text.trimStart();
    if (start.startsWith("{") || start.startsWith("[")) {
      const parsed = parseJson(text);
      if (!parsed.ok) return parsed.issues;
    }
  }
  const shown = text === undefined ? `${showValue(input)} is ${describeType(input)}` : describeText(text);
  const list = FORMAT_NAMES.map((name) => `  ${name}: ${FORMAT_EXAMPLES[name]}`).join("\n");
  return [formatIssue("unknown-format", [], { shown, list })];
}

function unknownFormatName(name: unknown): Issue {
  return formatIssue("unknown-format-name", [], { name, names: FORMAT_NAMES });
}
