import { swiftSession } from "../provider/backends/swift-auth";
import type { CorsRequest } from "../provider/evaluate";
import { getProfile } from "../provider/profiles";
import { endpointOf, regionOf, type Target } from "../provider/targets";
import { unescapeXmlText } from "../provider/formats/xml-text";
import { failure } from "./exit";

/** A real preflight's answer: status, the CORS headers (`access-control-*`, `vary`; lower-case names) and the error body's code and message. */
export interface LiveAnswer {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** How long a preflight may take before it counts as failed. */
const TIMEOUT_MS = 30_000;

/**
 * The object URL a browser would preflight: path-style `<endpoint>/<bucket>/<key>`
 * for S3 services (AWS without an endpoint: `https://s3.<region>.amazonaws.com`),
 * `<storage-url>/<container>/<key>` for Swift. Swift needs a login only when
 * neither the target nor the profile gives the storage URL.
 */
export async function objectUrl(target: Target, key: string): Promise<string> {
  const path = `${encodeURIComponent(target.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const profile = getProfile(target.profile);
  if (profile.backend.value === "s3") {
    const base = endpointOf(target) ?? `https://s3.${regionOf(target)}.amazonaws.com`;
    return `${base.replace(/\/+$/, "")}/${path}`;
  }
  const storageUrl = target.endpoint ?? templateUrl(target) ?? (await swiftSession(undefined, profile.title, target.bucket)).storageUrl;
  return `${storageUrl.replace(/\/+$/, "")}/${path}`;
}

function templateUrl(target: Target): string | undefined {
  try {
    return getProfile(target.profile).endpoint.value === null ? undefined : endpointOf(target);
  } catch {
    return undefined; // the template needs a project id the target lacks: the login's catalog gives the URL
  }
}

/** Sends `request` (anonymous, no redirects followed) to `url` and reads the CORS part of the answer. */
export async function sendPreflight(url: string, request: CorsRequest): Promise<LiveAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers: request.headers, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw failure(`the preflight OPTIONS ${url} failed (${why}) — check the endpoint and that the service is reachable`);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("access-control-") || lower === "vary") headers[lower] = value;
  });
  const body = await response.text().catch(() => "");
  const code = element(body, "Code");
  const message = element(body, "Message");
  return { url, status: response.status, headers: sorted(headers), ...(code === undefined ? {} : { errorCode: code }), ...(message === undefined ? {} : { errorMessage: message }) };
}

/** The text of the first `<name>` element of an S3 error body, unescaped; no XML parser for two fields of an error. */
function element(body: string, name: string): string | undefined {
  const raw = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  if (raw === undefined) return undefined;
  const text = unescapeXmlText(raw);
  return text.ok ? text.value : raw;
}

function sorted(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
