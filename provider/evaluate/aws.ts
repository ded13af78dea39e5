import { AWS_PREFLIGHT_ERRORS as E } from "./aws-errors";
import { awsHeaders } from "./aws-headers";
import { quote, rulePath } from "./describe";
import { firstFullMatch } from "./first-match";
import { awsHeaderList } from "./header-lists";
import { nonEmpty, type RequestView } from "./request";
import { answered, refused } from "./result";
import type { EvaluableConfig, Evaluation } from "./types";

/** Evaluates like AWS S3 (docs/cors-semantics.md, "AWS S3 (the `aws` dialect)"; recorded AWS behaviour first). */
export function evaluateAws(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  return request.isPreflight ? awsPreflight(config, request, bucketExists) : awsActual(config, request, bucketExists);
}

/**
 * A preflight, checked in the order AWS answers (docs/cors-semantics.md, "9. Refused preflights"):
 * Origin first (400 even on a missing bucket), then the bucket, then the
 * config (403 even without Access-Control-Request-Method), then that header,
 * then the rules.
 */
function awsPreflight(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const origin = nonEmpty(request.origin);
  const acrm = nonEmpty(request.requestMethod);
  const method = acrm ?? "OPTIONS";
  if (origin === undefined) {
    return refused(E.noOrigin.status, E.noOrigin.code, E.noOrigin.message, ["no Origin header: S3 refuses the preflight before looking at the bucket"]);
  }
  if (!bucketExists) {
    return refused(E.noBucket.status, E.noBucket.code, E.noBucket.message, ["the bucket does not exist: S3 answers 403, not 404, to a preflight"], {
      Method: method,
      ResourceType: "BUCKET",
    });
  }
  if (config === null) {
    return refused(E.noConfig.status, E.noConfig.code, E.noConfig.message, ["the bucket has no CORS configuration"], {
      Method: method,
      ResourceType: "BUCKET",
    });
  }
  if (acrm === undefined) {
    return refused(E.noRequestMethod.status, E.noRequestMethod.code, E.noRequestMethod.message, [
      "no Access-Control-Request-Method header: a preflight must name the method it asks for",
    ]);
  }
  const requested = awsHeaderList(request.requestHeaders);
  const match = firstFullMatch(config.rules, { origin, method: acrm, requestedHeaders: requested });
  if (match.index === undefined) {
    const resourceType = request.resource === "bucket" ? "BUCKET" : "OBJECT";
    return refused(E.noMatch.status, E.noMatch.code, E.noMatch.message, [...match.lines, noRuleLine(config.rules.length)], {
      Method: acrm,
      ResourceType: resourceType,
    });
  }
  const rule = config.rules[match.index]!;
  return answered(200, awsHeaders(rule, origin, requested), [...match.lines, `${rulePath(match.index)} answers the preflight: 200`], match.index);
}

/**
 * A request other than OPTIONS: served with the operation's own status; CORS
 * headers only when a rule matches (docs/cors-semantics.md, "10. Requests that
 * are not preflights"). A request that carries Access-Control-Request-Method is
 * matched on that method, and one that carries Access-Control-Request-Headers
 * is matched like a preflight (same page, "5. Methods", "6. Requested headers").
 */
function awsActual(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const origin = nonEmpty(request.origin);
  if (origin === undefined) return answered(undefined, {}, ["no Origin header: not a cross-origin request, so no CORS headers"]);
  if (!bucketExists) return answered(undefined, {}, ["the bucket does not exist: no CORS headers"]);
  if (config === null) return answered(undefined, {}, ["the bucket has no CORS configuration: no CORS headers"]);
  const acrm = nonEmpty(request.requestMethod);
  const method = acrm ?? request.method;
  const requested = awsHeaderList(request.requestHeaders);
  const match = firstFullMatch(config.rules, { origin, method, requestedHeaders: requested });
  const lines = acrm === undefined ? match.lines : [`matched on Access-Control-Request-Method ${quote(acrm)}, not on ${quote(request.method)}`, ...match.lines];
  if (match.index === undefined) return answered(undefined, {}, [...lines, `${noRuleLine(config.rules.length)}: served without CORS headers`]);
  const rule = config.rules[match.index]!;
  return answered(undefined, awsHeaders(rule, origin, requested), [...lines, `${rulePath(match.index)} adds the CORS headers`], match.index);
}

function noRuleLine(count: number): string {
  return count === 0 ? "the configuration has no rules" : "no rule matches";
}
