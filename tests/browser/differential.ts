import type { BrowserFetch, BrowserOutcome } from "../../cli/browser/page";
import type { BrowserSession } from "../../cli/browser/session";
import { predictBrowser, type BrowserVerdict } from "../../provider/browser";
import type { EvaluableRule } from "../../provider/evaluate";
import type { Dialect } from "../../provider/profiles/types";
import { drawBrowserCases, type PageFetch } from "./cases";
import { headerNamesOf, pooled } from "./raw";

/** A server holding one bucket (container) the differential rewrites the policy of. */
export interface BrowserTarget {
  readonly dialect: Dialect;
  /** The URL of object `key` (the object `k` exists; others need not). */
  objectUrl(key: string): string;
  /** Stores `policy` on the bucket (`null`: removes the configuration). */
  apply(policy: { rules: EvaluableRule[] } | null): Promise<void>;
  /** Requests in flight at once (s3rver drops connections under concurrent writes). */
  readonly concurrency: number;
  /** Fetches this server answers outside CORS (no route for them), left out of the draw and the count; none by default. */
  readonly skip?: (fetch: PageFetch) => boolean;
}

/** A fetch on which the browser and `predictBrowser` disagree. */
export interface BrowserMismatch {
  readonly policy: { rules: EvaluableRule[] } | null;
  readonly origin: string;
  readonly fetch: BrowserFetch;
  readonly browser: { allowed: boolean; readable: string[]; error?: string };
  readonly predicted: { allowed: boolean; readable: string[]; explanation: string[] };
}

export interface BrowserDifferentialResult {
  readonly cases: number;
  readonly mismatches: BrowserMismatch[];
  /** How many fetches ended how: `allowed`, `blocked at preflight`, `blocked at response`, with `, credentials` when they were included. */
  readonly tally: Record<string, number>;
}

/**
 * Stores `count` random policies on `target` one after the other and runs `perPolicy` random
 * fetches under each from the two pages, comparing what the browser let the page do and read
 * with `predictBrowser(..., { dialect })`. A header counts as readable when the server sends it
 * (asked from Node) and the page could read it. Every URL is new (a case number in the query, and
 * fresh keys for writes), so no cached preflight or response decides a verdict.
 */
export async function runBrowserDifferential(
  browser: BrowserSession,
  target: BrowserTarget,
  seed: number,
  count: number,
  perPolicy: number,
): Promise<BrowserDifferentialResult> {
  const origins = { app: browser.loopbackOrigin("app.example.test"), other: browser.loopbackOrigin("other.example.test") };
  const mismatches: BrowserMismatch[] = [];
  const tally: Record<string, number> = {};
  let cases = 0;
  for (const { policy, fetches } of drawBrowserCases(seed, count, perPolicy, origins)) {
    await target.apply(policy);
    const located = fetches.filter((f) => target.skip?.(f) !== true).map((f) => ({ page: f, fetch: located_(target, f, cases++) }));
    const outcomes = new Map<BrowserFetch, BrowserOutcome>();
    for (const page of ["app", "other"] as const) {
      const mine = located.filter((l) => l.page.page === page).map((l) => l.fetch);
      const seen = await browser.fetchFrom(origins[page], mine, target.concurrency);
      mine.forEach((f, i) => outcomes.set(f, seen[i]!));
    }
    const present = await pooled(
      located.map(
        ({ page, fetch }) =>
          () =>
            headerNamesOf(fetch.url, fetch.method, { ...fetch.headers, Origin: origins[page.page] }),
      ),
      target.concurrency,
    );
    located.forEach(({ page, fetch }, i) => {
      const origin = origins[page.page];
      const verdict = predictBrowser(
        policy,
        { origin, method: fetch.method, headers: fetch.headers, credentials: fetch.credentials, readHeaders: fetch.readHeaders },
        { dialect: target.dialect },
      );
      const outcome = outcomes.get(fetch)!;
      const predictedReadable = verdict.readable.filter((name) => present[i]!.has(name));
      const seenReadable = fetch.readHeaders.filter((name) => outcome.read[name] !== null);
      const label = `${outcomeOf(verdict)}${fetch.credentials ? ", credentials" : ""}`;
      tally[label] = (tally[label] ?? 0) + 1;
      if (outcome.allowed !== verdict.allowed || JSON.stringify(predictedReadable) !== JSON.stringify(seenReadable)) {
        mismatches.push({
          policy,
          origin,
          fetch,
          browser: { allowed: outcome.allowed, readable: seenReadable, ...(outcome.error === undefined ? {} : { error: outcome.error }) },
          predicted: { allowed: verdict.allowed, readable: predictedReadable, explanation: verdict.explanation },
        });
      }
    });
  }
  return { cases, mismatches, tally };
}

function outcomeOf(verdict: BrowserVerdict): string {
  if (verdict.allowed) return verdict.preflight ? "allowed after a preflight" : "allowed without a preflight";
  return `blocked at the ${verdict.blockedAt ?? "preflight"}`;
}

/**
 * The URL a fetch goes to: reads and POSTs to the existing object `k`, each PUT and DELETE to a
 * key of its own (so no DELETE removes what a later read expects), all with the case number in the query.
 */
function located_(target: BrowserTarget, f: PageFetch, n: number): BrowserFetch {
  const key = f.method === "PUT" ? `put-${n}` : f.method === "DELETE" ? `delete-${n}` : "k";
  return { url: `${target.objectUrl(key)}?bcors-case=${n}`, method: f.method, headers: f.headers, credentials: f.credentials, readHeaders: f.readHeaders };
}
