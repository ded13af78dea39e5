import { CHROME_MAX_AGE_SECONDS } from "../evaluate/lint/max-age-caps";
import { type Issue, type IssuePath, issueFrom, type MessageTable, type ParamsOf, type Severity, show } from "../model/issue";
import { WIDENING_CODES, WIDENING_MESSAGES } from "../model/widening-messages";

/** Every code profile-aware validation reports (rules against the generic S3 rules and a vendor profile). */
export const VALIDATION_CODES = [
  "no-per-bucket-cors",
  "rules-empty",
  "rules-too-many",
  "id-duplicate",
  "origins-empty",
  "origin-empty",
  "origin-wildcards",
  "origin-no-scheme",
  "origin-has-path",
  "origin-has-userinfo",
  "origin-no-host",
  "origin-whitespace",
  "origin-opaque-scheme",
  "origin-port",
  "origin-empty-label",
  "origin-not-ascii",
  "origin-upper-case",
  "origin-default-port",
  "origin-wildcard-unsupported",
  "origin-wildcard-position",
  "origin-wildcard-port",
  "wildcard-not-alone",
  "methods-empty",
  "method-unsupported",
  "header-empty",
  "header-list",
  "header-characters",
  "header-wildcards",
  "header-wildcard-position",
  "expose-header-wildcard",
  "expose-headers-unsupported",
  "id-too-long",
  "id-characters",
  "id-unsupported",
  "id-format",
  "max-age-not-integer",
  "max-age-negative",
  "max-age-too-high",
  "max-age-dropped",
  "max-age-unwritable",
  "document-too-large",
  ...WIDENING_CODES,
  "origins-too-long",
] as const;

/** One of {@link VALIDATION_CODES}. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** An issue profile-aware validation reports. */
export type ValidationIssue = Issue<ValidationCode>;

const ORIGIN_SHAPE = 'an origin is "*" or scheme://host[:port]';
/** A surface with a widening opt-in (the words live with the widening messages, model/widening-messages.ts). */
export type { OptInWords } from "../model/widening-messages";
const HEADER_CHARACTERS = "letters, digits and !#$%&'+-.^_`|~";
const HEADER_CHARACTERS_WITH_STAR = 'letters, digits, "*" and !#$%&\'+-.^_`|~';

