import { z } from "zod";
import type { SameType } from "../model/same-type";
import type { Expectation } from "../operations/expectations";
import { show } from "../model/issue";

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
 * What is wrong with an entry that does not parse, as one phrase: the first of not an
 * object, an unknown field, origin or method, allowed, then a list field.
 */
export function expectationProblem(entry: unknown, error: z.ZodError): string {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return "is not an object";
  const unknownField = error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : []))[0];
  if (unknownField !== undefined) return `has unknown field ${show(unknownField)}`;
  const fails = (field: string): boolean => error.issues.some((i) => i.path[0] === field);
  if (fails("origin") || fails("method")) return "needs origin and method strings";
  if (fails("allowed")) return "needs allowed: true or false";
  if (fails("credentials")) return "has credentials that is not true or false";
  const list = LIST_FIELDS.find(fails);
  return list === undefined ? `is not valid (${error.issues[0]?.message ?? "unknown problem"})` : `has ${list} that is not a list of strings`;
}
