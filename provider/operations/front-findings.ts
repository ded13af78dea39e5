import { isPreflightAllowed } from "../evaluate/preflight";
import type { ProbeAnswer } from "../backends/types";
import type { Expectation } from "./expectations";

/*
 * What a cache in front of a bucket breaks, judged from the same requests sent to the bucket and
 * through the front (operations/front.ts). Each finding names the header as the front answered it
 * and the setting that fixes it; docs/fronts.md gives the sources for every fix named here.
 */

/** The ways a front is found to break what the bucket answers. */
export type FrontProblem = "cached-without-cors" | "other-origin" | "no-vary" | "max-age" | "preflight-blocked";

/** One thing the front breaks, for one expectation. */
export interface FrontFinding {
  /** The expectation's index in the list checked. */
  readonly index: number;
  readonly problem: FrontProblem;
  /** The header as the front answered it: `Access-Control-Allow-Origin: (absent)`, `Access-Control-Max-Age: 5`. */
  readonly header: string;
  /** The whole finding: the request (`GET <url> with Origin: …`), what the front and the bucket answered, and the fix. */
  readonly message: string;
}

/** The four answers one expectation gets: its preflight and its actual request, from the bucket and through the front. */
export interface FrontAnswers {
  readonly bucketPreflight: ProbeAnswer;
  readonly frontPreflight: ProbeAnswer;
  readonly bucketActual: ProbeAnswer;
  readonly frontActual: ProbeAnswer;
}

// CloudFront keys its cache on the cache policy's headers only; an origin request policy (CORS-S3Origin) forwards without keying (docs/fronts.md).
const FIX_CACHE_KEY =
  "put Origin in the cache key: CloudFront, a cache policy whose headers include Origin (the managed origin request policy CORS-S3Origin forwards it but does not key on it); Cloudflare, a Cache Rule whose cache key includes the Origin header; nginx, $http_origin in proxy_cache_key — then purge the cached object";
const FIX_VARY =
  "keep the bucket's Vary: Origin (or add it) on every answer that carries Access-Control-Allow-Origin, so that browser and shared caches keep one copy per origin: nginx, no proxy_hide_header Vary and no Vary in proxy_ignore_headers; CloudFront, no response headers policy that removes Vary; Cloudflare, a Cache Rule's Vary setting for Origin";
const FIX_MAX_AGE =
  "let the bucket's Access-Control-Max-Age through unchanged: CloudFront, a response headers policy's CORS settings (Access-Control-Max-Age, origin override) replace the bucket's; nginx, no add_header or proxy_hide_header for it";
const FIX_PREFLIGHT =
  "let OPTIONS reach the bucket with Origin, Access-Control-Request-Method and Access-Control-Request-Headers: CloudFront, allowed methods GET, HEAD, OPTIONS with the managed origin request policy CORS-S3Origin, and OPTIONS cached only with those three headers in the cache key";

/** Every finding for one expectation; empty when the front answers as the bucket does. Never throws. */
export function frontFindings(index: number, e: Expectation, url: string, answers: FrontAnswers): FrontFinding[] {
  return [...preflightFindings(index, e, url, answers), ...actualFindings(index, e, url, answers)];
}

function preflightFindings(index: number, e: Expectation, url: string, a: FrontAnswers): FrontFinding[] {
  const ask = `OPTIONS ${url} from ${e.origin} (${e.method.toUpperCase()})`;
  const bucketAllows = isPreflightAllowed(a.bucketPreflight.status, a.bucketPreflight.headers);
  if (bucketAllows && !isPreflightAllowed(a.frontPreflight.status, a.frontPreflight.headers)) {
    const header = line("access-control-allow-origin", a.frontPreflight);
    return [
      finding(
        index,
        "preflight-blocked",
        header,
        `${ask}: the front answered ${a.frontPreflight.status} with ${header}, where the bucket allows it (${a.bucketPreflight.status}, ${line("access-control-allow-origin", a.bucketPreflight)}) — ${FIX_PREFLIGHT}`,
      ),
    ];
  }
  if (!bucketAllows) return [];
  const out: FrontFinding[] = [];
  const other = otherOrigin(index, ask, e, a.frontPreflight, a.bucketPreflight);
  if (other !== undefined) out.push(other);
  const bucketAge = a.bucketPreflight.headers["access-control-max-age"];
  const frontAge = a.frontPreflight.headers["access-control-max-age"];
  if (bucketAge !== undefined && (frontAge === undefined || Number(frontAge) < Number(bucketAge))) {
    const header = line("access-control-max-age", a.frontPreflight);
    out.push(
      finding(
        index,
        "max-age",
        header,
        `${ask}: the front answered ${header}, where the bucket answers Access-Control-Max-Age: ${bucketAge}, so browsers repeat the preflight sooner (without it, Chromium repeats it after 5 s) — ${FIX_MAX_AGE}`,
      ),
    );
  }
  return out;
}

