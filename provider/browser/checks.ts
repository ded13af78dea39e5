import { quote } from "../evaluate/describe";
import { isSafelistedMethod } from "./safelist";

/** One step of the browser's checks: whether it passed, and why, in words. */
export interface BrowserStep {
  readonly ok: boolean;
  readonly text: string;
}

/** An HTTP token (RFC 9110 §5.6.2), what every item of Allow-Methods and Allow-Headers must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A comma-separated header of the answer, split as browsers do ("extracting header list values",
 * https://fetch.spec.whatwg.org/#extract-header-list-values): items trimmed, empty items
 * dropped; `undefined` when the header is absent, `"failure"` when an item is not a token.
 */
export function headerList(value: string | undefined, tokensOnly: boolean): string[] | "failure" | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return tokensOnly && items.some((item) => !TOKEN.test(item)) ? "failure" : items;
}

/**
 * The CORS check (https://fetch.spec.whatwg.org/#concept-cors-check) of an answer's headers:
 * Access-Control-Allow-Origin must be `*` (only without credentials) or the page's origin,
 * byte for byte; with credentials, Access-Control-Allow-Credentials must be exactly `true`.
 */
export function corsCheck(headers: Readonly<Record<string, string>>, origin: string, credentials: boolean): BrowserStep {
  const allowOrigin = headers["access-control-allow-origin"];
  if (allowOrigin === undefined) return { ok: false, text: "no Access-Control-Allow-Origin" };
  if (allowOrigin === "*" && !credentials) return { ok: true, text: `Access-Control-Allow-Origin "*" admits any origin without credentials` };
  if (allowOrigin === "*") return { ok: false, text: `Access-Control-Allow-Origin "*" admits no request with credentials` };
  if (allowOrigin !== origin) return { ok: false, text: `Access-Control-Allow-Origin ${quote(allowOrigin)} is not the page's origin ${quote(origin)}` };
  if (!credentials) return { ok: true, text: `Access-Control-Allow-Origin ${quote(allowOrigin)} is the page's origin` };
  const allowCredentials = headers["access-control-allow-credentials"];
  if (allowCredentials !== "true") {
    const sent =
      allowCredentials === undefined ? "no Access-Control-Allow-Credentials" : `Access-Control-Allow-Credentials ${quote(allowCredentials)}, not "true"`;
    return { ok: false, text: `Access-Control-Allow-Origin ${quote(allowOrigin)} is the page's origin, but credentials are sent and the answer has ${sent}` };
  }
  return { ok: true, text: `Access-Control-Allow-Origin ${quote(allowOrigin)} is the page's origin and Access-Control-Allow-Credentials is "true"` };
}

/**
 * The method part of the preflight check (https://fetch.spec.whatwg.org/#cors-preflight-fetch, step 7):
 * a safelisted method always passes; any other must be in Access-Control-Allow-Methods
 * (case-sensitively), or `*` must be there and no credentials sent.
 */
export function methodCheck(allowMethods: readonly string[], method: string, credentials: boolean): BrowserStep {
  if (allowMethods.includes(method)) return { ok: true, text: `method ${quote(method)} is in Access-Control-Allow-Methods` };
  if (isSafelistedMethod(method)) return { ok: true, text: `method ${quote(method)} is CORS-safelisted, so Access-Control-Allow-Methods need not list it` };
  if (allowMethods.includes("*") && !credentials)
    return { ok: true, text: `Access-Control-Allow-Methods "*" admits method ${quote(method)} without credentials` };
  const listed = allowMethods.length === 0 ? "no Access-Control-Allow-Methods" : `Access-Control-Allow-Methods ${quote(allowMethods.join(", "))}`;
  const star = allowMethods.includes("*") ? ` ("*" does not count with credentials)` : "";
  return { ok: false, text: `method ${quote(method)} is not in ${listed}${star}` };
}

/**
 * The headers part of the preflight check (same step 8): every CORS-unsafe name the page sends
 * must be in Access-Control-Allow-Headers (ignoring case), or `*` must be there and no
 * credentials sent; `*` never stands for `Authorization`.
 */
export function headersCheck(allowHeaders: readonly string[], names: readonly string[], credentials: boolean): BrowserStep {
  if (names.length === 0) return { ok: true, text: "no CORS-unsafe headers to allow" };
  const allowed = allowHeaders.map((h) => h.toLowerCase());
  const star = allowed.includes("*") && !credentials;
  const refused = names.find((name) => !allowed.includes(name) && (!star || name === "authorization"));
  if (refused === undefined) {
    return {
      ok: true,
      text: `${names.length === 1 ? "header" : "headers"} ${names.map(quote).join(", ")} in Access-Control-Allow-Headers${star ? ` (by "*")` : ""}`,
    };
  }
  const listed = allowHeaders.length === 0 ? "no Access-Control-Allow-Headers" : `Access-Control-Allow-Headers ${quote(allowHeaders.join(", "))}`;
  const note =
    refused === "authorization" && star
      ? ` ("*" never covers authorization)`
      : allowed.includes("*") && credentials
        ? ` ("*" does not count with credentials)`
        : "";
  return { ok: false, text: `header ${quote(refused)} is not in ${listed}${note}` };
}
