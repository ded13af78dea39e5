import type * as z from "zod";
import { formatPath, type IssuePath } from "./path";
import { corsConfigurationSchema, type CorsConfigurationInput } from "./schema";
import { shapeIssue, type ShapeIssue } from "./shape-messages";
import { memoized } from "./memo";

export { formatPath } from "./path";

/** What the shape check of an untyped value gives: the typed value, or the issues. */
export type ShapeResult = { readonly ok: true; readonly value: CorsConfigurationInput } | { readonly ok: false; readonly issues: ShapeIssue[] };

/** Built once: every check and diff of a CorsPolicy checks its rules' shape (issue 21, item 5). */
const configurationSchema = memoized(corsConfigurationSchema);

/** Field names of a canonical rule, quoted in "unknown key" fixes. */
const RULE_KEYS = "id, allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds";

/**
 * Checks that `value` has the canonical model's shape (field names and JSON
 * types) and maps zod's issues to ours: path, value, what is allowed, the fix.
 */
export function checkShape(value: unknown): ShapeResult {
  try {
    const parsed = configurationSchema().safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, issues: parsed.error.issues.map((zi) => toIssue(zi, value)) };
  } catch (error) {
    // A throwing getter or a Proxy a program passed in: an issue, never an exception.
    return { ok: false, issues: [shapeIssue("unreadable-value", [], { reason: reasonOf(error) })] };
  }
}

/** An error's message for an issue: one line, at most 200 characters. */
function reasonOf(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = "unknown error";
  }
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** A zod path as an issue path (zod allows symbol keys; a JSON document has none). */
export function issuePathOf(path: readonly PropertyKey[]): IssuePath {
  return path.map((key) => (typeof key === "number" ? key : String(key)));
}

function toIssue(zi: z.core.$ZodIssue, root: unknown): ShapeIssue {
  const path = issuePathOf(zi.path);
  const value = valueAt(root, zi.path);
  switch (zi.code) {
    case "unrecognized_keys":
      return shapeIssue("unknown-field", path, { keys: zi.keys, allowed: formatPath(path) === "" ? "rules" : RULE_KEYS });
    case "invalid_type":
      if (zi.expected === "number" && typeof value === "number" && !Number.isFinite(value)) {
        return shapeIssue("not-finite", path, { value, field: String(path[path.length - 1] ?? "the value") });
      }
      return value === undefined
        ? shapeIssue("missing-field", path, { expected: describeExpected(zi.expected) })
        : shapeIssue("wrong-type", path, { value, actual: describeActual(value), expected: describeExpected(zi.expected) });
    default:
      return shapeIssue("wrong-shape", path, { value, problem: zi.message });
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "array":
      return "a list";
    case "object":
      return "an object";
    case "number":
      return "a number";
    case "string":
      return "a string";
    default:
      return expected;
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
