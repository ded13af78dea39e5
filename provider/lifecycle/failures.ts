import type * as z from "zod";
import { formatPath, issueText, type Issue } from "../model/issue";

/*
 * How the CorsPolicy's schema raises what the package's areas found (the target check, the
 * model's shape check, validation, the evaluator) as zod issues: each with the area's own words
 * (its messages module), which check hands the engine as they are.
 */

/** Raises one failure: `message` at `path` (inside the schema being refined), reported as `property` when given. */
export function fail(ctx: z.core.$RefinementCtx, message: string, path: PropertyKey[] = [], property?: string): void {
  ctx.addIssue({ code: "custom", message, path, ...(property === undefined ? {} : { params: { property } }) });
}

/**
 * Raises a package issue where the engine should show it: at `path`, reported as the issue's
 * own property (the engine prints the property before the reason, so the reason drops the
 * message's path prefix).
 */
export function failIssue(ctx: z.core.$RefinementCtx, issue: Issue, path: PropertyKey[] = []): void {
  const at = formatPath(issue.path);
  fail(ctx, issueText(issue), path, at === "" ? "rules" : at);
}

/** Raises the issues an area found in one field, each at its own path inside the field (`["target", "endpoint"]` → `["endpoint"]`). */
export function failWithin(ctx: z.core.$RefinementCtx, issues: readonly Issue[]): void {
  for (const issue of issues) fail(ctx, issueText(issue), issue.path.slice(1));
}
