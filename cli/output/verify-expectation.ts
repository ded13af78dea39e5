import type { ProbeAnswer } from "../../provider/backends/types";

/** What `verify --expect` asserts about the answer. */
export type Verdict = "allowed" | "denied";

/** What `verify` judged: the live preflight's answer, or the browser's verdict when `--browser` ran. */
export type Judged =
  | { readonly by: "preflight"; readonly allowed: boolean; readonly answer: Pick<ProbeAnswer, "status" | "errorCode"> }
  | { readonly by: "browser"; readonly allowed: boolean; readonly status: number | null; readonly error: string | null };

/** The page's request, as the message names it. */
export interface PageAsk {
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly string[];
}

/**
 * Why `verify` exits 1 although the request went through: the verdict is not what `--expect` says.
 * Without this the run printed the same ALLOWED block as a passing one and only the exit code
 * differed (issue 19, item 4); the message names the expectation, the verdict, and both ways out.
 * `undefined` when the expectation is met.
 */
export function missedExpectation(expect: Verdict, judged: Judged, ask: PageAsk): string | undefined {
  if (judged.allowed === (expect === "allowed")) return undefined;
  const what = `${ask.origin} send ${ask.method}${ask.headers.length === 0 ? "" : ` with ${ask.headers.join(", ")}`}`;
  const verdict = verdictText(judged);
  if (expect === "denied") {
    return `expected denied, but ${verdict}: the bucket lets ${what} — remove that origin or method from the rule that allows it (the prediction names it), or give --expect allowed if it should be let in`;
  }
  return `expected allowed, but ${verdict}: the bucket does not let ${what} — see the prediction for why, and apply rules that allow it, or give --expect denied if it should be kept out`;
}

/** `the preflight was allowed (200)`, `the preflight was denied (403 CORSResponse)`, `the browser blocked the fetch (…)`. */
function verdictText(judged: Judged): string {
  if (judged.by === "browser") {
    return judged.allowed
      ? `the browser's fetch was allowed (status ${judged.status ?? "none"})`
      : `the browser blocked the fetch (${judged.error ?? "network error"})`;
  }
  const { status, errorCode } = judged.answer;
  return `the preflight was ${judged.allowed ? "allowed" : "denied"} (${status}${errorCode === undefined ? "" : ` ${errorCode}`})`;
}
