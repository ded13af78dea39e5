import { hasErrors, type Issue, show, type IssuePath } from "../model/issue";
import { formatIssue } from "./codes";
import { normalize } from "../model/normalize";
import type { CorsRuleInput } from "../model/schema";
import type { DecodeResult } from "./types";

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

/** "a string", "a list", "null"... for messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "undefined") return "undefined";
  return `a ${typeof value}`;
}

/** Like `show`, for any value a program may pass: numbers as JavaScript writes them (`Infinity`, not JSON's `null`), never throwing. */
export function showValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "a function";
  try {
    return show(value);
  } catch {
    return Object.prototype.toString.call(value); // a BigInt inside, or a cycle
  }
}

/** `path` + `key` or `index` (a very long key is clipped: paths appear in messages). */
export function at(path: IssuePath, key: string | number): IssuePath {
  return [...path, typeof key === "number" ? key : clipName(key)];
}

/** A document's key or element name, clipped to 60 characters for paths and messages. */
export function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}

/** A list of strings; `field` is the document's name for it, used in messages. */
export function readStringList(value: unknown, path: IssuePath, field: string, issues: Issue[]): string[] | undefined {
  if (!Array.isArray(value)) {
    const fix = typeof value === "string" ? `write [${show(value)}]` : `replace it with a list such as ["…"]`;
    issues.push(formatIssue("wrong-type", path, `${showValue(value)} is ${describeType(value)}; ${field} is a list of strings — ${fix}`));
    return undefined;
  }
  let ok = true;
  value.forEach((item: unknown, index) => {
    if (typeof item === "string") return;
    ok = false;
    const fix = typeof item === "number" || typeof item === "boolean" ? "quote it" : "replace it with a string";
    issues.push(formatIssue("wrong-type", at(path, index), `${showValue(item)} is ${describeType(item)}; ${field} holds strings — ${fix}`));
  });
  return ok ? (value as string[]) : undefined;
}

/** A string (a rule id). */
export function readString(value: unknown, path: IssuePath, field: string, issues: Issue[]): string | undefined {
  if (typeof value === "string") return value;
  const fix = typeof value === "number" || typeof value === "boolean" ? "quote it" : "replace it with a string";
  issues.push(formatIssue("wrong-type", path, `${showValue(value)} is ${describeType(value)}; ${field} is a string — ${fix}`));
  return undefined;
}

/** A JSON number that is a whole number of seconds. */
export function readWholeNumber(value: unknown, path: IssuePath, field: string, issues: Issue[]): number | undefined {
  if (typeof value !== "number") {
    const digits = typeof value === "string" && /^\s*[0-9]+\s*$/.test(value);
    const fix = digits ? `write ${value.trim()} without quotes` : "write a number such as 3600";
    issues.push(formatIssue("wrong-type", path, `${showValue(value)} is ${describeType(value)}; ${field} is a whole number of seconds — ${fix}`));
    return undefined;
  }
  if (!Number.isInteger(value)) {
    const fix = Number.isFinite(value) ? `use a whole number such as ${Math.round(value)}` : "use a whole number such as 3600";
    issues.push(formatIssue("not-integer", path, `${showValue(value)} is not a whole number; ${field} counts whole seconds — ${fix}`));
    return undefined;
  }
  return value + 0; // -0 → 0
}

/** Text (XML element, header value) that must be a whole number of seconds. */
export function parseWholeNumber(text: string, path: IssuePath, field: string, issues: Issue[]): number | undefined {
  const trimmed = text.trim();
  const value = /^[+-]?[0-9]+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) {
    issues.push(formatIssue("not-integer", path, `${show(text)} is not a whole number; ${field} counts whole seconds — write digits only, such as 3600`));
    return undefined;
  }
  return value + 0;
}

/** The issue for a key a document shape does not have, with a rename hint when the key looks like an allowed one. */
export function unknownField(path: IssuePath, key: string, container: string, allowed: readonly string[], rename = suggestion(key, allowed)): Issue {
  const fix = rename === undefined ? "remove it" : `rename it to ${show(rename)}`;
  return formatIssue("unknown-field", path, `${show(key)} is not a field of ${container}; allowed are ${allowed.join(", ")} — ${fix}`);
}

/** The allowed key `key` is probably a misspelling of (case, `_`/`-`, singular/plural), if any. */
export function suggestion(key: string, allowed: readonly string[]): string | undefined {
  const canon = (k: string): string => k.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/s$/, "");
  return allowed.find((a) => canon(a) === canon(key));
}

/** A required field that is absent. */
export function missingField(path: IssuePath, text: string): Issue {
  return formatIssue("missing-field", path, `is missing; ${text}`);
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
      return { issues: [formatIssue("decode-failed", [], `the ${format} document could not be read (${reason}) — pass plain text or plain JSON values`)] };
    }
  };
}
