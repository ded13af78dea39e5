/** Which requests a fault rule is about; every field given must match. */
export interface RequestMatch {
  /** HTTP method, e.g. "PUT". */
  readonly method?: string;
  /** Exact path without the query, e.g. "/assets". */
  readonly path?: string;
  /** A query parameter the request carries, e.g. "cors" for S3's `?cors` subresource. */
  readonly query?: string;
}

/** What the proxy does instead of (or before) forwarding a request. */
export type Fault =
  /** Answers with this status, headers and body; the upstream never sees the request. */
  | { readonly kind: "status"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  /** Reads the request, then destroys the socket without answering (the client sees ECONNRESET). */
  | { readonly kind: "reset" }
  /** Holds the request for `ms`, then forwards it (a slow server, not a dead one). */
  | { readonly kind: "stall"; readonly ms: number }
  /** Forwards the request (the upstream applies it), then answers with this status instead of the upstream's answer: a write that landed but is reported failed. */
  | { readonly kind: "applied"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  /**
   * Reads the request, then forwards it when its `Content-MD5` is the base64 MD5 of its body, and
   * answers with this status otherwise (the upstream never sees it): a server that checks Content-MD5.
   */
  | { readonly kind: "content-md5"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  /**
   * Forwards the request; an upstream 200 reaches the client as 204 No Content with the same
   * headers and no body (as servers and CDNs that answer preflights 204 do), any other answer
   * unchanged. None of the test servers answers a preflight 204 itself (they answer 200).
   */
  | { readonly kind: "no-content" };

/** One line of a plan: a fault for matching requests, for the first N of them or for every one. */
export interface FaultRule {
  readonly match: RequestMatch;
  readonly fault: Fault;
  readonly times: number | "every";
  /** Armed only once a request matching this was forwarded and answered 2xx (e.g. "GET fails after the PUT"). */
  readonly after?: RequestMatch;
}

/** The parts of a request a match looks at. */
export interface RequestLine {
  readonly method: string;
  /** Path and query as sent, e.g. "/assets?cors". */
  readonly url: string;
}

/** True when the request satisfies every field of `match`. */
export function matches(match: RequestMatch, request: RequestLine): boolean {
  const url = new URL(request.url, "http://proxy.invalid");
  return (
    (match.method === undefined || match.method.toUpperCase() === request.method.toUpperCase()) &&
    (match.path === undefined || match.path === url.pathname) &&
    (match.query === undefined || url.searchParams.has(match.query))
  );
}

/**
 * A plan in use: the first armed rule that matches a request and has faults left
 * decides its fault; requests no rule claims are forwarded untouched.
 */
export class FaultPlan {
  private readonly left: (number | "every")[];
  private readonly armed: boolean[];

  constructor(private readonly rules: readonly FaultRule[]) {
    this.left = rules.map((rule) => rule.times);
    this.armed = rules.map((rule) => rule.after === undefined);
  }

  /** The fault for this request, using up one of its rule's times; undefined means forward it. */
  faultFor(request: RequestLine): Fault | undefined {
    for (const [i, rule] of this.rules.entries()) {
      const left = this.left[i]!;
      if (!this.armed[i] || left === 0 || !matches(rule.match, request)) continue;
      if (left !== "every") this.left[i] = left - 1;
      return rule.fault;
    }
    return undefined;
  }

  /** Arms the rules waiting for a successful request like this one. */
  answered(request: RequestLine, status: number): void {
    if (status < 200 || status > 299) return;
    this.rules.forEach((rule, i) => {
      if (rule.after !== undefined && matches(rule.after, request)) this.armed[i] = true;
    });
  }
}
