import type { Backend, ProbeAnswer } from "../backends/types";
import type { ProbeRequest } from "../backends/types";
import {
  browserPreflightHeadersOf,
  followUpMethod,
  isBrowserExpectation,
  judgeLive,
  mismatches,
  observe,
  preflightHeadersOf,
  type Expectation,
  type Observed,
} from "./expectations";
import { pollUntil } from "./poll";
import { serverWideHint } from "./server-wide";
import { describeTarget, type Target } from "../targets";

/** One expectation and what the live endpoint answered. */
export interface ProbeOutcome {
  readonly index: number;
  readonly expectation: Expectation;
  /** The preflight's answer. */
  readonly answer: ProbeAnswer;
  readonly seen: Observed;
  /** How the answer differs from the expectation; empty when it meets it. */
  readonly wrong: readonly string[];
}

/** What live preflights answered for a set of expectations. */
export interface VerifyResult {
  /** The object URL the preflights went to. */
  readonly url: string;
  readonly outcomes: readonly ProbeOutcome[];
  /** True when every expectation was met. */
  readonly agreed: boolean;
}

/**
 * Sends a real preflight (and the actual request, when `exposes` is asked) for
 * every expectation to the live endpoint, retrying until all agree or
 * `timeoutSeconds` pass (R2 can take 30 s to serve a change; 0: one round).
 * The one way the provider and the CLI check a live bucket as a browser would.
 */
export async function verifyPolicy(
  backend: Backend,
  target: Target,
  expectations: readonly Expectation[],
  timeoutSeconds: number,
  key?: string,
): Promise<VerifyResult> {
  return pollUntil(
    () => probeAll(backend, target, expectations, key),
    (result) => result.agreed,
    timeoutSeconds,
    250,
  );
}

/** {@link verifyPolicy} for a write's confirmation: undefined when every expectation holds, else a table of expected vs. observed. */
export async function failedExpectations(
  backend: Backend,
  target: Target,
  expectations: readonly Expectation[],
  timeoutSeconds: number,
): Promise<string | undefined> {
  const result = await verifyPolicy(backend, target, expectations, timeoutSeconds);
  return result.agreed ? undefined : disagreement(target, result, timeoutSeconds);
}

async function probeAll(backend: Backend, target: Target, expectations: readonly Expectation[], key: string | undefined): Promise<VerifyResult> {
  let url = "";
  const outcomes: ProbeOutcome[] = [];
  for (const [index, expectation] of expectations.entries()) {
    if (isBrowserExpectation(expectation)) {
      const outcome = await probeAsBrowser(backend, target, expectation, key);
      url = outcome.answer.url;
      outcomes.push({ index, ...outcome });
      continue;
    }
    const answer = await backend.preflight(target, { method: "OPTIONS", headers: preflightHeadersOf(expectation), ...(key === undefined ? {} : { key }) });
    url = answer.url;
    const wantsExposed = (expectation.exposes ?? []).length > 0;
    const actual = wantsExposed
      ? await backend.preflight(target, { method: followUpMethod(expectation), headers: { Origin: expectation.origin }, ...(key === undefined ? {} : { key }) })
      : { headers: {} };
    const seen = observe(answer.status, answer.headers, actual.headers);
    outcomes.push({ index, expectation, answer, seen, wrong: mismatches(expectation, seen) });
  }
  return { url, outcomes, agreed: outcomes.every((o) => o.wrong.length === 0) };
}

/**
 * A browser expectation against the live endpoint: the preflight the browser would send (none
 * for a safelisted fetch) and the follow-up GET/HEAD, judged with the browser's rules.
 */
async function probeAsBrowser(backend: Backend, target: Target, expectation: Expectation, key: string | undefined): Promise<Omit<ProbeOutcome, "index">> {
  const at = key === undefined ? {} : { key };
  const send = (request: ProbeRequest) => backend.preflight(target, request);
  const preflightHeaders = browserPreflightHeadersOf(expectation);
  const preflight = preflightHeaders === undefined ? undefined : await send({ method: "OPTIONS", headers: preflightHeaders, ...at });
  const actual = await send({ method: followUpMethod(expectation), headers: { Origin: expectation.origin }, ...at });
  const browser = judgeLive(expectation, preflight, actual);
  const answer = preflight ?? actual;
  // Without a preflight the server's own "allowed" is whether the read carries Allow-Origin (its status is the object's).
  const observed = observe(answer.status, answer.headers, actual.headers);
  const seen: Observed = {
    ...observed,
    allowed: preflight === undefined ? actual.headers["access-control-allow-origin"] !== undefined : observed.allowed,
    browser,
  };
  return { expectation, answer, seen, wrong: mismatches(expectation, seen) };
}

/** A table of expected vs. observed for the expectations a live check found unmet. */
export function disagreement(target: Target, result: VerifyResult, timeoutSeconds: number): string {
  const failed = result.outcomes.filter((o) => o.wrong.length > 0);
  const lines = failed.map(
    (o) =>
      `  expect[${o.index}] ${o.expectation.method.toUpperCase()} from ${o.expectation.origin}: expected ${o.expectation.allowed ? "allowed" : "denied"}, observed ${observedAllowed(o) ? "allowed" : "denied"}${isBrowserExpectation(o.expectation) ? " by the browser's rules" : ""} (status ${o.seen.status ?? "none"})${o.wrong.length > 1 || observedAllowed(o) === o.expectation.allowed ? ` — ${o.wrong.join("; ")}` : ""}`,
  );
  const wide = serverWideHint(failed.filter((o) => !o.expectation.allowed && observedAllowed(o)).map((o) => o.index));
  return `live preflights to ${result.url} (${describeTarget(target)}) still disagreed with expect after ${timeoutSeconds} s:\n${lines.join("\n")}\n— if the service is slow to serve changes, raise propagationTimeoutSeconds; otherwise the server answers differently from its dialect's prediction: correct the rules or the expectation${wide === undefined ? "" : `\n— ${wide}`}`;
}

/** What an outcome counts as: the browser's verdict for a browser expectation, the server's answer otherwise. */
function observedAllowed(o: ProbeOutcome): boolean {
  return isBrowserExpectation(o.expectation) && o.seen.browser !== undefined ? o.seen.browser.allowed : o.seen.allowed;
}
