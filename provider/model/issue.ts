import { formatPath, type IssuePath } from "./path";
import { hiddenSecret, looksSecret } from "./secret-like";

export { formatPath, type IssuePath } from "./path";

/** How much an issue matters: an `error` stops a policy from being applied; a `warning` (format hint, lint) does not. */
export const SEVERITIES = ["error", "warning"] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The facts an issue's message is rendered from (the value found, the limit, the fix...), by name. */
export type IssueParams = Readonly<Record<string, unknown>>;

/**
 * One problem found in a policy, as data: a stable code from its area's
 * `as const` tuple (validation, lint, format), where it is, how much it
 * matters and the facts behind it. `message` is the text the area's messages
 * module rendered from those, `<path>: <value> <problem>; <rule> — <fix>`,
 * kept on the issue so that every place that prints issues prints the same words.
 */
export interface Issue<Code extends string = string> {
  /** Stable machine-readable code, e.g. `origin-has-path`. */
  readonly code: Code;
  /** Property path inside the canonical model, e.g. `["rules", 1, "allowedOrigins", 0]`; `[]` for the whole document. */
  readonly path: IssuePath;
  /** `error` blocks the policy; `warning` is advice. */
  readonly severity: Severity;
  /** The facts the message was rendered from. */
  readonly params: IssueParams;
  /** The rendered text: `<path>: <text>` (just `<text>` when the path is empty). */
  readonly message: string;
}

/**
 * A message table of one area: for each code, the text after `<path>: `,
 * rendered from that code's params. Each area keeps its wording in one such
 * table (zod's model: codes and params are data, the words live in one place).
 */
export type MessageTable<Code extends string> = { readonly [C in Code]: (params: never) => string };

/** The params a table's renderer for `code` takes. */
export type ParamsOf<Table extends MessageTable<string>, Code extends keyof Table> = Parameters<Table[Code]>[0];

/** Builds an issue from its code, path and params, rendering its message with `table`. */
export function issueFrom<Table extends MessageTable<string>, Code extends keyof Table & string>(
  table: Table,
  code: Code,
  path: IssuePath,
  params: ParamsOf<Table, Code>,
  severity: Severity = "error",
): Issue<Code> {
  const render = table[code] as (p: ParamsOf<Table, Code>) => string;
  return withText(code, path, severity, params as IssueParams, render(params));
}

/** Builds an error-severity issue from text written at the call site (the CLI's own target checks; the package's areas use their message tables). */
export function issue<Code extends string>(code: Code, path: IssuePath, text: string): Issue<Code> {
  return withText(code, path, "error", {}, text);
}

/** Builds a warning-severity issue from text written at the call site. */
export function warning<Code extends string>(code: Code, path: IssuePath, text: string): Issue<Code> {
  return withText(code, path, "warning", {}, text);
}

function withText<Code extends string>(code: Code, path: IssuePath, severity: Severity, params: IssueParams, text: string): Issue<Code> {
  const at = formatPath(path);
  return { code, path, severity, params, message: at === "" ? text : `${at}: ${text}` };
}

/** The message without its `<path>: ` prefix (what a caller that shows the path separately prints). */
export function issueText(issue: Issue): string {
  const prefix = `${formatPath(issue.path)}: `;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * Renders a value for a message: strings quoted (control characters and lone
 * surrogates escaped, never raw), the rest as JSON, clipped to `max` characters.
 * A string that looks like a credential (secret-like.ts), alone or anywhere in
 * the value, is replaced by its length before clipping, so not even a prefix shows.
 * Never throws: a BigInt, a symbol, a function or a cycle is named instead.
 */
export function show(value: unknown, max = 80): string {
  const text = jsonOf(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** A JSON.stringify replacer: keys and strings that look like credentials become {@link hiddenSecret}. */
function hideSecrets(_key: string, value: unknown): unknown {
  if (typeof value === "string") return looksSecret(value) ? hiddenSecret(value) : value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.some(looksSecret)) return value;
  return Object.fromEntries(keys.map((k) => [looksSecret(k) ? hiddenSecret(k) : k, (value as Record<string, unknown>)[k]]));
}

function jsonOf(value: unknown): string {
  if (value === undefined) return "undefined";
  // JSON spells NaN and the infinities "null", which a message would then call a number (issue 23).
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  // JSON spells Infinity and NaN as null, which would name a value nobody wrote.
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "symbol" || typeof value === "function") return typeof value === "symbol" ? value.toString() : "a function";
  try {
    // JSON.stringify answers undefined for values JSON cannot spell, whatever its type says.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    return JSON.stringify(value, hideSecrets) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value); // a BigInt inside, a cycle, a throwing getter or a Proxy
  }
}
