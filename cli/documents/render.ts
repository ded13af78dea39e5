import { renderPolicy } from "../../provider/api/policy";
import { CorsValidationError } from "../../provider/errors";
import { codecFor, FORMAT_NAMES, type Encoded, type FormatName } from "../../provider/formats";
import type { Issue } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";
import { failure } from "../exit";
import { pulumiRulesSnippet } from "./pulumi-snippet";

/**
 * What `get --format` and `convert --to` print: a wire format, or `pulumi`, the rules as a
 * CorsPolicy's `rules:` in TypeScript (no wire format: it is for pasting into a program).
 */
export const PRINT_FORMATS = [...FORMAT_NAMES, "pulumi"] as const;

/** One of {@link PRINT_FORMATS}. */
export type PrintFormat = (typeof PRINT_FORMATS)[number];

/** A configuration rendered in a wire format, with what the format merged or dropped as warnings. */
export interface Rendered {
  readonly document: Encoded;
  readonly warnings: readonly Issue[];
}

/**
 * Renders `config` as `format`. A format that cannot hold the policy is a
 * failure (exit 1) carrying the codec's issues: nothing is dropped silently.
 * `pulumi` holds every rule the model does, so it has no limitations to report.
 */
export function render(config: CorsConfiguration, format: PrintFormat): Rendered {
  if (format === "pulumi") return { document: pulumiRulesSnippet(config.rules), warnings: [] };
  return renderWire(config, format);
}

function renderWire(config: CorsConfiguration, format: FormatName): Rendered {
  try {
    const document = renderPolicy(config, format);
    return {
      document,
      warnings: codecFor(format)
        .limitations(config)
        .filter((i) => i.severity === "warning"),
    };
  } catch (error) {
    if (error instanceof CorsValidationError) throw failure(`the ${format} format cannot hold this policy`, error.issues);
    throw error;
  }
}

/**
 * A rendered document as the text a file holds: XML/JSON as rendered, Swift
 * metadata as `Name: value` lines (what `swift post -H` and `curl -H` take, and
 * what the swift-headers reader accepts back). Always ends with a newline.
 */
export function documentText(document: Encoded): string {
  const text =
    typeof document === "string"
      ? document
      : Object.entries(document)
          .map(([name, value]) => `${name}: ${value}`)
          .join("\n");
  return text.endsWith("\n") ? text : `${text}\n`;
}
