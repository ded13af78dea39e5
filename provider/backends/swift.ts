import { codecFor } from "../formats";
import { BackendError } from "../errors";
import { getProfile } from "../profiles";
import { endpointOf, type Target } from "../targets";
import { swiftSession, type SwiftSession } from "./swift-auth";
import type { Backend, LiveConfig } from "./types";
import { sendRequest } from "./http-request";
import { VERIFY_KEY } from "./object-url";

/** The container metadata keys that hold CORS (https://docs.openstack.org/swift/latest/cors.html). */
const CORS_META = ["Allow-Origin", "Max-Age", "Expose-Headers"].map((k) => `X-Container-Meta-Access-Control-${k}`);

/** How long one Swift request may take, like the S3 client's request timeout. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Attempts for a request answered 5xx or failing on the network, backing off 250 ms, 500 ms, 1 s, 2 s. */
const ATTEMPTS = 5;

/**
 * OpenStack Swift backend (swift, vstorage, ovh-swift): CORS is container
 * metadata set with POST, read with HEAD, removed with `X-Remove-Container-Meta-…`
 * (all three observed on Swift 2.30: docs/test-servers.md, "Swift: container CORS"). POST merges metadata, so
 * `put` removes the keys the new policy leaves unset.
 */
export const swiftBackend: Backend = {
  async get(target) {
    const response = await call(target, "HEAD", "HeadContainer", {});
    if (response.status === 404) return { kind: "no-bucket", error: noSuchContainer(target, "HeadContainer") };
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name.toLowerCase().startsWith("x-container-meta-access-control-")) headers[name] = value;
    });
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "x-container-meta-access-control-allow-origin")) return { kind: "none" };
    return decode(headers);
  },

  async put(target, config) {
    const encoded = codecFor("swift-headers").encode(config) as Record<string, string>;
    const set = new Set(Object.keys(encoded).map((k) => k.toLowerCase()));
    const removals = Object.fromEntries(CORS_META.filter((k) => !set.has(k.toLowerCase())).map((k) => [k.replace("X-Container-Meta-", "X-Remove-Container-Meta-"), "x"]));
    const response = await call(target, "POST", "PostContainer", { ...encoded, ...removals });
    if (response.status === 404) throw noSuchContainer(target, "PostContainer");
  },

  async preflight(target, request) {
    const storageUrl = storageUrlOf(target) ?? (await swiftSession(undefined, getProfile(target.profile).title, target.bucket)).storageUrl;
    const key = (request.key ?? VERIFY_KEY).split("/").map(encodeURIComponent).join("/");
    const url = `${storageUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.bucket)}/${key}`;
    return { url, ...(await sendRequest(url, request.method, request.headers)) };
  },

  async delete(target) {
    const removals = Object.fromEntries(CORS_META.map((k) => [k.replace("X-Container-Meta-", "X-Remove-Container-Meta-"), "x"]));
    await call(target, "POST", "PostContainer", removals); // 404: the container is gone, which is success
  },
};

/**
 * One request to the container URL, with the session's token: re-authenticates once
 * on 401 (expired token), retries 5xx and network errors with backoff, and turns
 * any other failure into a `BackendError` scrubbed of secrets. 404 is returned.
 */
async function call(target: Target, method: string, operation: string, headers: Record<string, string>): Promise<Response> {
  const vendor = getProfile(target.profile).title;
  let session = await swiftSession(storageUrlOf(target), vendor, target.bucket);
  let reauthenticated = false;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let networkError: unknown;
    try {
      response = await fetch(`${session.storageUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.bucket)}`, { method, headers: { ...headers, "X-Auth-Token": session.token }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      networkError = error;
    }
    if (response?.status === 401 && !reauthenticated) {
      reauthenticated = true;
      session = await swiftSession(storageUrlOf(target), vendor, target.bucket, true);
      continue;
    }
    const retryable = response === undefined || response.status >= 500;
    if (retryable && attempt < ATTEMPTS) {
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
      continue;
    }
    if (response !== undefined && (response.ok || response.status === 404)) return response;
    throw failure(target, operation, vendor, session, response, networkError);
  }
}

function failure(target: Target, operation: string, vendor: string, session: SwiftSession, response: Response | undefined, networkError: unknown): BackendError {
  if (response === undefined) {
    const cause = networkError as { cause?: { code?: string }; message?: string };
    return new BackendError({ vendor, operation, bucket: target.bucket, noun: "container", code: cause.cause?.code ?? "NetworkError", detail: scrub(cause.message ?? String(networkError), session) });
  }
  const code = response.status === 401 ? "Unauthorized" : response.status === 403 ? "AccessDenied" : `HTTP${response.status}`;
  const requestId = response.headers.get("x-trans-id") ?? undefined;
  return new BackendError({ vendor, operation, bucket: target.bucket, noun: "container", status: response.status, code, ...(requestId === undefined ? {} : { requestId }) });
}

function noSuchContainer(target: Target, operation: string): BackendError {
  return new BackendError({ vendor: getProfile(target.profile).title, operation, bucket: target.bucket, noun: "container", status: 404, code: "NoSuchBucket", detail: "the container does not exist" });
}

function scrub(text: string, session: SwiftSession): string {
  return session.secrets.reduce((acc, secret) => (secret === "" ? acc : acc.split(secret).join("***")), text);
}

/** The target's storage URL when it names one (endpoint, or a filled profile template); else the auth response decides. */
function storageUrlOf(target: Target): string | undefined {
  if (target.endpoint !== undefined) return target.endpoint;
  try {
    return getProfile(target.profile).endpoint.value === null ? undefined : endpointOf(target);
  } catch {
    return undefined; // the template needs region/projectId the target lacks: use the catalog's URL
  }
}

/** The container's CORS metadata through the Swift headers codec; what it cannot decode is kept raw. */
function decode(headers: Record<string, string>): LiveConfig {
  const decoded = codecFor("swift-headers").decode(headers);
  if (decoded.config === undefined) return { kind: "unreadable", raw: JSON.stringify(headers), issues: decoded.issues };
  return { kind: "config", config: decoded.config };
}