/** The wording of every validation issue: the text after `<path>: `, from the issue's params. */
export const VALIDATION_MESSAGES = {
  "no-per-bucket-cors": (p: { vendor: string; alternative: string }) => `${p.vendor} has no per-bucket CORS configuration; ${p.alternative}`,
  "rules-empty": (_: Record<string, never>) =>
    "[] is empty; a CORS configuration needs at least one rule — add a rule, or delete the policy to remove CORS from the bucket",
  "rules-too-many": (p: { count: number; max: number; vendor: string }) =>
    `${p.count} rules is more than the ${p.max} ${p.vendor} accepts — merge rules that allow the same methods and headers`,
  "id-duplicate": (p: { id: string; earlier: number }) => `${show(p.id)} is also the ID of rules[${p.earlier}]; rule IDs must be unique — rename one of them`,
  "origins-empty": (_: Record<string, never>) => `[] is empty; a rule needs at least one origin — add one, e.g. "https://app.example.com", or "*" for any site`,
  "origin-empty": (p: { origin: string }) =>
    `${show(p.origin)} is empty; ${ORIGIN_SHAPE} — remove it, or write the site's origin, e.g. "https://app.example.com"`,
  "origin-wildcards": (p: { origin: string; stars: number; suggestion: string }) =>
    `${show(p.origin)} has ${p.stars} "*"; an origin may contain at most one "*" — keep one, e.g. ${show(p.suggestion)}`,
  "origin-no-scheme": (p: { origin: string; suggestion: string }) => `${show(p.origin)} has no scheme; ${ORIGIN_SHAPE} — use ${show(p.suggestion)}`,
  "origin-has-path": (p: { origin: string; part: "a path" | "a query" | "a fragment"; suggestion: string }) =>
    `${show(p.origin)} has ${p.part}; ${ORIGIN_SHAPE} — use ${show(p.suggestion)}`,
  "origin-has-userinfo": (p: { origin: string; suggestion: string }) => `${show(p.origin)} has user info; ${ORIGIN_SHAPE} — use ${show(p.suggestion)}`,
  "origin-no-host": (p: { origin: string }) => `${show(p.origin)} has no host; ${ORIGIN_SHAPE} — add the host, e.g. "https://app.example.com"`,
  "origin-whitespace": (p: { origin: string; character: string; suggestion: string | undefined }) =>
    `${show(p.origin)} contains ${characterName(p.character)}; browsers send origins without spaces or control characters — ${p.suggestion === undefined ? "remove them" : `use ${show(p.suggestion)}`}`,
  "origin-opaque-scheme": (p: { origin: string; scheme: string }) =>
    `${show(p.origin)} uses the ${p.scheme}: scheme; browsers send "null" as the origin of ${p.scheme}: pages, so this never matches — serve the page over https and list that origin, e.g. "https://app.example.com"`,
  "origin-port": (p: { origin: string; port: string; suggestion: string | undefined }) =>
    `${show(p.origin)} has port ${show(p.port)}; a port is a whole number from 1 to 65535, written without leading zeros — ${p.suggestion === undefined ? "fix the port, or remove it for the default" : `use ${show(p.suggestion)}`}`,
  "origin-empty-label": (p: { origin: string; suggestion: string }) =>
    `${show(p.origin)} has an empty label in its host; a host name is non-empty labels separated by single dots — use ${show(p.suggestion)}`,
  "origin-not-ascii": (p: { origin: string; suggestion: string | undefined }) =>
    `${show(p.origin)} has non-ASCII characters in its host; browsers send international domain names in punycode — ${p.suggestion === undefined ? "write the host in punycode (xn--…)" : `use ${show(p.suggestion)}`}`,
  "origin-upper-case": (p: { origin: string; suggestion: string }) =>
    `${show(p.origin)} has upper-case letters; browsers send origins in lower case and servers compare them exactly — use ${show(p.suggestion)}`,
  "origin-default-port": (p: { origin: string; suggestion: string }) =>
    `${show(p.origin)} names the default port; browsers leave it out of the Origin header, so this never matches — use ${show(p.suggestion)}`,
  "origin-wildcard-unsupported": (p: { origin: string; vendor: string }) =>
    `${show(p.origin)} has a partial wildcard; ${p.vendor} matches origins exactly and only a bare "*" is a wildcard — list each origin, or use "*"`,
  "origin-wildcard-position": (p: { origin: string; vendor: string; suggestion: string }) =>
    `${show(p.origin)} has "*" inside the host; ${p.vendor} allows a wildcard only as the first label of the host — use ${show(p.suggestion)}`,
  "origin-wildcard-port": (p: { origin: string; vendor: string; suggestion: string }) =>
    `${show(p.origin)} has "*" in the port; ${p.vendor} accepts a "*" only in the host, never in the port — list each port, e.g. ${show(p.suggestion)}`,
  "wildcard-not-alone": (p: { list: "allowedOrigins" | "allowedHeaders"; vendor: string; others: number }) =>
    `"*" stands with ${p.others} other ${p.others === 1 ? "entry" : "entries"}; ${p.vendor} requires "*" to be the only entry of ${p.list} — keep ["*"] alone, or remove "*"`,
  "methods-empty": (p: { allowed: readonly string[] }) => `[] is empty; a rule needs at least one method — add one of ${p.allowed.join(", ")}`,
  "method-unsupported": (p: { method: string; vendor: string; allowed: readonly string[] }) =>
    `${show(p.method)} is not a method ${p.vendor} allows in a CORS rule; allowed are ${p.allowed.join(", ")} — remove it`,
  "header-empty": (_: Record<string, never>) => `"" is empty; a header entry is one header name — remove it`,
  "header-list": (p: { header: string; parts: readonly string[] }) =>
    `${show(p.header)} holds several names; each entry is one header name — split it into ${p.parts.map((part) => show(part)).join(", ")}`,
  "header-characters": (p: { header: string; wildcardAllowed: boolean; suggestion: string }) =>
    `${show(p.header)} is not a header name; header names hold only ${p.wildcardAllowed ? HEADER_CHARACTERS_WITH_STAR : HEADER_CHARACTERS} — use ${show(p.suggestion)}`,
  "header-wildcards": (p: { header: string; stars: number }) =>
    `${show(p.header)} has ${p.stars} "*"; an allowed header may contain at most one "*" — keep one, e.g. "x-amz-*"`,
  "header-wildcard-position": (p: { header: string; vendor: string; suggestion: string }) =>
    `${show(p.header)} has "*" before its end; ${p.vendor} allows a header wildcard only as a prefix match — use ${show(p.suggestion)}`,
  "expose-header-wildcard": (p: { header: string }) =>
    `${show(p.header)} has "*"; expose headers are exact names, S3 rejects wildcards here — list each header, e.g. "ETag"`,
  "expose-headers-unsupported": (p: { headers: readonly string[]; vendor: string; uncertain: boolean; source: string }) =>
    `${show(p.headers)} may not be honoured; ${p.vendor} ${p.uncertain ? "is not known to serve" : "does not serve"} Access-Control-Expose-Headers (${p.source}) — check with a real request, or remove them`,
  "id-too-long": (p: { id: string; length: number; max: number }) => `${show(p.id)} is ${p.length} characters; a rule ID may be at most ${p.max} — shorten it`,
  "id-characters": (p: { id: string; character: string }) =>
    `${show(p.id)} contains ${p.character}; a rule ID is stored as XML text, which cannot carry that character — remove it`,
  "id-unsupported": (p: { id: string; vendor: string; uncertain: boolean; source: string }) =>
    p.uncertain
      ? `${show(p.id)} may be refused; ${p.vendor} has been seen rejecting rule IDs (${p.source}) — remove the ID if the put fails with MalformedXML`
      : `${show(p.id)} cannot be stored; ${p.vendor} keeps no rule IDs — remove it`,
  "id-format": (p: { id: string; vendor: string; description: string; uncertain: boolean }) =>
    `${show(p.id)} ${p.uncertain ? "may be refused" : "is refused"}; ${p.vendor} rule names are ${p.description}${p.uncertain ? ", if it stores the ID as one" : ""} — rename it, or remove the ID`,
  "max-age-not-integer": (p: { value: number }) =>
    `${show(p.value)} is not a whole number; max-age is whole seconds — use ${Number.isFinite(p.value) ? Math.max(0, Math.round(p.value)) : 3600}`,
  "max-age-negative": (p: { value: number }) => `${p.value} is negative; max-age is seconds ≥ 0 — use 0 to stop browsers caching the preflight, or omit it`,
  // One fix with the lint's: above Chrome's cap a longer max-age buys nothing there (evaluate/lint/max-age-caps.ts).
  "max-age-too-high": (p: { value: number; max: number; vendor: string }) =>
    `${p.value} is more than ${p.max}, the most ${p.vendor} accepts — use ${Math.min(p.max, CHROME_MAX_AGE_SECONDS)}${p.max > CHROME_MAX_AGE_SECONDS ? ` (Chrome caches a preflight for at most ${CHROME_MAX_AGE_SECONDS} s)` : ""}`,
  "max-age-dropped": (p: { value: number; kept: number; vendor: string }) =>
    `${p.value} is more than ${p.kept}, the most ${p.vendor} keeps: it answers the put with 200 and stores the rule without any max-age, so browsers would cache the preflight for their default 5 s — use ${CHROME_MAX_AGE_SECONDS} (Chrome's cap)`,
  "max-age-unwritable": (p: { value: number; max: number }) =>
    `${show(p.value)} is more than ${p.max}, the largest whole number sent exactly; from 1e21 up it is sent as 1e+21, which servers refuse (Ceph RGW: 400 MalformedXML) — use ${CHROME_MAX_AGE_SECONDS} (Chrome's cap)`,
  "document-too-large": (p: { bytes: number; max: number; vendor: string }) =>
    `the rendered document is ${p.bytes} bytes, more than the ${p.max} ${p.vendor} accepts — merge rules or shorten the origin lists`,
  ...WIDENING_MESSAGES,
  "origins-too-long": (p: { bytes: number; max: number; vendor: string }) =>
    `the origins take ${p.bytes} bytes as Swift metadata, more than the ${p.max} ${p.vendor} stores per value — list fewer origins, or use "*"`,
} as const satisfies MessageTable<ValidationCode> & Record<ValidationCode, unknown>;

/** Builds a validation issue, its message rendered from {@link VALIDATION_MESSAGES}. */
export function validationIssue<C extends ValidationCode>(
  code: C,
  path: IssuePath,
  params: ParamsOf<typeof VALIDATION_MESSAGES, C>,
  severity: Severity = "error",
): ValidationIssue {
  return issueFrom(VALIDATION_MESSAGES, code, path, params, severity);
}

/** "a space", "a tab", "a line break", or "the control character U+0000". */
function characterName(character: string): string {
  if (character === " ") return "a space";
  if (character === "\t") return "a tab";
  if (character === "\r" || character === "\n") return "a line break";
  const code = character.codePointAt(0) ?? 0;
  return /\s/.test(character) ? `the space character U+${hex(code)}` : `the control character U+${hex(code)}`;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}
