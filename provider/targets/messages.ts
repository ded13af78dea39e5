import { type Issue, type IssuePath, issueFrom, type MessageTable, type ParamsOf, show } from "../model/issue";

/** Every code the target check reports. */
export const TARGET_CODES = ["target-invalid"] as const;

/** One of {@link TARGET_CODES}. */
export type TargetCode = (typeof TARGET_CODES)[number];

/** An issue the target check reports. */
export type TargetIssue = Issue<TargetCode>;

/** What is wrong with a target: a field the schema refuses, or an R2 target without its account. */
export type TargetProblem =
  | { readonly kind: "schema"; readonly found: unknown; readonly problem: string }
  | { readonly kind: "r2-account"; readonly bucket: string };

/** The wording of every target issue: the text after `<path>: `, from the issue's params. */
export const TARGET_MESSAGES = {
  "target-invalid": (p: TargetProblem) =>
    p.kind === "r2-account"
      ? `is missing; an R2 target needs the Cloudflare account id (or an endpoint) — set accountId, e.g. targets.r2({ accountId: "…", bucket: ${show(p.bucket)} })`
      : `${p.found === undefined ? "is missing" : `${show(p.found)} is not valid`}; ${p.problem} — fix the target, or build it with a preset such as targets.aws({ bucket, region })`,
} as const satisfies MessageTable<TargetCode> & Record<TargetCode, unknown>;

/** Builds a target issue, its message rendered from {@link TARGET_MESSAGES}. */
export function targetIssue<C extends TargetCode>(code: C, path: IssuePath, params: ParamsOf<typeof TARGET_MESSAGES, C>): TargetIssue {
  return issueFrom(TARGET_MESSAGES, code, path, params);
}
