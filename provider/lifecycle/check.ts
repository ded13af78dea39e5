import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { CorsPolicyError } from "../errors";
import { formatPath } from "../model/structure";
import { policyInputsSchema } from "./schema";
import type { PolicyInputs, WrittenInputs } from "./types";

/** A check failure as the engine shows it: a property path and the reason. */
export type CheckFailure = pulumi.dynamic.CheckFailure;

/** What `check` returns to the engine: the checked inputs, or every failure. */
export interface CheckOutcome {
  readonly inputs?: PolicyInputs;
  readonly failures: CheckFailure[];
}

/** Where each field's failures come in the list: in the order a CorsPolicy's fields are read. */
const FIELD_RANK: Readonly<Record<string, number>> = {
  target: 0,
  swift: 1,
  rules: 2,
  document: 2,
  expect: 3,
  verify: 4,
  onExisting: 5,
  propagationTimeoutSeconds: 6,
  lint: 7,
};

/**
 * Validates and normalizes the inputs of a CorsPolicy with its schema (schema.ts). Returns
 * normalized inputs, or every failure with its path. Unknown values (preview) are passed
 * through, never validated as strings. No I/O.
 */
export function checkInputs(news: unknown): CheckOutcome {
  const parsed = policyInputsSchema().safeParse(news);
  if (parsed.success) return { inputs: parsed.data, failures: [] };
  return { failures: [...parsed.error.issues].sort(byField).map(failureOf) };
}

/**
 * The normalized form of inputs `check` accepted (the engine hands them back as written: see
 * index.ts's `check`). Throws only if they no longer pass, which a state edited by hand can do.
 */
export function normalizedInputs(written: WrittenInputs): PolicyInputs {
  const outcome = checkInputs(written);
  if (outcome.inputs !== undefined) return outcome.inputs;
  const reasons = outcome.failures.map((f) => (f.property === "" ? f.reason : `${f.property}: ${f.reason}`));
  throw new CorsPolicyError(`the inputs no longer pass check: ${reasons.join("; ")}`, { code: "InvalidPolicy" });
}

/** Orders failures by field, then by list index (`expect[0]` before `expect[1]`); otherwise as raised. */
function byField(a: z.core.$ZodIssue, b: z.core.$ZodIssue): number {
  return rankOf(a) - rankOf(b) || indexOf(a) - indexOf(b);
}

function rankOf(issue: z.core.$ZodIssue): number {
  return FIELD_RANK[String(issue.path[0])] ?? Number.MAX_SAFE_INTEGER;
}

function indexOf(issue: z.core.$ZodIssue): number {
  const index = issue.path[1];
  return typeof index === "number" ? index : -1;
}

/** A schema issue as a failure: the schema words every reason, and names the property when it is not the issue's path. */
function failureOf(issue: z.core.$ZodIssue): CheckFailure {
  const property: unknown = issue.code === "custom" ? issue.params?.["property"] : undefined;
  return { property: typeof property === "string" ? property : formatPath(issue.path), reason: issue.message };
}

/**
 * A failure as the engine should get it. The engine prints `property <p> value {<v>} has a
 * problem: <reason>`, looking `p` up as a top-level input (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go, issueCheckErrors), so a nested path such as
 * `rules[0].allowedOrigins[0]` prints `value {<nil>}`. A nested path therefore goes into the
 * reason with no property, which the engine prints as `resource '<name>' has a problem: <path>: <reason>`.
 */
export function forEngine(failure: CheckFailure): CheckFailure {
  return /[.[]/.test(failure.property) ? { property: "", reason: `${failure.property}: ${failure.reason}` } : failure;
}
