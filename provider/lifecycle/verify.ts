import type { Backend } from "../backends/types";
import { describeTarget, type Target } from "../targets";
import { followUpMethod, mismatches, observe, preflightHeadersOf, type Expectation, type Observed } from "./expectations";

/** One expectation and what the live endpoint answered. */
interface Outcome {
  readonly index: number;
  readonly expectation: Expectation;
  readonly seen: Observed;
  readonly wrong: string[];
}

/**
 * Sends a real preflight (and the actual request, when `exposes` is asked) for
 * every expectation to the live endpoint, retrying until all agree or the
 * timeout passes (R2 can take 30 s to serve a change). Throws a table of
 * expected vs. observed when they still disagree.
 */
export async function verifyLive(backend: Backend, target: Target, expectations: readonly Expectation[], timeoutSeconds: number): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = 250;
  for (;;) {
    const { url, outcomes } = await probeAll(backend, target, expectations);
    const failed = outcomes.filter((o) => o.wrong.length > 0);
    if (failed.length === 0) return;
    if (Date.now() + delay > deadline) throw new Error(report(target, url, failed, timeoutSeconds));
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 2000);
  }
}

async function probeAll(backend: Backend, target: Target, expectations: readonly Expectation[]): Promise<{ url: string; outcomes: Outcome[] }> {
  let url = "";
  const outcomes: Outcome[] = [];
  for (const [index, expectation] of expectations.entries()) {
    const preflight = await backend.preflight(target, { method: "OPTIONS", headers: preflightHeadersOf(expectation) });
    url = preflight.url;
    const wantsExposed = (expectation.exposes ?? []).length > 0;
    const actual = wantsExposed ? await backend.preflight(target, { method: followUpMethod(expectation), headers: { Origin: expectation.origin } }) : { headers: {} };
    const seen = observe(preflight.status, preflight.headers, actual.headers);
    outcomes.push({ index, expectation, seen, wrong: mismatches(expectation, seen) });
  }
  return { url, outcomes };
}

function report(target: Target, url: string, failed: readonly Outcome[], timeoutSeconds: number): string {
  const lines = failed.map((o) => `  expect[${o.index}] ${o.expectation.method.toUpperCase()} from ${o.expectation.origin}: expected ${o.expectation.allowed ? "allowed" : "denied"}, observed ${o.seen.allowed ? "allowed" : "denied"} (status ${o.seen.status ?? "none"})${o.wrong.length > 1 || o.seen.allowed === o.expectation.allowed ? ` — ${o.wrong.join("; ")}` : ""}`);
  return `live preflights to ${url} (${describeTarget(target)}) still disagreed with expect after ${timeoutSeconds} s:\n${lines.join("\n")}\n— if the service is slow to serve changes, raise propagationTimeoutSeconds; otherwise the server answers differently from its dialect's prediction: correct the rules or the expectation`;
}
