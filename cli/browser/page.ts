/** One `fetch` a page makes. */
export interface BrowserFetch {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** `credentials: "include"`; otherwise the default `same-origin`, which sends none cross-origin. */
  readonly credentials: boolean;
  /** Response headers the page reads with `headers.get`. */
  readonly readHeaders: readonly string[];
}

/** What the page saw: the response, or the network error a blocked request ends in. */
export interface BrowserOutcome {
  readonly allowed: boolean;
  /** The response's status, when allowed. */
  readonly status?: number;
  /** Each of `readHeaders` and what `headers.get` returned (`null`: unreadable or absent). */
  readonly read: Record<string, string | null>;
  /** The error `fetch` rejected with, when blocked. */
  readonly error?: string;
}

/** A batch of fetches for one page, at most `concurrency` in flight (s3rver drops connections under concurrent writes). */
export interface FetchBatch {
  readonly fetches: readonly BrowserFetch[];
  readonly concurrency: number;
}

/**
 * Runs in the page: the batch's fetches, at most `concurrency` at once, `cache: "no-store"` so no
 * answer comes from the HTTP cache; outcomes in order. Kept as source text, not a function handed to
 * Playwright: Playwright serializes a function with `toString()`, and the bundled CLI's minifier
 * (esbuild `--keep-names`) wraps inner functions in a helper that does not exist in the page.
 */
const RUN_FETCHES = `async (batch) => {
  const outcomes = [];
  let next = 0;
  const one = async (f) => {
    const read = {};
    try {
      const response = await fetch(f.url, {
        method: f.method,
        headers: { ...f.headers },
        credentials: f.credentials ? "include" : "same-origin",
        mode: "cors",
        cache: "no-store",
      });
      await response.arrayBuffer();
      for (const name of f.readHeaders) read[name] = response.headers.get(name);
      return { allowed: true, status: response.status, read };
    } catch (error) {
      for (const name of f.readHeaders) read[name] = null;
      return { allowed: false, read, error: String(error) };
    }
  };
  const worker = async () => {
    while (next < batch.fetches.length) {
      const index = next++;
      outcomes[index] = await one(batch.fetches[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, batch.concurrency) }, worker));
  return outcomes;
}`;

/** The page script's expression for one batch: {@link RUN_FETCHES} applied to it. */
export function fetchesScript(batch: FetchBatch): string {
  return `(${RUN_FETCHES})(${JSON.stringify(batch)})`;
}
