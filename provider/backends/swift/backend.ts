import { setTimeout as sleep } from "node:timers/promises";
import { codecFor } from "../../formats";
import { getProfile } from "../../profiles";
import { endpointOf, templateFilled, type Target } from "../../targets";
import { deadlineExceeded, failed, missingBucketHint, subjectOf, transportFailure, type Subject } from "../failure";
import { sendProbe } from "../http/probe";
import { DEFAULT_DEADLINES_MS, deadline, type Deadline } from "../limits";
import { VERIFY_KEY } from "../object-url";
import { swiftSession } from "./auth";
import { isOk, swiftRequest } from "./request";
import type { HttpResponse } from "../http/request";
import { swiftKeysHint } from "../credential-source";
import type { Backend, LiveConfig } from "../types";

/** The container metadata keys that hold CORS (https://docs.openstack.org/swift/latest/cors.html). */
const CORS_META = ["Allow-Origin", "Max-Age", "Expose-Headers"].map((k) => `X-Container-Meta-Access-Control-${k}`);

/** Attempts for a request answered 5xx or failing on the network, backing off 250 ms, 500 ms, 1 s, 2 s. */
const ATTEMPTS = 5;

/**
 * OpenStack Swift backend (swift, vstorage, ovh-swift): CORS is container
 * metadata set with POST, read with HEAD, removed with `X-Remove-Container-Meta-…`
 * (all three observed on Swift 2.30: docs/test-servers.md, "Swift: container CORS"). POST merges metadata, so
 * `put` removes the keys the new policy leaves unset. Each operation has one overall
 * deadline, login and retries included; redirects are refused (backends/swift/request.ts).
 */
export const swiftBackend: Backend = {
  async get(target, options) {
    const response = await call(target, "HEAD", "HeadContainer", {}, deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation));
    if (response.status === 404) return { kind: "no-bucket", error: noSuchContainer(target, "HeadContainer") };
    const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name.startsWith("x-container-meta-access-control-")));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "x-container-meta-access-control-allow-origin")) return { kind: "none" };
    return decode(headers);
  },

  async put(target, config, options) {
    const encoded = codecFor("swift-headers").encode(config) as Record<string, string>;
    const set = new Set(Object.keys(encoded).map((k) => k.toLowerCase()));
    const removals = Object.fromEntries(
      CORS_META.filter((k) => !set.has(k.toLowerCase())).map((k) => [k.replace("X-Container-Meta-", "X-Remove-Container-Meta-"), "x"]),
    );
    const response = await call(target, "POST", "PostContainer", { ...encoded, ...removals }, deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation));
    if (response.status === 404) throw noSuchContainer(target, "PostContainer");
  },

  async preflight(target, request, options) {
    const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.probe);
    const operation = request.method === "OPTIONS" ? "Preflight" : `${request.method} request`;
    const url = request.via ?? (await containerObjectUrl(target, request.key, limit));
    try {
      return { url, ...(await sendProbe(url, request.method, request.headers, limit)) };
    } catch (error) {
      throw transportFailure(subjectOf(target, "container"), operation, limit, error);
    }
  },

  async delete(target, options) {
    const removals = Object.fromEntries(CORS_META.map((k) => [k.replace("X-Container-Meta-", "X-Remove-Container-Meta-"), "x"]));
    await call(target, "POST", "PostContainer", removals, deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation)); // 404: the container is gone, which is success
  },
};

/** The URL of an object in the container; a login only when the target does not name its storage URL. */
async function containerObjectUrl(target: Target, key: string | undefined, limit: Deadline): Promise<string> {
  const storageUrl = storageUrlOf(target) ?? (await swiftSession(undefined, getProfile(target.profile).title, target.bucket, { limit })).storageUrl;
  const path = (key ?? VERIFY_KEY).split("/").map(encodeURIComponent).join("/");
  return `${storageUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.bucket)}/${path}`;
}

