import { hasErrors, type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { normalize } from "../model/normalize";
import type { CorsRuleInput } from "../model/schema";
import { clipName } from "./show";
import type { DecodeResult } from "./types";

export { clipName, describeType, showValue } from "./show";

/**
 * Readers shared by the codecs: each reads one document value, and on a
 * structural problem records an issue (`<path>: <value> <problem>; <rule> —
 * <fix>`) and returns `undefined`. They never check meaning (origin syntax,
 * method names, limits): that is `validate/validate.ts`.
 */

/** A plain JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `record[key]` when it is an own property, else `undefined` (never reads the prototype chain). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** `path` + `key` or `index` (a very long key is clipped: paths appear in messages). */
export function at(path: IssuePath, key: string | number): IssuePath {
  return [...path, typeof key === "number" ? key : clipName(key)];
}

/** A list of strings; `field` is the document's name for it, used in messages. */
export function readStringList(value: unknown, path: IssuePath, field: string, issues: Issue[]): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.push(formatIssue("string-list-not-list", path, { value, field }));
    return undefined;
  }
  const before = issues.length;
  (value as unknown[]).forEach((item, index) => {
    if (typeof item !== "string") issues.push(formatIssue("string-list-item", at(path, index), { value: item, field }));
  });
  return issues.length === before ? (value as string[]) : undefined;
}

/** A string (a rule id). */
export function readString(value: unknown, path: IssuePath, field: string, issues: Issue[]): string | undefined {
  if (typeof value === "string") return value;
  issues.push(formatIssue("string-not-string", path, { value, field }));
  return undefined;
}

/** A JSON number that is a whole number of seconds. */
export function readWholeNumber(value: unknown, path: IssuePath, field: string, issues: Issue[]): number | undefined {
  if (typeof value !== "number") {
    issues.push(formatIssue("seconds-not-number", path, { value, field }));
    return undefined;
  }
  if (!Number.isInteger(value)) {
    issues.push(formatIssue("seconds-not-integer", path, { value, field }));
    return undefined;
  }
  return value + 0; // -0 → 0
}

/** Text (XML element, header value) that must be a whole number of seconds. */
export function parseWholeNumber(text: string, path: IssuePath, field: string, issues: Issue[]): number | undefined {
  const trimmed = text.trim();
  const value = /^[+-]?[0-9]+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) {
    issues.push(formatIssue("seconds-not-digits", path, { text, field }));
    return undefined;
  }
  return value + 0;
}

/** The issue for a key a document shape does not have, with a rename hint when the key looks like an allowed one. */
export function unknownField(path: IssuePath, key: string, container: string, allowed: readonly string[], rename = suggestion(key, allowed)): Issue {
  return formatIssue("unknown-field", path, { key, container, allowed, rename });
}

/** The allowed key `key` is probably a misspelling of (case, `_`/`-`, singular/plural), if any. */
export function suggestion(key: string, allowed: readonly string[]): string | undefined {
  const canon = (k: string): string =>
    k
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .replace(/s$/, "");
  return allowed.find((a) => canon(a) === canon(key));
}

/** The decode result: the normalized config only when no issue is an error. */
export function decoded(rules: readonly CorsRuleInput[], issues: Issue[]): DecodeResult {
  return hasErrors(issues) ? { issues } : { config: normalize({ rules: [...rules] }), issues };
}

/**
 * Wraps a decoder so that nothing escapes as an exception: a value with a
 * throwing getter or a Proxy passed in by a program becomes an issue.
 */
export function neverThrows(format: string, decode: (input: unknown) => DecodeResult): (input: unknown) => DecodeResult {
  return (input) => {
    try {
      return decode(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { issues: [formatIssue("decode-failed", [], { format, reason })] };
    }
  };
}
