import { AWS_PREFLIGHT_ERRORS as E, AWS_VARY } from "./aws-errors";
import { rulePath } from "./describe";
import { firstFullMatch } from "./first-match";
import { nonEmpty, type RequestView } from "./request";
import { answered, refused } from "./result";
import type { EvaluableConfig, EvaluableRule, Evaluation } from "./types";
import { wildcardMatch } from "./wildcard";

/**
 * versitygw 1.8 (docs/cors-semantics.md, "16. versitygw"): AWS's rule search, Vary and error texts,
 * with these differences, each read in its source (github.com/versity/versitygw@v1.8.0) and measured
 * by tests/evaluate/versitygw-differential.test.ts. Where AWS is recorded it answers otherwise, so
 * these are versitygw's, not AWS's:
 * - a missing bucket is `404 NoSuchBucket`, before Origin is looked at (`ParseAcl` runs first in
 *   `s3api/router.go`; AWS: 400 without Origin, else 403 "CORSResponse: Bucket not found");
 * - an Access-Control-Request-Method other than GET, PUT, POST, DELETE or HEAD, exactly, missing or
 *   lower-case included, is `400 BadRequest` "Invalid Access-Control-Request-Method: X" before the
 *   configuration is read (`s3api/controllers/options.go`; Scality's Arsenal does the same, AWS is not recorded);
 * - an empty or non-token item in Access-Control-Request-Headers (`a,,b`) is `400 BadRequest`
 *   (`auth.ParseCORSHeaders`; AWS is not recorded, cloudserver drops empty items);
 * - the first AllowedOrigin entry that matches decides the answer: a literal `*` gives
 *   `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: false`, anything else
 *   echoes the origin with `true` (`auth.CORSRule.Match`, `IsAllowed`; AWS sends no credentials header with `*`);
 * - `ETag` is always exposed (`ensureExposeMetaHeaders` in `s3api/controllers/base.go`), and on
 *   other requests `x-amz-storage-class` too (`ensureExposeETag`, `s3api/middlewares/apply-default-cors.go`);
 *   AWS adds nothing (versity/versitygw#1893).
 */
export function evaluateVersitygw(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  return request.isPreflight ? preflight(config, request, bucketExists) : actual(config, request, bucketExists);
}

