import { type Issue } from "../model/issue";
import { formatIssue } from "./messages";

/**
 * Largest document any decoder reads. S3 accepts 64 KB (PutBucketCors docs) and
 * B2 100 KB; 256 KiB leaves room for pretty-printing while keeping a hostile
 * document from costing more than a few milliseconds to refuse.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Deepest JSON nesting read. A CORS document needs 5 levels (Cloudflare's `{"rules":[{"allowed":{"origins":[…]}}]}`). */
export const MAX_JSON_DEPTH = 32;

/** Deepest XML element nesting read. A CORS document needs 3 (`CORSConfiguration/CORSRule/AllowedOrigin`). */
export const MAX_XML_DEPTH = 32;

/** Keys that could reach `Object.prototype` if written into an object (prototype pollution). */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** The `document-too-large` issue for `bytes`, or `undefined` when within {@link MAX_DOCUMENT_BYTES}. */
export function sizeIssue(bytes: number, about = false): Issue | undefined {
  if (bytes <= MAX_DOCUMENT_BYTES) return undefined;
  return formatIssue("document-too-large", [], { bytes, about, max: MAX_DOCUMENT_BYTES });
}

/** Size in UTF-8 bytes, checked against the limit before any parsing. */
export function textSizeIssue(text: string): Issue | undefined {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: skip the count for short texts.
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return undefined;
  return sizeIssue(Buffer.byteLength(text, "utf8"));
}

/** Line and column (both 1-based) of `index` in `text`. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** `line 3, column 5` for `index` in `text`. */
export function where(text: string, index: number): string {
  const { line, column } = positionOf(text, index);
  return `line ${line}, column ${column}`;
}

/** Text of a document given as a string or bytes (UTF-8, BOM dropped); `undefined` for anything else. */
export function asText(input: unknown): string | undefined {
  let text: string | undefined;
  if (typeof input === "string") text = input;
  else if (input instanceof Uint8Array) text = new TextDecoder("utf-8").decode(input);
  if (text === undefined) return undefined;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
