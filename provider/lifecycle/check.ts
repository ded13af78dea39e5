import type * as pulumi from "@pulumi/pulumi";
import type * as z from "zod";
import { CorsPolicyError } from "../errors";
import { formatPath } from "../model/structure";
import { scrubPieces, secretsIn } from "../model/secret-like";
import { knownSecrets, scrubSecrets } from "../backends/secrets";
import { memoized } from "../model/memo";
import { policyInputsSchema } from "./schema";
import type { PolicyInputs, WrittenInputs } from "./types";

/** A check failure as the engine shows it: a property path and the reason. */
export type CheckFailure = pulumi.dynamic.CheckFailure;

/** What `check` returns to the engine: the checked inputs, or every failure. */
export interface CheckOutcome {
  readonly inputs?: PolicyInputs;
  readonly failures: CheckFailure[];
}

/** Built once: check and diff each parse every resource's inputs with it (issue 21, item 5). */
const inputsSchema = memoized(policyInputsSchema);

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
  const parsed = inputsSchema().safeParse(news);
  if (parsed.success) return { inputs: remember(news, parsed.data), failures: [] };
  return { failures: [...parsed.error.issues].sort(byField).map(failureOf) };
}

/**
 * The inputs `check` accepted last, by their text (without the host's `__provider`), checked and
 * normalized. The engine calls `diff` right after `check` with the inputs `check` returned,
 * and parsing them again was half of check+diff's time through the host (issue 21, item 5).
 * A few dozen: the engine checks and diffs a handful of resources at once.
 */
const accepted = new Map<string, PolicyInputs>();
const MOST_ACCEPTED = 64;

/**
 * The text of written inputs with every object's keys sorted (the engine need not send them in
 * the order check returned them), without `__provider`; `stableJson`'s form, built in one pass
 * because it runs on every check and diff.
 */
function keyOf(written: unknown): string | undefined {
  try {
    if (written === null || typeof written !== "object" || Array.isArray(written)) return sortedText(written);
    const { __provider: _provider, ...inputs } = written as Record<string, unknown>;
    return sortedText(inputs);
  } catch {
    return undefined; // what JSON cannot hold (a BigInt, a cycle) is checked again, never remembered
  }
}

function sortedText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? "null" : sortedText(item))).join(",")}]`;
  // What JSON drops (undefined, a function) stands as null; every object member holding it was dropped above.
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const fields = Object.entries(value).filter(([, item]) => item !== undefined);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${fields.map(([name, item]) => `${JSON.stringify(name)}:${sortedText(item)}`).join(",")}}`;
}

function remember(written: unknown, inputs: PolicyInputs): PolicyInputs {
  const key = keyOf(written);
  if (key === undefined) return inputs;
  if (accepted.size >= MOST_ACCEPTED) accepted.delete(accepted.keys().next().value as string);
  accepted.set(key, inputs);
  return inputs;
}

/**
 * `normalizedInputs` for `diff`, which only reads them: the checked inputs `check` just
 * returned for these written inputs, else parsed again.
 */
export function inputsToCompare(written: WrittenInputs): PolicyInputs {
  const key = keyOf(written);
  return (key === undefined ? undefined : accepted.get(key)) ?? normalizedInputs(written);
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

/** Most characters of one reason the engine gets: a failing 10 MB document printed 21 MB (issue 23, item A). */
export const MAX_ENGINE_REASON = 2000;

/** Most characters of a reason that are scrubbed; a reason is rarely more than a few hundred. */
const MAX_SCRUBBED = 20_000;

/** Most failures the engine gets for one resource; the last says how many more there were. */
export const MAX_ENGINE_FAILURES = 50;

/**
 * The failures as the engine should get them: every one with an empty property and its path in
 * the reason. The engine prints `property <p> value {<v>} has a problem: <reason>` for a
 * property, the whole input value with it, secrets and a 10 MB document included (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go, issueCheckErrors), and `value {<nil>}` for a nested
 * path; with no property it prints `resource '<name>' has a problem: <reason>` and nothing the
 * user typed. Each reason is also scrubbed of the credential-like strings of `inputs`
 * and of the known secrets (in case a message showed one without `show`), and clipped.
 */
export function forEngine(failures: readonly CheckFailure[], inputs: unknown): CheckFailure[] {
  const secrets = [...secretsIn(inputs), ...knownSecrets()];
  const shown = failures.slice(0, MAX_ENGINE_FAILURES).map((failure) => {
    const full = failure.property === "" ? failure.reason : `${failure.property}: ${failure.reason}`;
    // Scrubbed before it is clipped, so that a clip cannot leave a secret's prefix too short to find.
    const text = scrubPieces(scrubSecrets(clip(full, MAX_SCRUBBED), secrets), secrets);
    return { property: "", reason: clip(text, MAX_ENGINE_REASON) };
  });
  const more = failures.length - shown.length;
  return more > 0 ? [...shown, { property: "", reason: `and ${more} more failures — fix these first` }] : shown;
}

/** The text, at most `max` characters: cut, with "..." to say so. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
