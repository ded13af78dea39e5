import { judgeAnswers, planFetch, predictBrowser, type BrowserRequest, type BrowserVerdict } from "../browser";
import { NAME_ONLY_VALUE } from "../browser/safelist";
import { evaluate } from "../evaluate";
import { isPreflightAllowed, preflightHeaders } from "../evaluate/preflight";
import type { Evaluation } from "../evaluate/types";
import type { CorsRule } from "../model/schema";
import type { Dialect } from "../profiles/types";

/**
 * One expectation about what a browser will be allowed to do. Written out without zod, as a
 * public type (see ../model/types.ts); ../lifecycle/expectation-schema.ts proves its schema infers exactly this.
 */
export interface Expectation {
  /** The page's origin, e.g. `https://app.example.com`. */
  readonly origin: string;
  /** The method the page uses (the preflight's Access-Control-Request-Method). */
  readonly method: string;
  /** Request headers the page sends (the preflight's Access-Control-Request-Headers). @default - none */
  readonly headers?: string[] | undefined;
  /** Whether the preflight must be allowed. */
  readonly allowed: boolean;
  /**
   * Response headers the page must be able to read: checked in Access-Control-Expose-Headers of a GET
   * (HEAD for HEAD expectations) from the origin, since verification never sends a write.
   * @default - not checked
   */
  readonly exposes?: string[] | undefined;
  /**
   * The page sends credentials (`fetch(url, { credentials: "include" })`). Makes this a browser
   * expectation: judged with `predictBrowser`, so `"*"` answers and a missing
   * `Access-Control-Allow-Credentials: true` block it.
   * @default - not a browser expectation unless `reads` is set
   */
  readonly credentials?: boolean | undefined;
  /**
   * Response headers the page must be able to read (`response.headers.get("ETag")`). Makes this a
   * browser expectation: judged with `predictBrowser` (CORS-safelisted response headers, or
   * exposed, and `"*"` exposes nothing with credentials).
   * @default - not a browser expectation unless `credentials` is set
   */
  readonly reads?: string[] | undefined;
}

/** What a preflight (and the actual request) answered, reduced to what expectations compare. */
export interface Observed {
  readonly allowed: boolean;
  readonly exposed: string[];
  readonly status: number | undefined;
  /** The browser's verdict on the same answers (every expectation gets one; browser expectations are judged by it). */
  readonly browser?: BrowserVerdict;
}

/** Whether `e` is judged as a browser would judge it: it names `credentials` or `reads`. */
export function isBrowserExpectation(e: Expectation): boolean {
  return e.credentials !== undefined || e.reads !== undefined;
}

/**
 * The fetch a page makes for an expectation. An expectation names its headers, not their
 * values: each is sent with a value that is not CORS-safelisted (as `content-type:
 * application/json` is not), so that listing a header always asks the preflight about it.
 */
export function browserRequestOf(e: Expectation): BrowserRequest {
  const headers = Object.fromEntries((e.headers ?? []).map((name) => [name, NAME_ONLY_VALUE]));
  return { origin: e.origin, method: e.method, headers, credentials: e.credentials ?? false, readHeaders: e.reads ?? [] };
}

/** The preflight headers a browser sends for an expectation. */
export function preflightHeadersOf(e: Expectation): Record<string, string> {
  return preflightHeaders(e.origin, e.method, e.headers ?? []);
}

