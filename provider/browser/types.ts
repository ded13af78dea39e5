import type { EvaluateOptions, RequestResource } from "../evaluate/types";

/** What a page's `fetch` asks for, as `predictBrowser` reads it. */
export interface BrowserRequest {
  /** The page's origin, e.g. `https://app.example.com`. */
  readonly origin: string;
  /** The method passed to `fetch` (`get`, `put`… are upper-cased as fetch does). */
  readonly method: string;
  /**
   * Headers the page sets, name to value (the value decides whether `content-type` and the
   * other CORS-safelisted headers need a preflight).
   * @default - none
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Whether the page sends credentials (`credentials: "include"`). Cross-origin requests in the
   * default `same-origin` mode and in `omit` mode carry none, and are judged without them.
   * @default false
   */
  readonly credentials?: boolean | undefined;
  /**
   * Response headers the page reads (`response.headers.get(name)`); the verdict says which are readable.
   * @default - none
   */
  readonly readHeaders?: readonly string[] | undefined;
  /**
   * What the URL names.
   * @default "object"
   */
  readonly resource?: RequestResource | undefined;
}

/** How to predict: the server's dialect (and whether the bucket exists), as for `evaluate`. */
export type BrowserOptions = EvaluateOptions;

/** How long browsers cache an allowed preflight, in seconds, after their caps. */
export interface PreflightCache {
  readonly chromium: number;
  readonly firefox: number;
}

/** The browser's verdict on a request: what the page sees. */
export interface BrowserVerdict {
  /** Whether `fetch` resolves (the page gets the response), rather than failing with a network error. */
  readonly allowed: boolean;
  /** Whether the browser sends a preflight (OPTIONS) first. */
  readonly preflight: boolean;
  /** Where a blocked request is stopped: at the preflight, or at the CORS check of the actual response. */
  readonly blockedAt?: "preflight" | "response";
  /** The names of `readHeaders` the page can read, as given (none when blocked). */
  readonly readable: string[];
  /** The names of `readHeaders` the page cannot read, as given (all of them when blocked). */
  readonly unreadable: string[];
  /** How long the allowed preflight is cached; absent without an allowed preflight. */
  readonly preflightCache?: PreflightCache;
  /** Why: one line per step of the Fetch standard's CORS protocol, the server's own explanation lines prefixed with `server: `. */
  readonly explanation: string[];
}
