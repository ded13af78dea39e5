import * as z from "zod";
import type { SameType } from "../model/same-type";
import type { Expectation } from "../operations/expectations";
import { show } from "../model/issue";
import { memoized } from "../model/memo";

/**
 * Schema of one `expect` entry. A factory, like the model's schemas: no zod schema may be
 * reachable from the serialized provider (pulumi/pulumi#5294).
 * @internal
 */
export function expectationSchema() {
  const list = z.array(z.string());
  return z.strictObject({
    origin: z.string(),
    method: z.string(),
    headers: list.optional(),
    allowed: z.boolean(),
    exposes: list.optional(),
    credentials: z.boolean().optional(),
    reads: list.optional(),
  });
}

type ExpectationSchema = ReturnType<typeof expectationSchema>;

/**
 * Compile-time proof that the public {@link Expectation} is exactly what the schema infers.
 * @internal
 */
export const EXPECTATION_SCHEMA_MATCHES_TYPE: [SameType<Expectation, z.input<ExpectationSchema>>, SameType<Expectation, z.output<ExpectationSchema>>] = [
  true,
  true,
];

/** The list fields of an expectation, in the order their problems are named. */
const LIST_FIELDS = ["headers", "exposes", "reads"] as const;

/**
 * What is wrong with an entry that does not parse, as one phrase, read from the entry itself: the
 * first of not an object, an unknown field, origin or method, allowed, credentials, then a list field.
 */
export function expectationProblem(entry: unknown): string {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return "is not an object";
  const fields = entry as Readonly<Record<string, unknown>>;
  const unknownField = Object.keys(fields).find((key) => !expectationFields().has(key));
  if (unknownField !== undefined) return `has unknown field ${show(unknownField)}`;
  if (typeof fields["origin"] !== "string" || typeof fields["method"] !== "string") return "needs origin and method strings";
  if (typeof fields["allowed"] !== "boolean") return "needs allowed: true or false";
  if (fields["credentials"] !== undefined && typeof fields["credentials"] !== "boolean") return "has credentials that is not true or false";
  const list = LIST_FIELDS.find((name) => fields[name] !== undefined && !isStringList(fields[name]));
  return list === undefined ? "is not valid" : `has ${list} that is not a list of strings`;
}

/** The fields an expectation takes, read from its schema once. */
const expectationFields = memoized((): ReadonlySet<string> => new Set(Object.keys(expectationSchema().shape)));

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
