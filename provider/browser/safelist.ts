/**
 * The Fetch standard's CORS-safelisted methods and request headers
 * (https://fetch.spec.whatwg.org/#cors-safelisted-method, #cors-safelisted-request-header,
 * #cors-unsafe-request-header-names): what a page may send cross-origin without a preflight.
 */

/** Methods a page sends without a preflight. */
export const SAFELISTED_METHODS = ["GET", "HEAD", "POST"] as const;

/** Methods fetch upper-cases whatever case the page writes them in (https://fetch.spec.whatwg.org/#concept-method-normalize). */
const NORMALIZED_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

/** `fetch`'s method normalization: the six standard methods upper-cased, any other kept as written. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.includes(upper) ? upper : method;
}

export function isSafelistedMethod(method: string): boolean {
  return (SAFELISTED_METHODS as readonly string[]).includes(method);
}

/** The only `content-type` essences a page may send without a preflight. */
const SAFELISTED_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** A safelisted header's value may be at most this long (https://fetch.spec.whatwg.org/#cors-safelisted-request-header, step 2). */
export const SAFELISTED_VALUE_MAX_BYTES = 128;

/** Above this total of safelisted values, every safelisted header needs a preflight too (#cors-unsafe-request-header-names). */
const SAFELISTED_TOTAL_MAX_BYTES = 1024;

/** Request headers a page cannot set: fetch drops them silently (https://fetch.spec.whatwg.org/#forbidden-request-header). */
const FORBIDDEN_REQUEST_HEADERS = [
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
];

export function isForbiddenRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_REQUEST_HEADERS.includes(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-");
}

/** A CORS-unsafe request-header byte (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte). */
function hasUnsafeByte(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || `"():<>?@[\\]{}`.includes(char)) return true;
  }
  return false;
}

/**
 * The value a header named without one is sent with (an `expect` entry's `headers`, `verify --header`):
 * its braces are CORS-unsafe bytes, so a header given by name always asks the preflight about it.
 * {@link unsafeReason} explains it by the name, since the page gave no value to blame.
 */
export const NAME_ONLY_VALUE = "{bucket-cors}";

/** The values each safelisted name is safelisted with (https://fetch.spec.whatwg.org/#cors-safelisted-request-header). */
const SAFELISTED_ONLY_WITH: Readonly<Record<string, string>> = {
  accept: `a value of at most ${SAFELISTED_VALUE_MAX_BYTES} bytes without CORS-unsafe bytes`,
  "accept-language": `a value of at most ${SAFELISTED_VALUE_MAX_BYTES} bytes of 0-9 A-Z a-z space * , - . ; =`,
  "content-language": `a value of at most ${SAFELISTED_VALUE_MAX_BYTES} bytes of 0-9 A-Z a-z space * , - . ; =`,
  "content-type": `a MIME type of ${SAFELISTED_CONTENT_TYPES.slice(0, -1).join(", ")} or ${SAFELISTED_CONTENT_TYPES.at(-1) ?? ""}`,
};

/** Why `name: value` needs a preflight, or `undefined` when it is CORS-safelisted. */
export function unsafeReason(name: string, value: string): string | undefined {
  const bytes = Buffer.byteLength(value, "utf8");
  const lower = name.toLowerCase();
  const onlyWith = SAFELISTED_ONLY_WITH[lower];
  if (onlyWith === undefined) return "is not a CORS-safelisted header";
  if (value === NAME_ONLY_VALUE) return `is named without a value, so it counts as not safelisted (${lower} is CORS-safelisted only with ${onlyWith})`;
  if (bytes > SAFELISTED_VALUE_MAX_BYTES) return `has a value of ${bytes} bytes, more than the ${SAFELISTED_VALUE_MAX_BYTES} a safelisted header may have`;
  if (lower === "accept") return hasUnsafeByte(value) ? "has a CORS-unsafe byte in its value" : undefined;
  if (lower === "content-type") {
    if (hasUnsafeByte(value)) return "has a CORS-unsafe byte in its value";
    const essence = mimeEssence(value);
    if (essence === undefined) return `has ${JSON.stringify(value)}, not a MIME type`;
    return SAFELISTED_CONTENT_TYPES.includes(essence) ? undefined : `is ${JSON.stringify(essence)}, not one of ${SAFELISTED_CONTENT_TYPES.join(", ")}`;
  }
  return /^[0-9A-Za-z *,\-.;=]*$/.test(value) ? undefined : "has a byte other than 0-9 A-Z a-z space * , - . ; = in its value";
}

/** A MIME type's essence, lower-cased (https://mimesniff.spec.whatwg.org/#parse-a-mime-type, steps 1–10); undefined when it does not parse. */
function mimeEssence(value: string): string | undefined {
  const match = /^[\t\n\r ]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[\t\n\r ]*(;|$)/.exec(value);
  return match === null ? undefined : `${match[1]!}/${match[2]!}`.toLowerCase();
}

/**
 * The CORS-unsafe request-header names of `headers`: lower-cased, sorted, without duplicates,
 * each with why; the safelisted ones too when their values add up to more than 1024 bytes.
 */
export function unsafeHeaderNames(headers: Readonly<Record<string, string>>): { name: string; why: string }[] {
  const unsafe = new Map<string, string>();
  const safelisted: string[] = [];
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    const why = unsafeReason(name, value);
    if (why === undefined) {
      safelisted.push(name.toLowerCase());
      total += Buffer.byteLength(value, "utf8");
    } else unsafe.set(name.toLowerCase(), why);
  }
  if (total > SAFELISTED_TOTAL_MAX_BYTES) {
    for (const name of safelisted)
      unsafe.set(name, `is safelisted, but the safelisted values add up to ${total} bytes, more than ${SAFELISTED_TOTAL_MAX_BYTES}`);
  }
  return [...unsafe.entries()].map(([name, why]) => ({ name, why })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Response headers every page may read (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name). */
export const SAFELISTED_RESPONSE_HEADERS = [
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
] as const;

/** Response headers no page may read, exposed or not (https://fetch.spec.whatwg.org/#forbidden-response-header-name). */
export const FORBIDDEN_RESPONSE_HEADERS = ["set-cookie", "set-cookie2"] as const;
