import { type Issue, type IssuePath, issueFrom, type MessageTable, type ParamsOf, show } from "../../model/issue";
import { DIALECT_TRAITS } from "../../profiles/traits";
import type { Dialect } from "../../profiles/types";
import { rulePath } from "../describe";
import { CHROME_MAX_AGE_SECONDS, FIREFOX_MAX_AGE_SECONDS } from "./max-age-caps";
import { ruleList } from "./shadowing";

/** Every warning `lintPolicy` gives; `lint.suppress` names these. */
export const LINT_CODES = [
  "wildcard-origin-write",
  "insecure-origin",
  "wildcard-headers-credentialed",
  "max-age-above-browser-cap",
  "duplicate-rule",
  "shadowed-rule",
  "etag-not-exposed",
  "credentials-never-served",
  "s3-write-replaces-native-rules",
] as const;

/** One of {@link LINT_CODES}. */
export type LintCode = (typeof LINT_CODES)[number];

/** A lint warning. */
export type LintIssue = Issue<LintCode>;

/** Why a shadowed rule is never reached, per dialect (docs/cors-semantics.md, "1. First full match"). */
const FIRST_MATCH: Record<Dialect, string> = {
  aws: "the first rule matching origin, method and headers wins",
  r2: "the first rule matching origin, method and headers wins",
  ceph: "the first rule matching origin, method and headers wins",
  "ceph-legacy": "Ceph RGW before ceph/ceph#69190 picks the first rule whose origin matches and never looks further",
  s3rver: "s3rver picks the first rule matching origin and method and never looks further",
  swift: "",
  versitygw: "the first rule matching origin, method and headers wins",
};

/** The wording of every lint warning: the text after `<path>: `, from the issue's params. */
export const LINT_MESSAGES = {
  "wildcard-origin-write": (p: { writes: readonly string[] }) =>
    `"*" lets every site send ${p.writes.join(", ")}; any page a visitor opens can write to the bucket from the visitor's browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD`,
  "insecure-origin": (p: { origin: string; suggestion: string }) =>
    `${show(p.origin)} is a plain-HTTP origin; anyone on the network path can inject script into an http:// page and use this grant — use ${show(p.suggestion)}`,
  "wildcard-headers-credentialed": (_: Record<string, never>) =>
    `"*" allows every request header on a rule for specific origins; S3 answers those origins with Access-Control-Allow-Credentials: true, so their pages may send any header with the user's credentials — list the headers the app sends, e.g. "content-type", "x-amz-*"`,
  "max-age-above-browser-cap": (p: { age: number }) =>
    `${p.age} is ${p.age > FIREFOX_MAX_AGE_SECONDS ? "more than any browser honours" : "more than Chrome honours"}; Chrome caches a preflight for at most ${CHROME_MAX_AGE_SECONDS} s (2 h) and Firefox for at most ${FIREFOX_MAX_AGE_SECONDS} s (24 h) — use ${CHROME_MAX_AGE_SECONDS}`,
  "duplicate-rule": (p: { id: string | undefined; same: number }) =>
    `${ruleName(p.id)} repeats ${rulePath(p.same)}; the same origins, methods, headers, expose headers and max-age apply once — remove it`,
  "shadowed-rule": (p: { id: string | undefined; by: readonly number[]; dialect: Dialect }) =>
    `${ruleName(p.id)} is never reached; every request it matches is taken first by ${ruleList(p.by)} (${FIRST_MATCH[p.dialect]}) — remove it, or move it above ${ruleList(p.by)} if its settings should win`,
  "etag-not-exposed": (_: Record<string, never>) =>
    `"PUT" is allowed but "ETag" is not exposed; a page reads only the response headers a rule exposes, and a multipart upload needs each part's ETag from its PUT response to complete — add "ETag" to exposeHeaders`,
  "credentials-never-served": (p: { origin: string; why: "wildcard" | "no-credentials"; dialect: Dialect }) =>
    p.why === "wildcard"
      ? `"*" answers ${show(p.origin)} with Access-Control-Allow-Origin: *, which browsers refuse to a request with credentials, and expect sends credentials from it — list ${show(p.origin)} in this rule's allowedOrigins${DIALECT_TRAITS[p.dialect].firstOriginEntryDecides ? ` before "*" (${NO_CREDENTIALS[p.dialect]} answers with the first entry that matches)` : ""}, so that it is echoed with Access-Control-Allow-Credentials: true`
      : `admits ${show(p.origin)}, but ${NO_CREDENTIALS[p.dialect]} never sends Access-Control-Allow-Credentials: true, so browsers block every request with credentials, and expect sends credentials from it — send those requests without credentials (a presigned URL carries its own authorization)`,
  "s3-write-replaces-native-rules": (p: { title: string }) =>
    `this policy is written with PutBucketCors, which replaces the bucket's whole CORS list; ${p.title} keeps its native API's rules (b2_* operations, set with b2_update_bucket, the b2 CLI or the web console) in that list, so they are removed with it (Backblaze's S3 Put Bucket CORS: "If the configuration exists, it is replaced") — keep all of the bucket's CORS rules in this policy (bucket-cors convert --from b2-json reads native rules), or suppress this warning if the bucket has no native rules`,
} as const satisfies MessageTable<LintCode> & Record<LintCode, unknown>;

/** What the no-credentials warning calls the service of a dialect. */
const NO_CREDENTIALS: Record<Dialect, string> = {
  aws: "AWS S3",
  r2: "Cloudflare R2",
  ceph: "Ceph RGW",
  "ceph-legacy": "Ceph RGW",
  s3rver: "s3rver",
  swift: "Swift",
  versitygw: "versitygw",
};

/** Every code checking `lint` options reports. */
export const LINT_OPTION_CODES = ["lint-code-unknown"] as const;

/** One of {@link LINT_OPTION_CODES}. */
export type LintOptionCode = (typeof LINT_OPTION_CODES)[number];

/** The wording of every lint-options issue. */
export const LINT_OPTION_MESSAGES = {
  "lint-code-unknown": (p: { code: unknown }) =>
    `${showAny(p.code)} is not a lint warning code; the codes are ${LINT_CODES.join(", ")} — use one of them, or remove it`,
} as const satisfies MessageTable<LintOptionCode> & Record<LintOptionCode, unknown>;

/** Builds a lint warning, its message rendered from {@link LINT_MESSAGES}. */
export function lintWarning<C extends LintCode>(code: C, path: IssuePath, params: ParamsOf<typeof LINT_MESSAGES, C>): LintIssue {
  return issueFrom(LINT_MESSAGES, code, path, params, "warning");
}

/** Builds an error about the `lint` options, its message rendered from {@link LINT_OPTION_MESSAGES}. */
export function lintOptionIssue<C extends LintOptionCode>(code: C, path: IssuePath, params: ParamsOf<typeof LINT_OPTION_MESSAGES, C>): Issue<LintOptionCode> {
  return issueFrom(LINT_OPTION_MESSAGES, code, path, params);
}

function ruleName(id: string | undefined): string {
  return id === undefined ? "this rule" : `rule ${show(id)}`;
}

/** `show` for a value a program may pass anywhere (a symbol, a BigInt): never throws. */
function showAny(value: unknown): string {
  if (typeof value === "string") return show(value);
  if (typeof value === "bigint") return `${value}n`;
  try {
    return typeof value === "symbol" || typeof value === "function" ? String(value) : show(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
