import { type Issue, type IssuePath, issueFrom, type MessageTable, type ParamsOf, show } from "./issue";

/** Every code the shape check of the canonical model reports (field names and JSON types). */
export const SHAPE_CODES = ["unknown-field", "missing-field", "wrong-type", "not-finite", "wrong-shape", "unreadable-value"] as const;

/** One of {@link SHAPE_CODES}. */
export type ShapeCode = (typeof SHAPE_CODES)[number];

/** An issue the shape check reports. */
export type ShapeIssue = Issue<ShapeCode>;

/** The wording of every shape issue: the text after `<path>: `, from the issue's params. */
export const SHAPE_MESSAGES = {
  "unknown-field": (p: { keys: readonly string[]; allowed: string }) =>
    `${p.keys.map((k) => show(k)).join(", ")} ${p.keys.length === 1 ? "is not a field" : "are not fields"} here; allowed are ${p.allowed} — remove or rename ${p.keys.length === 1 ? "it" : "them"}`,
  "missing-field": (p: { expected: string }) => `is missing; it is required — add ${p.expected}`,
  "wrong-type": (p: { value: unknown; actual: string; expected: string }) => `${show(p.value)} is ${p.actual}; expected ${p.expected} — change its type`,
  // The model's one number is maxAgeSeconds; zod calls NaN and the infinities the wrong type, which reads as nonsense.
  "not-finite": (p: { value: number; field: string }) =>
    `${show(p.value)} is not a finite number; ${p.field} is a finite whole number of seconds — use e.g. 3600, or omit it`,
  "wrong-shape": (p: { value: unknown; problem: string }) => `${show(p.value)} is not valid here; ${p.problem} — fix the value`,
  "unreadable-value": (p: { reason: string }) => `the policy could not be read (${p.reason}) — pass plain data, not values whose properties throw when read`,
} as const satisfies MessageTable<ShapeCode> & Record<ShapeCode, unknown>;

/** Builds a shape issue, its message rendered from {@link SHAPE_MESSAGES}. */
export function shapeIssue<C extends ShapeCode>(code: C, path: IssuePath, params: ParamsOf<typeof SHAPE_MESSAGES, C>): ShapeIssue {
  return issueFrom(SHAPE_MESSAGES, code, path, params);
}
