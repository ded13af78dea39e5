import { quote, quoteList } from "./describe";
import { swiftHeaderList } from "./header-lists";
import { nonEmpty, type RequestView } from "./request";
import { answered, refused } from "./result";
import type { EvaluableConfig, Evaluation, RequestResource } from "./types";
import { SWIFT_ALLOW_METHODS, SWIFT_DEFAULT_EXPOSE, SWIFT_METHODS, swiftCors, type SwiftCors } from "./swift-container";

/** Swift's 401 body text (swob `HTTPUnauthorized`); a refused preflight is never a 403. */
const UNAUTHORIZED = { code: "Unauthorized", message: "This server could not verify that you are authorized to access the document you requested." };

/**
 * Evaluates like OpenStack Swift 2.30.1's proxy (`Controller.OPTIONS` and
 * `cors_validation` in swift/proxy/controllers/base.py; docs/cors-semantics.md, "15. OpenStack Swift"),
 * with the default `strict_cors_mode = true` and no proxy-wide
 * `cors_allow_origin`/`cors_expose_headers`. All rules collapse into one
 * container setting ({@link swiftCors}); `matchedRule` names the first rule
 * that lists the origin (or `*`).
 * Lists Swift builds from Python sets (Allow-Methods, Allow-Headers,
 * Expose-Headers) come out in varying order: compare them as sets.
 */
export function evaluateSwift(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const cors = bucketExists ? swiftCors(config) : undefined;
  return request.isPreflight ? swiftPreflight(config, cors, request, bucketExists) : swiftActual(config, cors, request, bucketExists);
}

function swiftPreflight(config: EvaluableConfig | null, cors: SwiftCors | undefined, request: RequestView, bucketExists: boolean): Evaluation {
  const origin = nonEmpty(request.origin);
  if (origin === undefined) return answered(200, {}, ["no Origin header: Swift answers a plain OPTIONS (200 with Allow), no CORS headers"]);
  if (cors === undefined) {
    const why = bucketExists ? "the container has no CORS metadata" : "the container does not exist";
    return refused(401, UNAUTHORIZED.code, UNAUTHORIZED.message, [`${why}: 401`]);
  }
  if (!allowed(cors, origin))
    return refused(401, UNAUTHORIZED.code, UNAUTHORIZED.message, [
      `origin ${quote(origin)} matches none of ${quoteList(cors.origins)} (Swift compares exactly; only a whole-value "*" is a wildcard): 401`,
    ]);
  const methods: readonly string[] = SWIFT_METHODS[request.resource];
  const acrm = request.requestMethod;
  if (acrm === undefined || !methods.includes(acrm)) {
    return refused(401, UNAUTHORIZED.code, UNAUTHORIZED.message, [
      `Access-Control-Request-Method ${acrm === undefined ? "is missing" : `${quote(acrm)} is not one of ${quoteList(methods)}`}: 401`,
    ]);
  }
  const headers: Record<string, string> = {};
  const vary: string[] = [];
  headers["access-control-allow-origin"] = cors.wildcardOnly ? "*" : origin;
  if (!cors.wildcardOnly) vary.push("Origin");
  if (cors.maxAge !== undefined) headers["access-control-max-age"] = cors.maxAge;
  headers["access-control-allow-methods"] = SWIFT_ALLOW_METHODS[request.resource];
  const requested = swiftHeaderList(request.requestHeaders);
  if (requested.length > 0) {
    headers["access-control-allow-headers"] = requested.join(", ");
    vary.push("Access-Control-Request-Headers");
  }
  if (vary.length > 0) headers["vary"] = vary.join(", ");
  return answered(
    200,
    headers,
    [
      `origin ${quote(origin)} is allowed and ${quote(acrm)} is a method of the ${request.resource === "bucket" ? "container" : "object"}; Swift allows every method and echoes every requested header: 200`,
    ],
    firstRuleListing(config, origin),
  );
}

function swiftActual(config: EvaluableConfig | null, cors: SwiftCors | undefined, request: RequestView, bucketExists: boolean): Evaluation {
  const listing = bucketExists && request.resource === "bucket" && (request.method === "GET" || request.method === "HEAD");
  const origin = nonEmpty(request.origin);
  if (origin === undefined || cors === undefined || !allowed(cors, origin)) {
    const why = origin === undefined ? "no Origin header: no CORS headers" : "the origin is not allowed (strict_cors_mode): no CORS headers";
    return answered(undefined, listing ? { vary: "Accept" } : {}, listing ? [why, LISTING_VARY] : [why]);
  }
  const headers: Record<string, string> = { "access-control-expose-headers": exposeList(cors, request.resource).join(", ") };
  headers["access-control-allow-origin"] = cors.wildcardOnly ? "*" : origin;
  const vary = [...(cors.wildcardOnly ? [] : ["Origin"]), ...(listing ? ["Accept"] : [])];
  if (vary.length > 0) headers["vary"] = vary.join(", ");
  const lines = [`origin ${quote(origin)} is allowed: Allow-Origin and Expose-Headers added (never credentials, methods or max-age)`];
  return answered(undefined, headers, listing ? [...lines, LISTING_VARY] : lines, firstRuleListing(config, origin));
}

/**
 * A container listing (GET/HEAD on the container) gets `Accept` appended to
 * `Vary` by the listing_formats middleware (swift/common/middleware/listing_formats.py),
 * after CORS's `Origin`. Not CORS, but in the same header; assumes the listing
 * succeeds (2xx) and has no `format` query parameter.
 */
const LISTING_VARY = "a container listing adds Accept to Vary (listing_formats), assuming it succeeds";

/**
 * Exposed headers of an actual response: Swift's defaults, the configured ones
 * (lower-cased), and every `X-Container-Meta-*`/`X-Object-Meta-*` header of
 * the response. A container response carries its CORS metadata, so those
 * names are listed here; other user metadata cannot be known in advance.
 */
function exposeList(cors: SwiftCors, resource: RequestResource): string[] {
  const names = new Set<string>(SWIFT_DEFAULT_EXPOSE);
  if (resource === "bucket") {
    names.add("x-container-meta-access-control-allow-origin");
    if (cors.maxAge !== undefined) names.add("x-container-meta-access-control-max-age");
    if (cors.exposeHeaders.length > 0) names.add("x-container-meta-access-control-expose-headers");
  }
  for (const h of cors.exposeHeaders.flatMap((e) => e.split(" "))) if (h.trim() !== "") names.add(h.trim().toLowerCase());
  return [...names];
}

function allowed(cors: SwiftCors, origin: string): boolean {
  return cors.origins.includes(origin) || cors.origins.includes("*");
}

function firstRuleListing(config: EvaluableConfig | null, origin: string): number | undefined {
  const index = (config?.rules ?? []).findIndex((r) => r.allowedOrigins.includes(origin) || r.allowedOrigins.includes("*"));
  return index < 0 ? undefined : index;
}
