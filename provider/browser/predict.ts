import { quote } from "../evaluate/describe";
import { evaluate } from "../evaluate/evaluate";
import { isOkStatus, preflightHeaders } from "../evaluate/preflight";
import type { CorsRequest, EvaluableConfig } from "../evaluate/types";
import { preflightCache } from "./cache";
import { corsCheck, headerList, headersCheck, methodCheck } from "./checks";
import { readableHeaders } from "./readable";
import { isForbiddenRequestHeader, isSafelistedMethod, normalizeMethod, unsafeHeaderNames } from "./safelist";
import type { BrowserOptions, BrowserRequest, BrowserVerdict, PreflightCache } from "./types";

/**
 * What a browser does with a page's cross-origin `fetch` to a bucket holding `config`
 * (`null`: no CORS configuration): the Fetch standard's CORS protocol
 * (https://fetch.spec.whatwg.org/#http-cors-protocol) applied to what {@link evaluate}
 * says the server answers in `options.dialect`. Whether a preflight is sent, the preflight's
 * status and CORS check, its Allow-Methods and Allow-Headers, the actual answer's CORS check,
 * credentials mode, the headers the page can read and how long the preflight is cached.
 * Never throws on odd values; throws a `CorsPolicyError` only for an unknown dialect.
 */
export function predictBrowser(config: EvaluableConfig | null, request: BrowserRequest, options: BrowserOptions = {}): BrowserVerdict {
  const plan = planFetch(request);
  const preflight = plan.preflight === undefined ? undefined : evaluate(config, plan.preflight, options);
  return judgeAnswers(plan, request, preflight, evaluate(config, plan.actual, options));
}

/** What the browser sends for a fetch: the preflight (when one is needed) and the actual request, and why. */
export interface FetchPlan {
  readonly method: string;
  /** The CORS-unsafe header names, lower-cased and sorted (the preflight's Access-Control-Request-Headers). */
  readonly unsafeNames: readonly string[];
  readonly preflight?: CorsRequest;
  readonly actual: CorsRequest;
  readonly lines: readonly string[];
}

/** An answer as the browser sees it: status (OPTIONS) and headers, and the server's explanation when it is a prediction. */
export interface SeenAnswer {
  readonly status?: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly explanation?: readonly string[];
}

/** The requests a browser makes for `request` (https://fetch.spec.whatwg.org/#cors-preflight-fetch, #cors-unsafe-request-header-names). */
export function planFetch(request: BrowserRequest): FetchPlan {
  const credentials = request.credentials ?? false;
  const method = normalizeMethod(request.method);
  const { sent, lines } = sentHeaders(request.headers ?? {});
  const unsafe = unsafeHeaderNames(sent);
  const names = unsafe.map((u) => u.name);
  lines.push(`credentials ${credentials ? `included: Allow-Origin must name the origin and Allow-Credentials be "true"` : "not included"}`);
  lines.push(...preflightReasons(method, unsafe));
  const resource = request.resource === undefined ? {} : { resource: request.resource };
  const actual: CorsRequest = { method, headers: { ...sent, Origin: request.origin }, ...resource };
  if (isSafelistedMethod(method) && unsafe.length === 0) return { method, unsafeNames: names, actual, lines };
  const headers = preflightHeaders(request.origin, method, names, ",");
  return { method, unsafeNames: names, preflight: { method: "OPTIONS", headers, ...resource }, actual, lines };
}

/**
 * The browser's verdict on the answers to a {@link FetchPlan}: `preflight` is the answer to
 * the plan's preflight (ignored when it has none), `actual` the answer to the actual request.
 */
