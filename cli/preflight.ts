import type { IncomingHttpHeaders } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { swiftSession } from "../provider/backends/swift-auth";
import type { CorsRequest } from "../provider/evaluate";
import { getProfile } from "../provider/profiles";
import { s3ObjectUrl } from "../provider/backends/object-url";
import { endpointOf, type Target } from "../provider/targets";
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
 * The object URL a browser would preflight: for S3 services the provider's own
 * (`s3ObjectUrl`: the profile's addressing style), `<storage-url>/<container>/<key>`
 * for Swift. Swift needs a login only when neither the target nor the profile
 * gives the storage URL.
 */
export async function objectUrl(target: Target, key: string): Promise<string> {
  const profile = getProfile(target.profile);
  if (profile.backend.value === "s3") return s3ObjectUrl(target, key);
  const path = `${encodeURIComponent(target.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
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

/**
 * Sends `request` to `url` (anonymous, no redirects followed) and reads the
 * CORS part of the answer. Node's http client rather than fetch: fetch refuses
 * the "bad ports" of the Fetch standard and treats Origin as its own header.
 */
export async function sendPreflight(url: string, request: CorsRequest): Promise<LiveAnswer> {
  let answer: { status: number; headers: IncomingHttpHeaders; body: string };
  try {
    answer = await send(url, request);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw failure(`the preflight ${request.method} ${url} failed (${e.code ?? e.message}) — check the endpoint and that the service is reachable`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && (name.startsWith("access-control-") || name === "vary")) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const code = element(answer.body, "Code");
  const message = element(answer.body, "Message");
  return { url, status: answer.status, headers: sorted(headers), ...(code === undefined ? {} : { errorCode: code }), ...(message === undefined ? {} : { errorMessage: message }) };
}

/** Most bytes of an error body read: enough for an S3 error document. */
const MAX_BODY = 64 * 1024;

function send(url: string, request: CorsRequest): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const call = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = call(url, { method: request.method, headers: { ...request.headers }, timeout: TIMEOUT_MS }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${TIMEOUT_MS / 1000} s`), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end();
  });
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