/** Reduces a preflight answer (and the actual request's headers) to allowed/exposed; any 2xx is an ok status (see isPreflightAllowed). */
export function observe(status: number | undefined, preflight: Record<string, string>, actual: Record<string, string>): Observed {
  const allowed = isPreflightAllowed(status, preflight);
  const exposed = (actual["access-control-expose-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
  return { allowed, exposed, status };
}

/** How an observation differs from the expectation; empty when it meets it. */
export function mismatches(e: Expectation, seen: Observed): string[] {
  const out = isBrowserExpectation(e) && seen.browser !== undefined ? browserMismatches(e, seen.browser, seen) : serverMismatches(e, seen);
  const browser = seen.browser;
  if (out.length > 0 && !isBrowserExpectation(e) && browser !== undefined && browser.allowed !== seen.allowed) {
    out.push(
      `a browser's verdict differs from the server's answer: it ${browser.allowed ? "allows" : "blocks"} the request (${browser.explanation.at(-2) ?? ""})`,
    );
  }
  return out;
}

/** How the browser's verdict differs from a browser expectation; says when the server's own answer would have met it. */
function browserMismatches(e: Expectation, verdict: BrowserVerdict, server: Observed): string[] {
  const out: string[] = [];
  if (verdict.allowed !== e.allowed) {
    const serverNote = server.allowed === e.allowed ? `, though the server's answer alone ${e.allowed ? "allows" : "denies"} it` : "";
    out.push(
      e.allowed
        ? `expected allowed, but the browser blocks it at the ${verdict.blockedAt ?? "preflight"}${serverNote}: ${verdict.explanation.at(-2) ?? ""}`
        : `expected blocked, but the browser allows it${serverNote}`,
    );
  }
  if (verdict.allowed && verdict.unreadable.length > 0) {
    out.push(
      `expected the page to read ${verdict.unreadable.map((h) => JSON.stringify(h)).join(", ")}, but it cannot (${unreadableLines(verdict).join("; ")})`,
    );
  }
  return out;
}

function unreadableLines(verdict: BrowserVerdict): string[] {
  return verdict.explanation.filter((line) => line.includes(" is not readable: "));
}

function serverMismatches(e: Expectation, seen: Observed): string[] {
  const out: string[] = [];
  if (seen.allowed !== e.allowed)
    out.push(e.allowed ? `expected allowed, but it is denied (status ${seen.status ?? "none"})` : "expected denied, but it is allowed");
  const missing = (e.exposes ?? []).filter((h) => !seen.exposed.includes(h.toLowerCase()));
  if (missing.length > 0)
    out.push(
      `expected to expose ${missing.map((h) => JSON.stringify(h)).join(", ")}, but the response exposes ${seen.exposed.length === 0 ? "none" : seen.exposed.join(", ")}`,
    );
  return out;
}

/**
 * The request whose response shows `exposes`: a GET (HEAD for HEAD expectations)
 * from the origin. Verification sends it for real, and never a write method, so
 * the prediction uses the same one.
 */
export function followUpMethod(e: Expectation): "GET" | "HEAD" {
  return e.method.toUpperCase() === "HEAD" ? "HEAD" : "GET";
}

/**
 * Predicts what the target's dialect answers for an expectation under `rules`, and the
 * browser's verdict on it; `why` is the browser's explanation for a browser expectation, the
 * server's for the others.
 */
export function predict(rules: readonly CorsRule[], e: Expectation, dialect: Dialect): { seen: Observed; why: string[] } {
  const preflight: Evaluation = evaluate({ rules }, { method: "OPTIONS", headers: preflightHeadersOf(e) }, { dialect });
  const actual = evaluate({ rules }, { method: followUpMethod(e), headers: { Origin: e.origin } }, { dialect });
  const browser = predictBrowser({ rules }, browserRequestOf(e), { dialect });
  const seen = { ...observe(preflight.status, preflight.headers, actual.headers), browser };
  return { seen, why: isBrowserExpectation(e) ? browser.explanation : preflight.explanation };
}

/**
 * The browser's verdict on live answers: `preflight` answers the plan's preflight (when the
 * fetch needs one), `actual` the follow-up GET/HEAD standing in for the actual request
 * (verification never sends a write), so a write's readable headers are judged on a read's answer.
 */
export function judgeLive(
  e: Expectation,
  preflight: { status: number; headers: Readonly<Record<string, string>> } | undefined,
  actual: { headers: Readonly<Record<string, string>> },
): BrowserVerdict {
  const request = browserRequestOf(e);
  return judgeAnswers(planFetch(request), request, preflight, actual);
}

/** The preflight a browser sends for an expectation, or undefined when it sends none. */
export function browserPreflightHeadersOf(e: Expectation): Record<string, string> | undefined {
  const preflight = planFetch(browserRequestOf(e)).preflight;
  return preflight === undefined ? undefined : { ...preflight.headers };
}