export function judgeAnswers(plan: FetchPlan, request: BrowserRequest, preflight: SeenAnswer | undefined, actual: SeenAnswer): BrowserVerdict {
  const credentials = request.credentials ?? false;
  const reads = request.readHeaders ?? [];
  const lines = [...plan.lines];
  const needsPreflight = plan.preflight !== undefined;
  const blocked = (at: "preflight" | "response", why: string): BrowserVerdict => ({
    allowed: false,
    preflight: needsPreflight,
    blockedAt: at,
    readable: [],
    unreadable: [...reads],
    explanation: [...lines, why, `blocked: fetch fails with a network error${reads.length > 0 ? ", and the page reads no header" : ""}`],
  });
  let cache: PreflightCache | undefined;
  if (needsPreflight) {
    const answer = preflight ?? { headers: {} };
    lines.push(...serverLines("preflight", answer));
    const check = checkPreflight(answer, request.origin, plan.method, plan.unsafeNames, credentials);
    if (!check.ok) return blocked("preflight", check.text);
    lines.push(check.text);
    const cached = preflightCache(answer.headers["access-control-max-age"]);
    cache = cached.cache;
    lines.push(cached.text);
  }
  lines.push(...serverLines(plan.method, actual));
  const check = corsCheck(actual.headers, request.origin, credentials);
  if (!check.ok) return blocked("response", `response: ${check.text}`);
  lines.push(`response: ${check.text}`);
  const read = readableHeaders(actual.headers, reads, credentials);
  const verdict: BrowserVerdict = {
    allowed: true,
    preflight: needsPreflight,
    readable: read.readable,
    unreadable: read.unreadable,
    explanation: [...lines, ...read.lines, "allowed: the page gets the response"],
  };
  return cache === undefined ? verdict : { ...verdict, preflightCache: cache };
}

/** The headers fetch sends: the page's, without the forbidden ones it drops silently. */
function sentHeaders(headers: Readonly<Record<string, string>>): { sent: Record<string, string>; lines: string[] } {
  const sent: Record<string, string> = {};
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (isForbiddenRequestHeader(name)) lines.push(`header ${quote(name)} is a forbidden request header: fetch does not send it`);
    else sent[name] = value;
  }
  return { sent, lines };
}

/** Why a preflight is (not) sent: one line for the method, one per CORS-unsafe header. */
function preflightReasons(method: string, unsafe: readonly { name: string; why: string }[]): string[] {
  if (isSafelistedMethod(method) && unsafe.length === 0) return [`method ${quote(method)} and every header are CORS-safelisted: no preflight`];
  const lines = isSafelistedMethod(method) ? [] : [`method ${quote(method)} is not CORS-safelisted (GET, HEAD, POST): a preflight is sent`];
  for (const { name, why } of unsafe) lines.push(`header ${quote(name)} ${why}: a preflight is sent`);
  return lines;
}

/** The server's explanation of one answer, each line prefixed `server: `, and what it answered. */
function serverLines(what: string, answer: SeenAnswer): string[] {
  const status = answer.status === undefined ? "" : ` ${answer.status}`;
  const cors = Object.keys(answer.headers).some((h) => h.startsWith("access-control-")) ? "with CORS headers" : "without CORS headers";
  return [...(answer.explanation ?? []).map((line) => `server: ${line}`), `${what} answered${status} ${cors}`];
}

/**
 * The CORS-preflight fetch's checks (https://fetch.spec.whatwg.org/#cors-preflight-fetch):
 * the CORS check, an ok (2xx) status, then methods and headers; a malformed
 * Allow-Methods or Allow-Headers fails it.
 */
function checkPreflight(answer: SeenAnswer, origin: string, method: string, names: readonly string[], credentials: boolean): { ok: boolean; text: string } {
  const cors = corsCheck(answer.headers, origin, credentials);
  if (!cors.ok) return { ok: false, text: `preflight: ${cors.text}` };
  const status = answer.status ?? 200;
  if (!isOkStatus(status)) return { ok: false, text: `preflight: status ${status} is not 2xx` };
  const methods = headerList(answer.headers["access-control-allow-methods"], true);
  const allowHeaders = headerList(answer.headers["access-control-allow-headers"], true);
  if (methods === "failure")
    return { ok: false, text: `preflight: Access-Control-Allow-Methods ${quote(answer.headers["access-control-allow-methods"]!)} does not parse` };
  if (allowHeaders === "failure")
    return { ok: false, text: `preflight: Access-Control-Allow-Headers ${quote(answer.headers["access-control-allow-headers"]!)} does not parse` };
  const methodStep = methodCheck(methods ?? [], method, credentials);
  if (!methodStep.ok) return { ok: false, text: `preflight: ${methodStep.text}` };
  const headersStep = headersCheck(allowHeaders ?? [], names, credentials);
  if (!headersStep.ok) return { ok: false, text: `preflight: ${headersStep.text}` };
  return { ok: true, text: `preflight: ${cors.text}, status ${status}, ${methodStep.text}, ${headersStep.text}` };
}
