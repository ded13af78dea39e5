import type * as z from "zod";
import { parsePolicy } from "../api/parse";
import type { CorsRule, CorsRuleInput } from "../model/schema";
import { preparePolicy } from "../validate/prepare";
import { getProfile, isProfileName } from "../profiles";
import type { Dialect, ProfileName } from "../profiles/types";
import { targetDialect } from "../targets";
import { expectationSchema } from "./expectation-schema";
import { mismatches, predict } from "../operations/expectations";
import { fail, failIssue } from "./failures";
import { containsUnknown, UNKNOWN } from "./unknown";

/*
 * What the CorsPolicy's fields say together: exactly one of rules or document, which the
 * target's profile must be able to hold; expectations that those rules meet; `verify:
 * "preflight"` with something to send. Zod runs a refinement after a failed field (with
 * `when`), but a transform only when every field passed, so check can report every failure
 * at once: `checkAcrossFields` reports, `heldRules` gives the rules, and `rulesHeldFor` hands the
 * transform the rules the refinement already prepared (preparing them twice was a third of
 * `check`'s time, issue 21, item 5).
 */

/** The fields as the refinement sees them: a field that failed holds its raw value, so it is read only when it passed. */
export interface Fields {
  readonly target: unknown;
  readonly swift?: { readonly allowWidening?: boolean | undefined } | undefined;
  readonly rules?: CorsRuleInput[] | undefined;
  readonly document?: string | undefined;
  readonly expect?: unknown;
  readonly verify: unknown;
}

/** The names of fields that failed on their own: their values are raw input. */
type Failed = ReadonlySet<PropertyKey>;

/** Reports the failures across fields (run even when a field failed, so every failure shows at once). */
export function checkAcrossFields(fields: Fields, ctx: z.core.$RefinementCtx): void {
  const failed: Failed = new Set(ctx.issues.flatMap((i) => i.path?.[0] ?? []));
  const profile = profileOf(fields.target);
  const rules = heldRules(fields, profile, failed, ctx);
  // Only when no field failed: the transform runs only then, and a failed field's raw value may be held otherwise.
  if (failed.size === 0) prepared.set(fields, rules);
  const known = rules !== undefined && !containsUnknown(rules);
  if (known && Array.isArray(fields.expect) && !containsUnknown(fields.expect)) checkExpectations(fields.expect, rules, dialectOf(fields.target, profile), ctx);
  const expect = fields.expect;
  const nothingToSend = expect === undefined || (Array.isArray(expect) && expect.length === 0);
  if (fields.verify === "preflight" && nothingToSend) {
    fail(ctx, '"preflight" has nothing to send; preflights are sent for expect entries — add expect: [{ origin, method, allowed }], or use verify: "read"', [
      "verify",
    ]);
  } else if (isVerifyThrough(fields.verify) && nothingToSend) {
    fail(ctx, 'has nothing to send through the front; its requests are the expect entries — add expect: [{ origin, method, allowed }], or use verify: "read"', [
      "verify",
    ]);
  }
}

/**
 * The rules `checkAcrossFields` found for these fields (zod hands the refinement and the
 * transform the same object), keyed weakly so that nothing outlives the parse.
 */
const prepared = new WeakMap<Fields, CorsRule[] | undefined>();

/** The rules the target will hold for fields that passed: the refinement's, or (never run) `heldRules`. */
export function rulesHeldFor(fields: Fields, ctx: z.core.$RefinementCtx): CorsRule[] | undefined {
  return prepared.has(fields) ? prepared.get(fields) : heldRules(fields, profileOf(fields.target), new Set(), ctx);
}

/** Whether a (checked or raw) `verify` value is `{ via }`. */
function isVerifyThrough(verify: unknown): boolean {
  return verify !== null && typeof verify === "object" && "via" in verify;
}

/** The profile the target names: a target with unknown fields (bucket: someBucket.id in preview) still names it. */
function profileOf(target: unknown): ProfileName {
  const profile = target !== null && typeof target === "object" && "profile" in target ? target.profile : undefined;
  return isProfileName(profile) ? profile : "s3";
}

/** The dialect `expect` is checked with: the profile's, or the one a Ceph target's `version` picks. */
function dialectOf(target: unknown, profile: ProfileName): Dialect {
  const version = target !== null && typeof target === "object" && "version" in target ? target.version : undefined;
  return targetDialect({ profile, version: typeof version === "string" ? version : undefined });
}

/**
 * The normalized rules the target will really hold (widened first when the user accepted
 * widening), from `rules` or `document`; the sentinel when they are not known yet;
 * `undefined` after reporting why there are none.
 */
function heldRules(fields: Fields, profile: ProfileName, failed: Failed, ctx: z.core.$RefinementCtx): CorsRule[] | undefined {
  const { rules, document } = fields;
  if (rules !== undefined && document !== undefined) {
    fail(ctx, "is set together with rules; a CorsPolicy takes exactly one of them — remove one", ["document"]);
    return undefined;
  }
  if (rules === undefined && document === undefined) {
    fail(ctx, "is missing; a CorsPolicy needs rules (or a document in any supported format) — add rules: [{ allowedOrigins: [...], allowedMethods: [...] }]", [
      "rules",
    ]);
    return undefined;
  }
  // The rules the engine does not know yet stand as the sentinel, which the checked inputs pass through (known.ts).
  if (containsUnknown(rules ?? document)) return UNKNOWN as unknown as CorsRule[];
  if (failed.has("rules") || failed.has("document")) return undefined;
  const allowWidening = !failed.has("swift") && !containsUnknown(fields.swift) && fields.swift?.allowWidening === true;
  const options = { allowWidening };
  if (rules !== undefined) {
    const prepared = preparePolicy({ rules }, getProfile(profile), options);
    for (const issue of prepared.errors) failIssue(ctx, issue, ["rules"]);
    return prepared.config?.rules;
  }
  const parsed = parsePolicy(document);
  const issues = [...parsed.issues.filter((i) => i.severity === "error")];
  const prepared = parsed.config === undefined ? undefined : preparePolicy(parsed.config, getProfile(profile), options);
  issues.push(...(prepared?.errors ?? []));
  for (const issue of issues) fail(ctx, issue.message, ["document"], "document");
  return issues.length === 0 ? prepared?.config?.rules : undefined;
}

/**
 * Checks every well-formed expectation against the rules with the target's dialect: a
 * failing one fails preview with the evaluator's explanation. (Malformed entries fail on
 * their own, in the `expect` field.)
 */
function checkExpectations(entries: readonly unknown[], rules: readonly CorsRule[], dialect: Dialect, ctx: z.core.$RefinementCtx): void {
  entries.forEach((entry, index) => {
    const parsed = expectationSchema().safeParse(entry);
    if (!parsed.success) return;
    const e = parsed.data;
    const { seen, why } = predict(rules, e, dialect);
    const wrong = mismatches(e, seen);
    if (wrong.length > 0) {
      fail(
        ctx,
        `${e.method.toUpperCase()} from ${e.origin}${e.headers?.length ? ` with ${e.headers.join(", ")}` : ""}: ${wrong.join("; ")} (${dialect} rules) — ${why.join("; ")}`,
        ["expect", index],
      );
    }
  });
}