/**
 * One request to the container URL, with the session's token: re-authenticates once
 * on 401 (expired token), retries 5xx and network errors with backoff, and turns
 * any other failure into a `BackendError` scrubbed of secrets. 404 is returned.
 * Bodies are never read (HEAD has none; a POST's is a line of HTML).
 */
async function call(target: Target, method: string, operation: string, headers: Record<string, string>, limit: Deadline): Promise<HttpResponse> {
  const vendor = getProfile(target.profile).title;
  let session = await swiftSession(storageUrlOf(target), vendor, target.bucket, { limit });
  let reauthenticated = false;
  for (let attempt = 1; ; attempt++) {
    const subject = subjectOf(target, "container", session.secrets);
    let response: HttpResponse | undefined;
    let networkError: unknown;
    try {
      response = await swiftRequest(
        {
          url: `${session.storageUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.bucket)}`,
          method,
          headers: { ...headers, "X-Auth-Token": session.token },
        },
        subject,
        operation,
        limit,
      );
    } catch (error) {
      if (limit.signal.aborted || (error as { code?: unknown }).code !== "NetworkError") throw error;
      networkError = error;
    }
    if (response?.status === 401 && !reauthenticated) {
      reauthenticated = true;
      session = await swiftSession(storageUrlOf(target), vendor, target.bucket, { fresh: true, limit });
      continue;
    }
    const retryable = response === undefined || response.status >= 500;
    if (retryable && attempt < ATTEMPTS) {
      await backOff(attempt, subject, operation, limit, networkError);
      continue;
    }
    if (response === undefined) throw networkError;
    if (isOk(response) || response.status === 404) return response;
    throw statusFailure(subject, operation, response, session.source, attempt);
  }
}

/** Waits before the next attempt, or fails with the deadline when it passes meanwhile. */
async function backOff(attempt: number, subject: Subject, operation: string, limit: Deadline, lastError: unknown): Promise<void> {
  try {
    await sleep(250 * 2 ** (attempt - 1), undefined, { signal: limit.signal });
  } catch {
    throw deadlineExceeded(subject, operation, limit, lastError);
  }
}

function statusFailure(subject: Subject, operation: string, response: HttpResponse, source: string, attempts: number) {
  const serviceCode = response.status === 401 ? "Unauthorized" : response.status === 403 ? "AccessDenied" : `HTTP${response.status}`;
  const requestId = response.headers["x-trans-id"];
  const hint = swiftKeysHint(source, response.status);
  return failed(subject, {
    ...(hint === undefined ? {} : { hint }),
    operation,
    code: response.status === 401 ? "AuthFailed" : "ServiceError",
    status: response.status,
    serviceCode,
    attempts,
    ...(requestId === undefined ? {} : { requestId }),
  });
}

/** Swift has no error code of its own for a missing container; this one mirrors S3's for the same case. */
function noSuchContainer(target: Target, operation: string) {
  const subject = subjectOf(target, "container");
  return failed(subject, {
    operation,
    code: "MissingBucket",
    status: 404,
    serviceCode: "NoSuchContainer",
    detail: "the container does not exist",
    hint: missingBucketHint(subject),
  });
}

/** The target's storage URL when it names one (endpoint, or a filled profile template); else the auth response decides. */
function storageUrlOf(target: Target): string | undefined {
  if (target.endpoint !== undefined) return target.endpoint;
  // A template that needs a region or projectId the target lacks: the catalog's URL. A filled one that
  // builds another host throws (endpointOf), before the token is sent anywhere.
  return templateFilled(target) ? endpointOf(target) : undefined;
}

/** The container's CORS metadata through the Swift headers codec; what it cannot decode is kept raw. */
function decode(headers: Record<string, string>): LiveConfig {
  const decoded = codecFor("swift-headers").decode(headers);
  if (decoded.config === undefined) return { kind: "unreadable", raw: JSON.stringify(headers), issues: decoded.issues };
  return { kind: "config", config: decoded.config };
}
