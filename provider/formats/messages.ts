import { type IssuePath, issueFrom, type MessageTable, type ParamsOf, type Severity, show } from "../model/issue";
import { CORS_METHODS } from "../model/methods";
import type { FormatCode, FormatIssue } from "./codes";
import { clipName, describeType, showValue } from "./show";

/*
 * The wording of every issue the codecs report, in one place. A format code
 * (`wrong-type`, `missing-wrapper`...) covers several situations, each with its
 * own text: the table is keyed by situation, and each entry names its code
 * and severity, so callers say what they found and the table says it.
 */

/** The Cloudflare shape, quoted in hints (cloudflare/workers-sdk#8486). */
const R2_SHAPE = `{"rules":[{"allowed":{"origins":[…],"methods":[…],"headers":[…]},"exposeHeaders":[…],"maxAgeSeconds":N}]}`;
const RESERVED = "__proto__, constructor, prototype are refused because they can pollute object prototypes";

/** What is wrong, for one value read from a document. */
type Found = { readonly value: unknown };

/** "quote it" for a number or boolean, else "replace it with a string". */
function quoteOrReplace(value: unknown, quotable: (value: unknown) => boolean): string {
  return quotable(value) ? "quote it" : "replace it with a string";
}

const isNumberOrBoolean = (value: unknown): boolean => typeof value === "number" || typeof value === "boolean";

