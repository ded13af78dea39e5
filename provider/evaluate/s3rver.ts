import { AWS_VARY } from "./aws-errors";
import { quote, rulePath } from "./describe";
import { notChecked } from "./first-match";
import { s3rverHeaderList } from "./header-lists";
import type { RequestView } from "./request";
import { answered, refused } from "./result";
import { headersStep, methodStep, originStep, runSteps } from "./steps";
import type { EvaluableConfig, EvaluableRule, Evaluation } from "./types";
import { wildcardMatch, wildcardMatchIgnoringCase } from "./wildcard";

/**
 * s3rver 3.7.1's answers (lib/middleware/cors.js). Its error table maps
 * `BadRequest` to 403, not 400 (lib/models/error.js), and its code for a
 * refused preflight is `CORSResponse`, without AWS's "CORSResponse: " prefix.
 */
const S3RVER = {
  noOrigin: { code: "BadRequest", message: "Insufficient information. Origin request header needed." },
  noRequestMethod: { code: "BadRequest", message: "Invalid Access-Control-Request-Method: null" },
  noConfig: { code: "CORSResponse", message: "CORS is not enabled for this bucket." },
  noMatch: {
    code: "CORSResponse",
    message:
      "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
  },
} as const;

/**
 * Evaluates like s3rver 3.7.1 (lib/middleware/cors.js, lib/models/config.js):
 * - the rule is the first matching origin and method (`matchRule`); requested
 *   headers are then checked against that rule only, and a refused header is
 *   a 403, not a move to the next rule;
 * - a missing Origin is the empty string, which a `*` origin matches, so
 *   actual requests get CORS headers without an Origin;
 * - a missing bucket reads as "no configuration" (403, not 404);
 * - preflight answers always `*`, with no credentials, Expose-Headers or Max-Age;
 * - actual answers `*` for a rule listing `*` (else the origin), Expose-Headers,
 *   Max-Age and `Access-Control-Allow-Credentials: true` always, and never
 *   Allow-Methods or Allow-Headers;
 * - the method is Access-Control-Request-Method when sent, upper-cased.
 * s3rver parses stored values with fast-xml-parser's number parsing, so a
 * numeric-looking origin or header breaks it; such values are not modelled.
 */
export function evaluateS3rver(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const stored = bucketExists ? config : null;
  const origin = request.origin ?? "";
  const method = (request.requestMethod || request.method).toUpperCase();
  const match = pickRule(stored?.rules ?? [], origin, method);
  return request.isPreflight ? preflight(stored, request, origin, match) : actual(stored, origin, match, bucketExists);
}

function preflight(config: EvaluableConfig | null, request: RequestView, origin: string, match: RulePick): Evaluation {
  if (origin === "") return refused(403, S3RVER.noOrigin.code, S3RVER.noOrigin.message, ["no Origin header: s3rver answers BadRequest, with status 403"]);
  if (!request.requestMethod)
    return refused(403, S3RVER.noRequestMethod.code, S3RVER.noRequestMethod.message, [
      "no Access-Control-Request-Method header: s3rver answers BadRequest, with status 403",
    ]);
  if (config === null)
    return refused(403, S3RVER.noConfig.code, S3RVER.noConfig.message, ["no CORS configuration (s3rver reads a missing bucket the same way)"]);
  if (match.index === undefined) return refused(403, S3RVER.noMatch.code, S3RVER.noMatch.message, [...match.lines, "no rule matches origin and method: 403"]);
  const rule = config.rules[match.index]!;
  const requested = s3rverHeaderList(request.requestHeaders);
  const check = headersStep(rule.allowedHeaders ?? [], requested, wildcardMatchIgnoringCase);
  const lines = [...match.lines, `${rulePath(match.index)}: ${check.text}`];
  if (!check.ok) return refused(403, S3RVER.noMatch.code, S3RVER.noMatch.message, [...lines, "s3rver checks headers against this rule only: 403"]);
  const headers: Record<string, string> = { "access-control-allow-origin": "*", "access-control-allow-methods": rule.allowedMethods.join(", ") };
  if (request.requestHeaders) headers["access-control-allow-headers"] = requested.join(", ");
  headers["vary"] = AWS_VARY;
  return answered(
    200,
    headers,
    [...lines, ...notChecked(config.rules.length, match.index), `${rulePath(match.index)} answers the preflight with "*": 200`],
    match.index,
  );
}

function actual(config: EvaluableConfig | null, origin: string, match: RulePick, bucketExists: boolean): Evaluation {
  if (config === null)
    return answered(undefined, {}, [bucketExists ? "the bucket has no CORS configuration: no CORS headers" : "the bucket does not exist: no CORS headers"]);
  if (match.index === undefined) return answered(undefined, {}, [...match.lines, "no rule matches origin and method: no CORS headers"]);
  const rule = config.rules[match.index]!;
  const wildcard = rule.allowedOrigins.includes("*");
  const headers: Record<string, string> = { "access-control-allow-origin": wildcard ? "*" : origin };
  const expose = rule.exposeHeaders ?? [];
  if (expose.length > 0) headers["access-control-expose-headers"] = expose.join(", ");
  if (rule.maxAgeSeconds !== undefined) headers["access-control-max-age"] = String(rule.maxAgeSeconds);
  headers["access-control-allow-credentials"] = "true";
  headers["vary"] = AWS_VARY;
  const note = origin === "" ? ` (no Origin header: s3rver matches "" against ${quote("*")})` : "";
  return answered(
    undefined,
    headers,
    [...match.lines, ...notChecked(config.rules.length, match.index), `${rulePath(match.index)} adds the CORS headers${note}`],
    match.index,
  );
}

interface RulePick {
  readonly index: number | undefined;
  readonly lines: string[];
}

/** s3rver `matchRule`: the first rule matching origin (case-sensitive, `^…$` with `.*`) and method. */
function pickRule(rules: readonly EvaluableRule[], origin: string, method: string): RulePick {
  const lines: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const outcome = runSteps(index, [
      () => originStep(rule.allowedOrigins, origin, wildcardMatch),
      () => methodStep(rule.allowedMethods, method, (allowed, m) => allowed === m),
    ]);
    lines.push(outcome.line);
    if (outcome.ok) return { index, lines };
  }
  return { index: undefined, lines };
}
