import type { z } from "zod";
import { type Issue, issue, show } from "./issue";
import { corsConfigurationSchema, type CorsConfigurationInput } from "./schema";

/** What the shape check of an untyped value gives: the typed value, or the issues. */
export type ShapeResult =
  | { readonly ok: true; readonly value: CorsConfigurationInput }
  | { readonly ok: false; readonly issues: Issue[] };

/** Field names of a canonical rule, quoted in "unknown key" fixes. */
const RULE_KEYS = "id, allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds";

/**
 * Checks that `value` has the canonical model's shape (field names and JSON
 * types) and maps zod's issues to ours: path, value, what is allowed, the fix.
 */
export function checkShape(value: unknown): ShapeResult {
  const parsed = corsConfigurationSchema().safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((zi) => toIssue(zi, value)) };
}

/** Renders a zod path the way every message of ours does: `rules[1].allowedOrigins[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function toIssue(zi: z.core.$ZodIssue, root: unknown): Issue {
  const path = formatPath(zi.path);
  const value = valueAt(root, zi.path);
  switch (zi.code) {
    case "unrecognized_keys": {
      const allowed = path === "" ? "rules" : RULE_KEYS;
      const keys = zi.keys.map((k) => show(k)).join(", ");
      return issue("unknown-field", path, `${keys} ${zi.keys.length === 1 ? "is not a field" : "are not fields"} here; allowed are ${allowed} — remove or rename ${zi.keys.length === 1 ? "it" : "them"}`);
    }
    case "invalid_type":
      return value === undefined
        ? issue("missing-field", path, `is missing; it is required — add ${describeExpected(zi.expected)}`)
        : issue("wrong-type", path, `${show(value)} is ${describeActual(value)}; expected ${describeExpected(zi.expected)} — change its type`);
    default:
      return issue("wrong-shape", path, `${show(value)} is not valid here; ${zi.message} — fix the value`);
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "array": return "a list";
    case "object": return "an object";
    case "number": return "a number";
    case "string": return "a string";
    default: return expected;
  }
}

function describeActual(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

/** The value at a zod path inside `root`, or `undefined`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