/** The text of each situation, after `<path>: `. */
const TEXTS = {
  "string-list-not-list": (p: Found & { field: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; ${p.field} is a list of strings — ${typeof p.value === "string" ? `write [${show(p.value)}]` : `replace it with a list such as ["…"]`}`,
  "string-list-item": (p: Found & { field: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; ${p.field} holds strings — ${quoteOrReplace(p.value, isNumberOrBoolean)}`,
  "string-not-string": (p: Found & { field: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; ${p.field} is a string — ${quoteOrReplace(p.value, isNumberOrBoolean)}`,
  "seconds-not-number": (p: Found & { field: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; ${p.field} is a whole number of seconds — ${typeof p.value === "string" && /^\s*[0-9]+\s*$/.test(p.value) ? `write ${p.value.trim()} without quotes` : "write a number such as 3600"}`,
  "seconds-not-integer": (p: { value: number; field: string }) =>
    `${showValue(p.value)} is not a whole number; ${p.field} counts whole seconds — ${Number.isFinite(p.value) ? `use a whole number such as ${Math.round(p.value)}` : "use a whole number such as 3600"}`,
  "seconds-not-digits": (p: { text: string; field: string }) =>
    `${show(p.text)} is not a whole number; ${p.field} counts whole seconds — write digits only, such as 3600`,
  "unknown-field": (p: { key: string; container: string; allowed: readonly string[]; rename: string | undefined }) =>
    `${show(p.key)} is not a field of ${p.container}; allowed are ${p.allowed.join(", ")} — ${p.rename === undefined ? "remove it" : `rename it to ${show(p.rename)}`}`,
  "missing-field": (p: { text: string }) => `is missing; ${p.text}`,
  "decode-failed": (p: { format: string | undefined; reason: string }) =>
    p.format === undefined
      ? `the document could not be read (${p.reason}) — pass plain text or plain JSON values`
      : `the ${p.format} document could not be read (${p.reason}) — pass plain text or plain JSON values`,
  "unknown-format": (p: { shown: string; list: string }) =>
    `${p.shown}, not a CORS document in a format this package reads — write it in one of these formats:\n${p.list}`,
  "unknown-format-name": (p: { name: unknown; names: readonly string[] }) =>
    `${showValue(p.name)} is not a format name; formats are ${p.names.join(", ")} — use one of them`,
  "document-too-large": (p: { bytes: number; about: boolean; max: number }) =>
    `the document is ${p.about ? "about " : ""}${p.bytes} bytes, more than the ${p.max}-byte limit; CORS documents are small (S3 accepts at most 64 KB) — check that this is the right file, or remove content`,
  "aws-json-bare-list": (_: Record<string, never>) =>
    `the rules are a bare list; AWS CLI JSON wraps them as {"CORSRules": […]} — converted; wrap the list in {"CORSRules": …}`,
  "aws-json-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; AWS CLI JSON is an object {"CORSRules": […]} — write the rules under "CORSRules"`,
  "aws-json-missing-rules": (_: Record<string, never>) =>
    `is missing; AWS CLI JSON is {"CORSRules": [{"AllowedOrigins": […], "AllowedMethods": […]}]} — put the rules under "CORSRules"`,
  "aws-json-duplicate-wrapper": (p: { first: string; second: string }) =>
    `both ${show(p.first)} and ${show(p.second)} are given; they are the same field — keep "CORSRules" and remove the other`,
  "aws-json-wrapper-spelling": (p: { key: string; style: string }) =>
    `${show(p.key)} is the ${p.style} spelling; the AWS CLI calls it "CORSRules" — converted; rename it to "CORSRules"`,
  "cloudflare-bare-list": (_: Record<string, never>) =>
    `the rules are a bare list; Cloudflare's API wants {"rules": […]} — converted; wrap the list in {"rules": …}`,
  "cloudflare-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; Cloudflare's CORS JSON is an object ${R2_SHAPE} — write the rules under "rules"`,
  "cloudflare-missing-rules": (_: Record<string, never>) => `is missing; Cloudflare's API takes ${R2_SHAPE} — put the rules under "rules"`,
  "cloudflare-rules-not-list": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; "rules" is a list of rules — write {"rules": [{"allowed": {…}}, …]}`,
  "cloudflare-rule-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; each rule is an object such as {"allowed": {"origins": ["https://app.example"], "methods": ["GET"]}} — replace it with a rule object`,
  "cloudflare-s3-rules": (p: { keys: readonly string[] }) =>
    `S3-style keys (${p.keys.map((k) => show(k)).join(", ")}) inside Cloudflare's {"rules": […]} wrapper; R2's API wants ${R2_SHAPE} — converted as S3 rules`,
  "cloudflare-s3-field": (p: { key: string; allowed: readonly string[]; home: string }) =>
    `${show(p.key)} is an S3 field; a Cloudflare CORS rule has ${p.allowed.join(", ")} — move it to ${p.home}`,
  "cloudflare-missing-allowed": (_: Record<string, never>) =>
    `is missing; every Cloudflare rule needs "allowed" — add "allowed": {"origins": ["https://app.example"], "methods": ["GET"]}`,
  "cloudflare-allowed-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; "allowed" is an object {"origins": […], "methods": […], "headers": […]} — write it as one`,
  "cloudflare-missing-allowed-list": (p: { key: string; example: string }) =>
    `is missing; every Cloudflare rule needs "allowed.${p.key}" — add "${p.key}": ${p.example} inside "allowed"`,
  "b2-not-list": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; B2's corsRules is a list of rules [{"corsRuleName": "…", "allowedOrigins": […], "allowedOperations": […]}] — write the rules as a list`,
  "b2-missing-rules": (_: Record<string, never>) =>
    `is missing; a B2 corsRules object is {"corsRules": [{"corsRuleName": "…", "allowedOrigins": […], "allowedOperations": […]}]} — put the rules under "corsRules"`,
  "b2-rule-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; each rule is an object such as {"corsRuleName": "app-get", "allowedOrigins": ["https://app.example"], "allowedOperations": ["s3_get"]} — replace it with a rule object`,
  "b2-missing-field": (p: { key: string; example: string }) => `is missing; every B2 CORS rule needs "${p.key}" — add "${p.key}": ${p.example}`,
  "b2-unknown-operation": (p: { operation: string; allowed: readonly string[]; method: string | undefined }) =>
    `${show(p.operation)} is not a B2 CORS operation; allowed are ${p.allowed.join(", ")} — ${p.method === undefined ? "use one of them" : `write ${show(p.method)}`}`,
  "b2-native-operations": (p: { native: readonly string[] }) =>
    `${show(p.native)} are B2 Native API operations; the canonical model holds S3 methods (the s3_* operations) only — dropped, so a policy written from this document no longer allows them; keep them with b2_update_bucket if pages use the native API`,
  "b2-native-rule": (p: { native: readonly string[] }) =>
    `allows only B2 Native API operations (${p.native.join(", ")}); the canonical model holds S3 methods (the s3_* operations) only — the rule is dropped, so a policy written from this document no longer allows them; keep it with b2_update_bucket if pages use the native API`,
  "gcs-id": (p: { id: string | undefined }) => `${show(p.id)} cannot be stored; GCS CORS entries have no id — remove the id, or use a format that keeps ids`,
  "gcs-allowed-headers": (p: { headers: readonly string[] | undefined }) =>
    `${show(p.headers)} cannot be stored; GCS CORS has no allowed request headers (its responseHeader is what S3 calls ExposeHeaders) — remove allowedHeaders, or use another format`,
  "gcs-not-list": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; a GCS CORS file is a list of entries [{"origin": […], "method": […]}] — write the entries as a list`,
  "gcs-entry-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; each entry is an object such as {"origin": ["https://app.example"], "method": ["GET"]} — replace it with an entry object`,
  "gcs-missing-field": (p: { key: string; example: string }) => `is missing; every GCS entry needs "${p.key}" — add "${p.key}": ${p.example}`,
  "gcs-wildcard-method": (_: Record<string, never>) =>
    `"*" means every method to GCS; the canonical model lists methods — converted to ${CORS_METHODS.join(", ")}`,
  "gcs-unknown-method": (p: { method: string }) =>
    `${show(p.method)} is not one of ${CORS_METHODS.join(", ")}; GCS accepts any method name, S3-compatible services only these — remove it`,
  "rule-array-aws-json": (_: Record<string, never>) =>
    `an object with "CORSRules" is AWS CLI JSON; the console format is the bare list [{…}] — take the list out of "CORSRules", or read the document as aws-json`,
  "rule-array-single-rule": (_: Record<string, never>) =>
    `the document is a single rule; the console format is a list of rules — converted; wrap the rule in [ … ]`,
  "rule-array-not-list": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; the console format is a list of rules [{"AllowedOrigins": […], "AllowedMethods": […]}] — write the rules as a list`,
  "s3-rule-not-object": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; each rule is an object such as {"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]} — replace it with a rule object`,
  "s3-rule-duplicate-field": (p: { first: string; second: string; field: string }) =>
    `both ${show(p.first)} and ${show(p.second)} are given; they are the same field — keep ${show(p.field)} and remove the other`,
  "s3-rule-field-spelling": (p: { key: string; style: string; field: string }) =>
    `${show(p.key)} is the ${p.style} spelling; the S3 API calls it ${show(p.field)} — converted; rename it to ${show(p.field)}`,
  "s3-rule-missing-field": (p: { field: string; example: string }) => `is missing; every rule needs ${show(p.field)} — add ${show(p.field)}: ${p.example}`,
  "s3-rules-not-list": (p: Found & { list: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; ${p.list} is a list of rules — write [{"AllowedOrigins": […], "AllowedMethods": […]}, …]`,
  "xml-character": (p: { value: string; character: string }) =>
    `${show(p.value)} contains ${p.character}; XML 1.0 cannot carry that character, even escaped — remove it`,
  "xml-empty-list": (p: { element: string }) =>
    `[] is empty; S3 XML writes each value as an <${p.element}> element and a rule needs at least one — add a value`,
  "xml-not-text": (p: Found) => `${showValue(p.value)} is ${describeType(p.value)}; S3 XML is read from text — pass the document as a string`,
  "xml-wrong-root": (p: { name: string }) =>
    `<${clipName(p.name)}> is the root element; an S3 CORS document's root is <CORSConfiguration> — wrap the rules in <CORSConfiguration>…</CORSConfiguration>`,
  "xml-stray-text": (p: { text: string; parent: string; holds: string }) => `text ${show(p.text)} inside <${p.parent}>; ${p.holds} go there — remove the text`,
  "xml-unknown-element": (p: { name: string; parent: string; allowed: readonly string[]; rename: string | undefined }) =>
    `<${clipName(p.name)}> is not an element of <${p.parent}>; allowed are ${p.allowed.map((a) => `<${a}>`).join(", ")} — ${p.rename === undefined ? "remove it" : `rename it to <${p.rename}>`}`,
  "xml-repeated-element": (p: { name: string; count: number }) => `<${p.name}> appears ${p.count} times; a rule has at most one — keep one`,
  "xml-missing-element": (p: { name: string; example: string }) =>
    `is missing; every <CORSRule> needs at least one <${p.name}> — add <${p.name}>${p.example}</${p.name}>`,
  "xml-element-in-leaf": (p: { name: string; inner: string }) =>
    `<${p.name}> holds the element <${p.inner}>; <${p.name}> holds text only — put the value directly inside`,
  "xml-bad-text": (p: { problem: string }) => p.problem,
  "xml-not-well-formed": (p: { position: string; detail: string }) => `the XML is not well-formed at ${p.position}: ${p.detail} — fix the markup there`,
  "xml-unreadable": (p: { detail: string }) => `the XML could not be read: ${p.detail} — fix the markup`,
  "xml-many-roots": (p: { count: number }) => `the XML has ${p.count} root elements; a document has exactly one — keep only <CORSConfiguration>`,
  "xml-declaration": (p: { keyword: string; position: string }) =>
    `the document declares <!${p.keyword} …> at ${p.position}; DTDs and entity declarations are refused (entity expansion can exhaust memory, "billion laughs", and S3 never uses them) — remove the declaration`,
  "xml-reserved-name": (p: { name: string; position: string }) => `<${p.name}> at ${p.position} is a reserved name; ${RESERVED} — remove the element`,
  "xml-invalid-character": (p: { character: string; position: string }) =>
    `the document contains ${p.character} at ${p.position}; XML 1.0 cannot carry that character — remove it`,
  "xml-too-deep": (p: { max: number; position: string }) =>
    `the document nests deeper than ${p.max} elements at ${p.position}; a CORS document needs 3 — check that this is the right file`,
  "json-unexpected": (p: { found: string; position: string; expected: string }) =>
    `found ${p.found} at ${p.position} where JSON expects ${p.expected} — fix the syntax there`,
  "json-too-deep": (p: { max: number; position: string }) =>
    `the document nests deeper than ${p.max} levels at ${p.position}; a CORS document needs at most 5 — check that this is the right file`,
  "json-reserved-key": (p: { key: string; position: string }) => `${show(p.key)} at ${p.position} is a reserved key; ${RESERVED} — remove it`,
  "json-duplicate-key": (p: { key: string; position: string }) =>
    `${show(p.key)} appears twice in one object (again at ${p.position}); JSON readers disagree on which one counts — keep one of them`,
  "json-raw-control": (p: { code: number; position: string }) =>
    `a raw control character (U+${p.code.toString(16).toUpperCase().padStart(4, "0")}) at ${p.position} inside a string; JSON strings carry it only escaped — write \\u${p.code.toString(16).padStart(4, "0")} instead`,
  "json-number-too-large": (p: { text: string; position: string }) => `${p.text} at ${p.position} is too large to be a number — use a smaller value`,
  "json-unreadable": (p: { reason: string }) => `the document could not be read (${p.reason}) — check that it is JSON`,
  "value-too-deep": (p: { max: number }) =>
    `the value nests deeper than ${p.max} levels (or refers to itself); a CORS document needs at most 5 — pass the document itself`,
  "value-reserved-key": (p: { key: string }) => `${show(p.key)} is a reserved key; ${RESERVED} — remove it`,
  "swift-no-rules": (_: Record<string, never>) =>
    `[] holds no rule; Swift has no empty CORS setting (no Allow-Origin means no CORS) — delete the policy instead`,
  "swift-rules-merged": (p: { count: number }) =>
    `${p.count} rules differ only in their origins; Swift holds one CORS setting per container — their origins are merged into one Allow-Origin list; merge the rules to say so`,
  "swift-id": (p: { id: string | undefined }) => `${show(p.id)} cannot be stored; Swift container metadata has no rule ids — remove the id`,
  "swift-methods-unknown": (p: { extra: readonly string[] }) => `${show(p.extra)} cannot be stored; Swift has no method list — remove them`,
  "swift-no-origins": (_: Record<string, never>) => `[] is empty; Swift reads an empty Allow-Origin as no CORS at all — add an origin`,
  "swift-empty-value": (_: Record<string, never>) => `"" is empty; Swift separates values with spaces, so an empty one disappears — remove it`,
  "swift-value-character": (p: { value: string; what: string }) =>
    `${show(p.value)} contains ${p.what}; Swift stores space-separated printable ASCII values in one header — remove it (write international domain names in punycode, xn--…)`,
  "swift-no-allow-origin": (_: Record<string, never>) =>
    `is missing or empty; a Swift container without it has no CORS policy — set it to the allowed origins, separated by spaces`,
  "swift-not-headers": (p: Found & { header: string }) =>
    `${showValue(p.value)} is ${describeType(p.value)}; Swift metadata is a header object {"${p.header}": "…"} or "Name: value" lines — pass one of those`,
  "swift-ignored-header": (p: Found & { headers: readonly string[] }) =>
    `${showValue(p.value)} is ignored; Swift reads only ${p.headers.join(", ")} (it allows every method and every requested header) — remove this header`,
  "swift-repeated-header": (p: { first: string; second: string }) =>
    `is given twice (as ${show(p.first)} and ${show(p.second)}); a container holds one value — keep one`,
  "swift-header-not-string": (p: Found) =>
    `${showValue(p.value)} is ${describeType(p.value)}; header values are strings — ${typeof p.value === "number" ? "quote it" : "replace it with a string"}`,
} as const;

/** Each situation's code and severity. */
const KINDS: { readonly [K in keyof typeof TEXTS]: readonly [FormatCode, Severity] } = {
  "string-list-not-list": ["wrong-type", "error"],
  "string-list-item": ["wrong-type", "error"],
  "string-not-string": ["wrong-type", "error"],
  "seconds-not-number": ["wrong-type", "error"],
  "seconds-not-integer": ["not-integer", "error"],
  "seconds-not-digits": ["not-integer", "error"],
  "unknown-field": ["unknown-field", "error"],
  "missing-field": ["missing-field", "error"],
  "decode-failed": ["decode-failed", "error"],
  "unknown-format": ["unknown-format", "error"],
  "unknown-format-name": ["unknown-format", "error"],
  "document-too-large": ["document-too-large", "error"],
  "aws-json-bare-list": ["missing-wrapper", "warning"],
  "aws-json-not-object": ["wrong-type", "error"],
  "aws-json-missing-rules": ["missing-field", "error"],
  "aws-json-duplicate-wrapper": ["duplicate-field", "error"],
  "aws-json-wrapper-spelling": ["field-spelling", "warning"],
  "cloudflare-bare-list": ["missing-wrapper", "warning"],
  "cloudflare-not-object": ["wrong-type", "error"],
  "cloudflare-missing-rules": ["missing-field", "error"],
  "cloudflare-rules-not-list": ["wrong-type", "error"],
  "cloudflare-rule-not-object": ["wrong-type", "error"],
  "cloudflare-s3-rules": ["s3-rules-in-cloudflare", "warning"],
  "cloudflare-s3-field": ["unknown-field", "error"],
  "cloudflare-missing-allowed": ["missing-field", "error"],
  "cloudflare-allowed-not-object": ["wrong-type", "error"],
  "cloudflare-missing-allowed-list": ["missing-field", "error"],
  "b2-not-list": ["wrong-type", "error"],
  "b2-missing-rules": ["missing-field", "error"],
  "b2-rule-not-object": ["wrong-type", "error"],
  "b2-missing-field": ["missing-field", "error"],
  "b2-unknown-operation": ["b2-unknown-operation", "error"],
  "b2-native-operations": ["b2-native-operations", "warning"],
  "b2-native-rule": ["b2-native-operations", "warning"],
  "gcs-id": ["id-not-expressible", "error"],
  "gcs-allowed-headers": ["allowed-headers-not-expressible", "error"],
  "gcs-not-list": ["wrong-type", "error"],
  "gcs-entry-not-object": ["wrong-type", "error"],
  "gcs-missing-field": ["missing-field", "error"],
  "gcs-wildcard-method": ["gcs-wildcard-method", "warning"],
  "gcs-unknown-method": ["gcs-unknown-method", "error"],
  "rule-array-aws-json": ["wrong-type", "error"],
  "rule-array-single-rule": ["missing-wrapper", "warning"],
  "rule-array-not-list": ["wrong-type", "error"],
  "s3-rule-not-object": ["wrong-type", "error"],
  "s3-rule-duplicate-field": ["duplicate-field", "error"],
  "s3-rule-field-spelling": ["field-spelling", "warning"],
  "s3-rule-missing-field": ["missing-field", "error"],
  "s3-rules-not-list": ["wrong-type", "error"],
  "xml-character": ["character-not-expressible", "error"],
  "xml-empty-list": ["value-not-expressible", "error"],
  "xml-not-text": ["wrong-type", "error"],
  "xml-wrong-root": ["wrong-root", "error"],
  "xml-stray-text": ["wrong-type", "error"],
  "xml-unknown-element": ["unknown-field", "error"],
  "xml-repeated-element": ["duplicate-field", "error"],
  "xml-missing-element": ["missing-field", "error"],
  "xml-element-in-leaf": ["wrong-type", "error"],
  "xml-bad-text": ["malformed-xml", "error"],
  "xml-not-well-formed": ["malformed-xml", "error"],
  "xml-unreadable": ["malformed-xml", "error"],
  "xml-many-roots": ["malformed-xml", "error"],
  "xml-declaration": ["xml-doctype", "error"],
  "xml-reserved-name": ["forbidden-key", "error"],
  "xml-invalid-character": ["malformed-xml", "error"],
  "xml-too-deep": ["document-too-deep", "error"],
  "json-unexpected": ["malformed-json", "error"],
  "json-too-deep": ["document-too-deep", "error"],
  "json-reserved-key": ["forbidden-key", "error"],
  "json-duplicate-key": ["duplicate-key", "error"],
  "json-raw-control": ["malformed-json", "error"],
  "json-number-too-large": ["number-too-large", "error"],
  "json-unreadable": ["malformed-json", "error"],
  "value-too-deep": ["document-too-deep", "error"],
  "value-reserved-key": ["forbidden-key", "error"],
  "swift-no-rules": ["no-rules", "error"],
  "swift-rules-merged": ["rules-merged", "warning"],
  "swift-id": ["id-not-expressible", "error"],
  "swift-methods-unknown": ["methods-not-expressible", "error"],
  "swift-no-origins": ["value-not-expressible", "error"],
  "swift-empty-value": ["value-not-expressible", "error"],
  "swift-value-character": ["value-not-expressible", "error"],
  "swift-no-allow-origin": ["no-cors-metadata", "error"],
  "swift-not-headers": ["wrong-type", "error"],
  "swift-ignored-header": ["ignored-header", "warning"],
  "swift-repeated-header": ["duplicate-field", "error"],
  "swift-header-not-string": ["wrong-type", "error"],
};

/** A situation a codec reports; its code and severity come from the table. */
export type FormatMessage = keyof typeof TEXTS;

// Every entry must be a message builder: checked here, where the other tables use `satisfies`,
// because FormatMessage is derived from TEXTS itself.
TEXTS satisfies MessageTable<FormatMessage>;

/** Builds the issue for `message` at `path`: code, severity and text from the table, params kept as data. */
export function formatIssue<M extends FormatMessage>(message: M, path: IssuePath, params: ParamsOf<typeof TEXTS, M>): FormatIssue {
  const [code, severity] = KINDS[message];
  const built = issueFrom(TEXTS, message, path, params, severity);
  return { ...built, code };
}
