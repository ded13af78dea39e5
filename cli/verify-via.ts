import type { FrontResult } from "../provider/operations/front";
import type { Expectation } from "../provider/operations/expectations";
import { endpointProblem, endpointProblemText, hasUserInfo, type Target } from "../provider/targets";
import { backendOf } from "./backend";
import { usageError } from "./exit";
import type { Output } from "./output/output";

/**
 * `verify --via URL`: the same expectation sent through what sits in front of the bucket (a CDN, a
 * caching proxy) by the operations layer's `checkFront`, beside the bucket's own answers.
 */

/**
 * The `--via` URL, checked before anything is sent: http(s), a host, a path allowed (a front may
 * serve the bucket under one), no query. One with `user:password@` is refused without showing it:
 * the front is another host and is sent only what a browser sends.
 */
export function viaFromFlags(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  if (hasUserInfo(given)) {
    throw usageError(
      "--via: the URL has a user name or password in it (user:password@host); it is not shown — the front is sent only what a browser sends, never credentials: give its URL without them",
    );
  }
  const problem = endpointProblem(given, true);
  if (problem !== undefined) throw usageError(`--via: ${endpointProblemText(problem, (url) => `give --via ${url}`)}`);
  return given;
}

/** Sends the expectation through the front at `via` (one round: the command shows what it finds now). */
export async function checkVia(target: Target, expectation: Expectation, via: string, key: string): Promise<FrontResult> {
  const { checkFront } = await import("../provider/operations/front");
  return checkFront(await backendOf(target), target, [expectation], { via, key });
}

/** The findings, one a line, or that the front answers as the bucket does. */
export function printVia(out: Output, result: FrontResult): void {
  out.line(`Through ${result.url} (a GET without Origin first, then the preflight and the GET from --origin):`);
  if (result.findings.length === 0) out.line("  answers as the bucket does (Access-Control-Allow-Origin, Vary: Origin, Access-Control-Max-Age)");
  for (const f of result.findings) out.line(`  ${out.style.warn(f.problem)}: ${f.message}`);
  for (const note of result.notes) out.line(`  note: ${note}`);
}

/** Why the command fails when the front breaks what the bucket answers; undefined when it does not. */
export function viaProblem(result: FrontResult): string | undefined {
  const n = result.findings.length;
  if (n === 0) return undefined;
  return `the front at ${result.url} breaks what the bucket answers (${n} finding${n === 1 ? "" : "s"}: ${result.findings.map((f) => f.header).join("; ")}) — fix the front as each finding says; the bucket's own answer is printed above`;
}
