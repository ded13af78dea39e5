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
 * Runs in the page (serialized by Playwright, so it references nothing outside itself): the
 * batch's fetches, `cache: "no-store"` so no answer comes from the HTTP cache; outcomes in order.
 */
export async function runFetches(batch: FetchBatch): Promise<BrowserOutcome[]> {
  const outcomes: BrowserOutcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batch.fetches.length) {
      const index = next++;
      outcomes[index] = await one(batch.fetches[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, batch.concurrency) }, worker));
  return outcomes;

  async function one(f: BrowserFetch): Promise<BrowserOutcome> {
    try {
      // `cache` is a browser RequestInit field that Node's types lack.
      const init = {
        method: f.method,
        headers: { ...f.headers },
        credentials: f.credentials ? "include" : "same-origin",
        mode: "cors",
        cache: "no-store",
      } as const;
      const response = await fetch(f.url, init);
      await response.arrayBuffer();
      const read: Record<string, string | null> = {};
      for (const name of f.readHeaders) read[name] = response.headers.get(name);
      return { allowed: true, status: response.status, read };
    } catch (error) {
      const read: Record<string, string | null> = {};
      for (const name of f.readHeaders) read[name] = null;
      return { allowed: false, read, error: String(error) };
    }
  }
}
