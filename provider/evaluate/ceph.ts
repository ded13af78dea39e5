import { isCorsMethod } from "../model/methods";
import { cephHeaderAllowed, cephHeaders } from "./ceph-headers";
import { quote, rulePath } from "./describe";
import { notChecked } from "./first-match";
import { cephHeaderList } from "./header-lists";
import type { RequestView } from "./request";
import { answered, refused } from "./result";
import { headersStep, methodStep, originStep, runSteps } from "./steps";
import type { EvaluableConfig, EvaluableRule, Evaluation } from "./types";
import { cephMatch } from "./wildcard";

/**
 * RGW's errors carry an empty `<Message>` (docs/test-servers.md, "Ceph RGW: behaviour observed": the JS SDK then
 * reports "UnknownError"). Codes and statuses as observed on 16.2.15.
 */
const CEPH = {
  noBucket: { status: 404, code: "NoSuchBucket" },
  badRequest: { status: 400, code: "InvalidArgument" },
  denied: { status: 403, code: "AccessDenied" },
} as const;

/**
 * Evaluates like Ceph RGW 16.2.15 (`RGWOptionsCORS::execute` and
 * `RGWOp::generate_cors_headers` in src/rgw/rgw_op.cc; docs/cors-semantics.md, "13. Ceph RGW").
 * The rule is chosen by origin alone (`host_name_rule`); method and headers
 * are then checked against that rule only (ceph/ceph#69190 changed this in
 * 2026). A header that is present but empty counts as present, as in RGW.
 */
export function evaluateCeph(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  return request.isPreflight ? cephPreflight(config, request, bucketExists) : cephActual(config, request, bucketExists);
}

function cephPreflight(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const { origin, requestMethod: acrm } = request;
  if (!bucketExists) return fail(CEPH.noBucket, "the bucket does not exist: RGW answers 404 before any CORS check");
  if (origin === undefined) return fail(CEPH.badRequest, "no Origin header: RGW answers 400 InvalidArgument");
  if (acrm === undefined) return fail(CEPH.badRequest, "no Access-Control-Request-Method header: RGW answers 400 InvalidArgument");
  if (config === null) return fail(CEPH.denied, "the bucket has no CORS configuration: RGW answers 403");
  const chosen = chooseByOrigin(config.rules, origin);
  if (chosen.index === undefined) return fail(CEPH.denied, ...chosen.lines, "no rule lists the origin: 403");
  const rule = config.rules[chosen.index]!;
  const requested = cephHeaderList(request.requestHeaders);
  const check = runSteps(chosen.index, [
    () => originStep(rule.allowedOrigins, origin, (p, o) => cephMatch([p], o)),
    () => methodStep(rule.allowedMethods, acrm, cephMethodEqual),
    () => headersStep(rule.allowedHeaders ?? [], requested, (p, h) => cephMatch([p.toLowerCase()], h.toLowerCase())),
  ]);
  const lines = [...chosen.lines.slice(0, -1), check.line];
  if (!check.ok) return fail(CEPH.denied, ...lines, `RGW chose ${rulePath(chosen.index)} by origin alone and consults no other rule: 403`);
  const headers = cephHeaders(rule, origin, acrm, requested);
  const note =
    origin === ""
      ? "the Origin is empty, so RGW sends no CORS headers: 200"
      : `${rulePath(chosen.index)} answers the preflight, echoing the origin even for "*": 200`;
  return answered(200, headers, [...lines, ...notChecked(config.rules.length, chosen.index), note], chosen.index);
}

/**
 * Actual requests (`generate_cors_headers`): headers when the origin picks a
 * rule and the method (Access-Control-Request-Method if sent, else the
 * request's) is allowed. Requested headers are filtered, not enforced. A
 * `*` rule answers `*` only to a request without `Authorization`.
 */
function cephActual(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const { origin } = request;
  if (origin === undefined) return answered(undefined, {}, ["no Origin header: no CORS headers"]);
  if (!bucketExists) return answered(undefined, {}, ["the bucket does not exist: no CORS headers"]);
  if (config === null) return answered(undefined, {}, ["the bucket has no CORS configuration: no CORS headers"]);
  const chosen = chooseByOrigin(config.rules, origin);
  if (chosen.index === undefined) return answered(undefined, {}, [...chosen.lines, "no rule lists the origin: no CORS headers"]);
  const rule = config.rules[chosen.index]!;
  const method = request.requestMethod ?? request.method;
  const methodCheck = methodStep(rule.allowedMethods, method, cephMethodEqual);
  const lines = [...chosen.lines.slice(0, -1)];
  if (!methodCheck.ok) return answered(undefined, {}, [...lines, `${rulePath(chosen.index)}: chosen by origin, but ${methodCheck.text}: no CORS headers`]);
  const allowOrigin = !request.authorized && rule.allowedOrigins.includes("*") ? "*" : origin;
  const allowed = cephHeaderList(request.requestHeaders).filter((h) => cephHeaderAllowed(rule, h));
  const how = allowOrigin === "*" ? `"*" (anonymous request, "*" rule)` : quote(allowOrigin);
  return answered(
    undefined,
    cephHeaders(rule, allowOrigin, method, allowed),
    [...lines, `${rulePath(chosen.index)}: chosen by origin, ${methodCheck.text}; Allow-Origin ${how}`],
    chosen.index,
  );
}

/** RGW `host_name_rule`: the first rule with a matching AllowedOrigin; the last line names the chosen rule. */
function chooseByOrigin(rules: readonly EvaluableRule[], origin: string): { index: number | undefined; lines: string[] } {
  const lines: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const step = originStep(rule.allowedOrigins, origin, (p, o) => cephMatch([p], o));
    lines.push(`${rulePath(index)}: ${step.text}`);
    if (step.ok) return { index, lines };
  }
  return { index: undefined, lines };
}

/** RGW maps the method to a flag with `strcmp`: only the five upper-case names can match (`put` → 403, docs/cors-semantics.md, "13. Ceph RGW"). */
function cephMethodEqual(allowed: string, method: string): boolean {
  return isCorsMethod(method) && allowed.toUpperCase() === method;
}

function fail(error: { status: number; code: string }, ...explanation: string[]): Evaluation {
  return refused(error.status, error.code, "", explanation);
}
