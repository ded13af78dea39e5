import { predictBrowser } from "../../provider/browser";
import { browserRequestOf, type Expectation } from "../../provider/operations/expectations";
import type { Dialect } from "../../provider/profiles";
import type { BrowserOutcome } from "./page";
import { openBrowser } from "./session";
import type { Output } from "../output/output";
import type { LiveBasis } from "../live-prediction";

/** What `verify --browser` asks a real browser, and what it and the prediction say. */
export interface BrowserCheck {
  /** The browser binary that ran the fetch. */
  readonly executable: string;
  readonly url: string;
  /** The browser's own verdict. */
  readonly allowed: boolean;
  readonly status: number | null;
  /** Each header read (`--read`) and its value, `null` when the page could not read it. */
  readonly read: Record<string, string | null>;
  readonly error: string | null;
  /** `predictBrowser` on the live configuration, or why there is none. */
  readonly prediction: {
    readonly dialect: Dialect;
    readonly allowed: boolean;
    readonly preflight: boolean;
    readonly readable: string[];
    readonly explanation: string[];
  } | null;
  readonly predictionError: string | null;
  /** The prediction's verdict (and readable headers, among those the server sent) match the browser's. */
  readonly agrees: boolean | null;
}

/** The page's side of a `verify` run, as an expectation (headers named, not valued: each is sent with a value that needs a preflight). */
export interface PageRequest extends Expectation {
  readonly key: string;
}

/**
 * Runs the page's `fetch` to `url` in the headless Chrome/Chromium `executable` (`--chrome PATH`
 * or one `findChrome` found), from a page of the expectation's origin, and puts
 * `predictBrowser` on the live configuration beside it.
 */
export async function checkInBrowser(page: PageRequest, url: string, executable: string, live: LiveBasis): Promise<BrowserCheck> {
  const request = browserRequestOf(page);
  const session = await openBrowser(executable);
  let outcome: BrowserOutcome;
  try {
    const fetches = [
      {
        url,
        method: request.method,
        headers: { ...request.headers },
        credentials: request.credentials ?? false,
        readHeaders: [...(request.readHeaders ?? [])],
      },
    ];
    outcome = (await session.fetchFrom(page.origin, fetches))[0]!;
  } finally {
    await session.close();
  }
  const seen = { allowed: outcome.allowed, status: outcome.status ?? null, read: outcome.read, error: outcome.error ?? null };
  if ("error" in live) return { executable, url, ...seen, prediction: null, predictionError: live.error, agrees: null };
  const { dialect } = live;
  const verdict = predictBrowser(live.config, request, { dialect, bucketExists: live.bucketExists });
  const readByBrowser = Object.keys(outcome.read).filter((name) => outcome.read[name] !== null);
  const agrees = verdict.allowed === outcome.allowed && readByBrowser.every((name) => verdict.readable.includes(name));
  return {
    executable,
    url,
    ...seen,
    prediction: { dialect, allowed: verdict.allowed, preflight: verdict.preflight, readable: verdict.readable, explanation: verdict.explanation },
    predictionError: null,
    agrees,
  };
}

/** Prints the browser's verdict, the headers it read, and the prediction beside it. */
export function printBrowserCheck(out: Output, check: BrowserCheck): void {
  const verdict = check.allowed ? `allowed (status ${check.status ?? "none"})` : `blocked (${check.error ?? "network error"})`;
  out.line(`Browser (${check.executable}): ${verdict}`);
  for (const [name, value] of Object.entries(check.read)) out.line(`  ${name}: ${value === null ? "(not readable)" : value}`);
  if (check.prediction === null) {
    out.line(`Browser prediction: ${check.predictionError ?? "none"}`);
    return;
  }
  const p = check.prediction;
  const said = `${p.allowed ? "allowed" : "blocked"}${p.preflight ? " after a preflight" : ", no preflight"}`;
  out.line(
    `Browser prediction from the live configuration (dialect ${p.dialect}): ${said}, ${check.agrees === true ? "as the browser decided" : out.style.warn("differs from the browser")}`,
  );
  for (const line of p.explanation) out.line(`  ${line}`);
}