/** versitygw's five CORS methods, compared case-sensitively (`auth.CORSHTTPMethod.IsValid`). */
const METHODS: readonly string[] = ["GET", "HEAD", "PUT", "POST", "DELETE"];
/** An HTTP token (RFC 7230 §3.2), what `auth.CORSHeader.IsValid` accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NO_BUCKET = { status: 404, code: "NoSuchBucket", message: "The specified bucket does not exist." } as const;

function preflight(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  if (!bucketExists)
    return refused(NO_BUCKET.status, NO_BUCKET.code, NO_BUCKET.message, ["the bucket does not exist: versitygw answers 404 before it looks at Origin"]);
  const origin = nonEmpty(request.origin);
  if (origin === undefined) return refused(E.noOrigin.status, E.noOrigin.code, E.noOrigin.message, ["no Origin header: versitygw refuses the preflight"]);
  const method = request.requestMethod ?? "";
  if (!METHODS.includes(method)) {
    return refused(400, "BadRequest", `Invalid Access-Control-Request-Method: ${method}`, [
      `Access-Control-Request-Method ${JSON.stringify(method)} is not one of ${METHODS.join(", ")} (case-sensitive): versitygw refuses it before reading the configuration`,
    ]);
  }
  const requested = headerList(request.requestHeaders);
  if (typeof requested === "string") return badHeader(requested);
  if (config === null) {
    return refused(E.noConfig.status, E.noConfig.code, E.noConfig.message, ["the bucket has no CORS configuration"], {
      Method: "OPTIONS",
      ResourceType: "BUCKET",
    });
  }
  const match = firstFullMatch(config.rules, { origin, method, requestedHeaders: requested });
  if (match.index === undefined) {
    return refused(E.noMatch.status, E.noMatch.code, E.noMatch.message, [...match.lines, "no rule matches"], {
      Method: "OPTIONS",
      ResourceType: request.resource === "bucket" ? "BUCKET" : "OBJECT",
    });
  }
  const headers = versitygwHeaders(config.rules[match.index]!, origin, requested, ["ETag"]);
  return answered(200, headers, [...match.lines, `${rulePath(match.index)} answers the preflight: 200`], match.index);
}

/** Other requests (`ApplyBucketCORS`, `s3api/middlewares/apply-bucket-cors.go`): headers only when a rule matches. */
function actual(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const origin = nonEmpty(request.origin);
  if (origin === undefined) return answered(undefined, {}, ["no Origin header: not a cross-origin request, so no CORS headers"]);
  if (!bucketExists || config === null) return answered(undefined, {}, ["no bucket or no CORS configuration: no CORS headers"]);
  const acrm = nonEmpty(request.requestMethod);
  if (acrm !== undefined && !METHODS.includes(acrm))
    return answered(undefined, {}, [`Access-Control-Request-Method ${JSON.stringify(acrm)} is refused with 400: no CORS headers`]);
  const requested = headerList(request.requestHeaders);
  if (typeof requested === "string")
    return answered(undefined, {}, [`Access-Control-Request-Headers item ${JSON.stringify(requested)} is refused with 400: no CORS headers`]);
  const match = firstFullMatch(config.rules, { origin, method: acrm ?? request.method, requestedHeaders: requested });
  if (match.index === undefined) return answered(undefined, {}, [...match.lines, "no rule matches: served without CORS headers"]);
  const headers = versitygwHeaders(config.rules[match.index]!, origin, requested, ["ETag", "x-amz-storage-class"]);
  return answered(undefined, headers, [...match.lines, `${rulePath(match.index)} adds the CORS headers`], match.index);
}

/** The trimmed names, or the first raw item versitygw refuses (`auth.ParseCORSHeaders`). */
function headerList(value: string | undefined): string[] | string {
  if (value === undefined || value === "") return [];
  const names: string[] = [];
  for (const item of value.split(",")) {
    const name = item.trim();
    if (!TOKEN.test(name)) return item;
    names.push(name);
  }
  return names;
}

function badHeader(item: string): Evaluation {
  return refused(400, "BadRequest", `Access-Control-Request-Headers "${item}" contains invalid character.`, [
    `Access-Control-Request-Headers holds ${JSON.stringify(item)}, not a header name: versitygw refuses the preflight`,
  ]);
}

/** The headers of a match: AWS's, except the origin entry rule, the credentials value and the always-exposed names. */
function versitygwHeaders(rule: EvaluableRule, origin: string, requested: readonly string[], alwaysExposed: readonly string[]): Record<string, string> {
  const wildcard = rule.allowedOrigins.find((entry) => wildcardMatch(entry, origin)) === "*";
  const headers: Record<string, string> = {
    "access-control-allow-origin": wildcard ? "*" : origin,
    "access-control-allow-credentials": wildcard ? "false" : "true",
    "access-control-allow-methods": rule.allowedMethods.join(", "),
  };
  if (requested.length > 0) headers["access-control-allow-headers"] = requested.map((h) => h.toLowerCase()).join(", ");
  headers["access-control-expose-headers"] = exposed(rule.exposeHeaders ?? [], alwaysExposed);
  if (rule.maxAgeSeconds !== undefined) headers["access-control-max-age"] = String(rule.maxAgeSeconds);
  headers["vary"] = AWS_VARY;
  return headers;
}

/** The rule's list, then each always-exposed name it lacks (compared ignoring case), unless the rule says `*`. */
function exposed(configured: readonly string[], alwaysExposed: readonly string[]): string {
  const existing = configured.join(", ");
  if (existing === "*") return existing;
  const have = new Set(configured.map((h) => h.trim().toLowerCase()));
  return [...configured, ...alwaysExposed.filter((h) => !have.has(h.toLowerCase()))].join(", ");
}
