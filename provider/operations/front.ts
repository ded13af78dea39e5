import { VERIFY_KEY } from "../backends/object-url";
import type { Backend, ProbeAnswer, ProbeRequest } from "../backends/types";
import { rewrap } from "../errors";
import { describeTarget, type Target } from "../targets";
import { followUpMethod, preflightHeadersOf, type Expectation } from "./expectations";
import { frontFindings, type FrontFinding } from "./front-findings";
import type { VerifyThrough } from "./options";
import { pollUntil } from "./poll";

/** What requests through a front found, beside the same requests sent to the bucket. */
export interface FrontResult {
  /** The object's URL through the front. */
  readonly url: string;
  /** What the front breaks; empty when it answers every expectation as the bucket does. */
  readonly findings: readonly FrontFinding[];
  /** What limits the check without failing it (an error answer a cache may not keep). */
  readonly notes: readonly string[];
}

/** The object's URL through the front: `<via>/<key>`, the key's segments escaped as in the bucket's own object URL. */
export function frontUrl(via: string, key: string = VERIFY_KEY): string {
  return `${via.replace(/\/+$/, "")}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * Sends the expectations through the front as a browser would, and the same requests to the
 * bucket: first a GET without Origin (what an `<img>` tag or a crawler sends, which a cache keyed
 * without Origin stores), then for each expectation its preflight and its actual request (a
 * GET, HEAD for HEAD). Every request goes through `backend.preflight`: anonymous, unfollowed
 * redirects, the call's deadline and the operation's budget, so no credential is ever sent to
 * the front. Sequential, in the order given, as a cache sees a page's requests.
 */
export async function checkFront(backend: Backend, target: Target, expectations: readonly Expectation[], through: VerifyThrough): Promise<FrontResult> {
  const url = frontUrl(through.via, through.key);
  const key = through.key === undefined ? {} : { key: through.key };
  const bucket = (request: Omit<ProbeRequest, "key" | "via">): Promise<ProbeAnswer> => backend.preflight(target, { ...request, ...key });
  const front = async (request: Omit<ProbeRequest, "key" | "via">): Promise<ProbeAnswer> => {
    try {
      return await backend.preflight(target, { ...request, ...key, via: url });
    } catch (error) {
      // The backend words a failure as its bucket's; this request went elsewhere, and any hint about the bucket's endpoint is beside the point.
      throw rewrap(
        error,
        (reason) =>
          `${reason}\nThat ${request.method} request went to the front at ${url}, not to the bucket: check the fronting URL (verify.via, --via) and that it is reachable`,
      );
    }
  };
  const prime = await front({ method: "GET", headers: {} });
  const findings: FrontFinding[] = [];
  for (const [index, e] of expectations.entries()) {
    const preflight = { method: "OPTIONS", headers: preflightHeadersOf(e) };
    const actual = { method: followUpMethod(e), headers: { Origin: e.origin } };
    const frontPreflight = await front(preflight);
    const frontActual = await front(actual);
    const answers = { bucketPreflight: await bucket(preflight), frontPreflight, bucketActual: await bucket(actual), frontActual };
    findings.push(...frontFindings(index, e, url, answers));
  }
  return { url, findings, notes: notesOn(prime, through) };
}

/** {@link checkFront} retried until the front answers as the bucket does or `timeoutSeconds` pass (a cache may hold an older answer until it expires). */
export async function checkFrontUntil(
  backend: Backend,
  target: Target,
  expectations: readonly Expectation[],
  through: VerifyThrough,
  timeoutSeconds: number,
): Promise<FrontResult> {
  return pollUntil(
    () => checkFront(backend, target, expectations, through),
    (result) => result.findings.length === 0,
    timeoutSeconds,
    250,
  );
}

/** A front that answers the object with an error may not cache it at all, so a pass says little about the objects pages load. */
function notesOn(prime: ProbeAnswer, through: VerifyThrough): string[] {
  if (prime.status < 400) return [];
  const fix = through.key === undefined ? "name an object that exists in verify.key (--key)" : "name an object that exists";
  return [
    `GET ${prime.url} without Origin answered ${prime.status}: a cache may not keep an error answer, so this check says little about the objects pages load — ${fix}`,
  ];
}

/** A write's confirmation failure: the findings, one a line, with where they were found. */
export function frontDisagreement(target: Target, result: FrontResult, timeoutSeconds: number): string {
  const lines = result.findings.map((f) => `  expect[${f.index}] ${f.message}`);
  const notes = result.notes.map((n) => `  note: ${n}`);
  return `requests through ${result.url} (in front of ${describeTarget(target)}) still found what the cache breaks after ${timeoutSeconds} s:\n${[...lines, ...notes].join("\n")}\n— the bucket itself answers every expect entry as expected; fix the front as each line says, or check the bucket alone with verify: "preflight"`;
}
