import { asText, textSizeIssue } from "./limits";
import { isRecord, own } from "./read";
import { isS3RuleKey } from "./s3-rule";
import { parseJson } from "./safe-json";
import type { FormatName } from "./types";

/**
 * Names the format of a document (text, bytes or a parsed value), or
 * `undefined`. Deliberately lenient: a document in roughly the right shape
 * (misspelled keys, S3 rules inside Cloudflare's wrapper, broken JSON) is
 * still named, so its decoder can say exactly what is wrong. Never throws.
 */
export function detect(input: unknown): FormatName | undefined {
  try {
    const text = asText(input);
    return text === undefined ? detectValue(input) : detectText(text);
  } catch {
    return undefined; // a value whose getters throw is in no format
  }
}

function detectText(text: string): FormatName | undefined {
  const start = text.trimStart();
  if (start.startsWith("<")) return "s3-xml";
  if (start.startsWith("{") || start.startsWith("[")) {
    const parsed = textSizeIssue(text) === undefined ? parseJson(text) : undefined;
    return parsed?.ok === true ? detectValue(parsed.value) : detectBrokenJson(start.slice(0, 4096));
  }
  if (/^x-container-meta-access-control-/im.test(text)) return "swift-headers";
  return undefined;
}

/** Shapes by keys. */
export function detectValue(value: unknown): FormatName | undefined {
  if (Array.isArray(value)) return detectList(value);
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.some((k) => k.toLowerCase().startsWith("x-container-meta-access-control-"))) return "swift-headers";
  // B2's {"corsRules": […]} shares its wrapper's name with CDK-style AWS JSON: its rules tell them apart.
  const b2Rules = own(value, "corsRules");
  if (Array.isArray(b2Rules) && detectList(b2Rules) === "b2-json") return "b2-json";
  if (keys.some((k) => /^cors_?rules$/i.test(k))) return "aws-json";
  if (keys.includes("rules")) return "cloudflare-api";
  const result = own(value, "result");
  if (isRecord(result) && own(result, "rules") !== undefined) return "cloudflare-api"; // the API's GET envelope
  if (keys.some(isS3RuleKey)) return "rule-array"; // one rule without its list
  return undefined;
}

function detectList(list: readonly unknown[]): FormatName | undefined {
  if (list.length === 0) return "rule-array";
  const keys = new Set(list.slice(0, 20).flatMap((item) => (isRecord(item) ? Object.keys(item) : [])));
  // Only B2's native rules name these; their other fields are spelled like CDK's S3 rules (allowedOrigins…).
  if (keys.has("allowedOperations") || keys.has("corsRuleName")) return "b2-json";
  if (["origin", "method", "responseHeader"].some((k) => keys.has(k))) return "gcs-json";
  if (keys.has("allowed")) return "cloudflare-api"; // Cloudflare rules without {"rules": …}
  if ([...keys].some((k) => isS3RuleKey(k) || /origin|method|header|maxage/i.test(k))) return "rule-array";
  return undefined;
}

/** Guesses from the first characters of JSON that does not parse, so the decoder can point at the syntax error. */
function detectBrokenJson(head: string): FormatName | undefined {
  if (/"(corsRuleName|allowedOperations)"\s*:/.test(head)) return "b2-json";
  if (/"cors_?rules"\s*:/i.test(head)) return "aws-json";
  if (/"x-container-meta-access-control-/i.test(head)) return "swift-headers";
  if (/"(rules|allowed)"\s*:/.test(head)) return "cloudflare-api";
  if (/"(origin|method|responseHeader)"\s*:/.test(head)) return "gcs-json";
  if (head.startsWith("[") && /"(allowed|expose|maxage|id)/i.test(head)) return "rule-array";
  return undefined;
}
