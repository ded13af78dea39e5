import { evaluate } from "../evaluate";
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
}

/** What a preflight (and the actual request) answered, reduced to what expectations compare. */
export interface Observed {
  readonly allowed: boolean;
  readonly exposed: string[];
  readonly status: number | undefined;
}

/** The preflight headers a browser sends for an expectation. */
export function preflightHeadersOf(e: Expectation): Record<string, string> {
  const headers: Record<string, string> = { Origin: e.origin, "Access-Control-Request-Method": e.method };
  if (e.headers !== undefined && e.headers.length > 0) headers["Access-Control-Request-Headers"] = e.headers.join(", ");
  return headers;
}

/** Reduces a preflight answer (and the actual request's headers) to allowed/exposed. */
export function observe(status: number | undefined, preflight: Record<string, string>, actual: Record<string, string>): Observed {
  const allowed = status === 200 && preflight["access-control-allow-origin"] !== undefined;
  const exposed = (actual["access-control-expose-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
  return { allowed, exposed, status };
}

/** How an observation differs from the expectation; empty when it meets it. */
export function mismatches(e: Expectation, seen: Observed): string[] {
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

/** Predicts what the target's dialect answers for an expectation, under `rules`. */
export function predict(rules: readonly CorsRule[], e: Expectation, dialect: Dialect): { seen: Observed; why: string[] } {
  const preflight: Evaluation = evaluate({ rules }, { method: "OPTIONS", headers: preflightHeadersOf(e) }, { dialect });
  const actual = evaluate({ rules }, { method: followUpMethod(e), headers: { Origin: e.origin } }, { dialect });
  return { seen: observe(preflight.status, preflight.headers, actual.headers), why: preflight.explanation };
}
