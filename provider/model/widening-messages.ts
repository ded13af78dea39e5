import { type IssuePath, issueFrom, type MessageTable, type ParamsOf, show, type Issue } from "./issue";

/*
 * The words of the widening refusal (model/swift-container.ts, `wideningIssuesOf`), here in the
 * model so that validation (validate/messages.ts spreads them into its table) and the Swift codec
 * (formats/swift-headers.ts, which may not import validate/) report the same codes and messages.
 */

/** The codes of the widening refusal; part of validation's codes (validate/messages.ts, `VALIDATION_CODES`). */
export const WIDENING_CODES = ["rules-not-expressible", "methods-would-widen", "headers-would-widen"] as const;

/** One of {@link WIDENING_CODES}. */
export type WideningCode = (typeof WIDENING_CODES)[number];

/** The opt-in to a wider policy in the words of each surface that has one: the resource's property, the CLI's flag, the codec's option. */
const WIDENING_OPT_IN = {
  resource: "or set swift: { allowWidening: true } to accept the wider policy",
  cli: "or give apply --allow-widening to accept the wider policy",
  codec: 'or encode with { allowWidening: true } to write the wider policy (codecFor("swift-headers").encode)',
} as const;

/** A surface with a widening opt-in; `undefined` where there is none (a document rendered as Swift metadata). */
export type OptInWords = keyof typeof WIDENING_OPT_IN | undefined;

function optIn(p: { optIn: OptInWords }): string {
  return p.optIn === undefined ? "" : `, ${WIDENING_OPT_IN[p.optIn]}`;
}

/** The wording of the widening issues: the text after `<path>: `, from the issue's params. */
export const WIDENING_MESSAGES = {
  "rules-not-expressible": (p: { count: number; differing: number; vendor: string; optIn: OptInWords }) =>
    `${p.count} rules with different settings (rules[0] and rules[${p.differing}]); ${p.vendor} holds one CORS setting per container — merge them into one rule${optIn(p)}`,
  "methods-would-widen": (p: { methods: readonly string[]; vendor: string; widened: readonly string[]; all: readonly string[]; optIn: OptInWords }) =>
    `${show(p.methods)} would widen to every method: ${p.vendor} cannot restrict methods, so ${p.widened.join(", ")} would be allowed too — list all of ${p.all.join(", ")}${optIn(p)}`,
  "headers-would-widen": (p: { headers: readonly string[]; vendor: string; optIn: OptInWords }) =>
    `${show(p.headers)} would widen to every request header: ${p.vendor} echoes whatever a preflight asks for — use ["*"]${optIn(p)}`,
} as const satisfies MessageTable<WideningCode> & Record<WideningCode, unknown>;

/** Builds a widening issue (always an error: the policy would be held wider than written). */
export function wideningIssue<C extends WideningCode>(code: C, path: IssuePath, params: ParamsOf<typeof WIDENING_MESSAGES, C>): Issue<C> {
  return issueFrom(WIDENING_MESSAGES, code, path, params);
}