function actualFindings(index: number, e: Expectation, url: string, a: FrontAnswers): FrontFinding[] {
  const ask = `${e.method.toUpperCase() === "HEAD" ? "HEAD" : "GET"} ${url} with Origin: ${e.origin}`;
  const bucketOrigin = a.bucketActual.headers["access-control-allow-origin"];
  const frontOrigin = a.frontActual.headers["access-control-allow-origin"];
  if (bucketOrigin !== undefined && frontOrigin === undefined) {
    const header = line("access-control-allow-origin", a.frontActual);
    return [
      finding(
        index,
        "cached-without-cors",
        header,
        `${ask}: the front answered ${header}, where the bucket answers Access-Control-Allow-Origin: ${bucketOrigin} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; ${FIX_CACHE_KEY}`,
      ),
    ];
  }
  const out: FrontFinding[] = [];
  const other = otherOrigin(index, ask, e, a.frontActual, a.bucketActual);
  if (other !== undefined) out.push(other);
  if (frontOrigin !== undefined && !variesOnOrigin(a.frontActual)) {
    const header = line("vary", a.frontActual);
    const bucket = variesOnOrigin(a.bucketActual)
      ? `the bucket answers ${line("vary", a.bucketActual)}: the front removed it`
      : "the bucket does not send it either";
    out.push(
      finding(
        index,
        "no-vary",
        header,
        `${ask}: the front answered Access-Control-Allow-Origin: ${frontOrigin} with ${header}, without Origin (${bucket}) — a cache may give this answer to another origin, or a copy without CORS headers to this one; ${FIX_VARY}`,
      ),
    );
  }
  return out;
}

/** The front answered Access-Control-Allow-Origin for another origin than the request's, where the bucket does not. */
function otherOrigin(index: number, ask: string, e: Expectation, front: ProbeAnswer, bucket: ProbeAnswer): FrontFinding | undefined {
  const served = front.headers["access-control-allow-origin"];
  const own = bucket.headers["access-control-allow-origin"];
  if (served === undefined || served === own || served === "*" || served === e.origin) return undefined;
  const header = line("access-control-allow-origin", front);
  return finding(
    index,
    "other-origin",
    header,
    `${ask}: the front answered ${header}, another origin's answer, where the bucket answers ${own === undefined ? "no Access-Control-Allow-Origin" : `Access-Control-Allow-Origin: ${own}`} — the cache keeps one copy for every origin; ${FIX_CACHE_KEY}`,
  );
}

/** Whether the answer's Vary names Origin (or is `*`: nothing is reused). Header values compare case-insensitively (RFC 9110, section 12.5.5). */
function variesOnOrigin(answer: ProbeAnswer): boolean {
  const names = (answer.headers.vary ?? "").split(",").map((name) => name.trim().toLowerCase());
  return names.includes("origin") || names.includes("*");
}

/** `Access-Control-Max-Age: 5`, or `Vary: (absent)`: a header as answered, named the way people write it. */
function line(name: string, answer: ProbeAnswer): string {
  const written = name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
  return `${written}: ${answer.headers[name] ?? "(absent)"}`;
}

function finding(index: number, problem: FrontProblem, header: string, message: string): FrontFinding {
  return { index, problem, header, message };
}
