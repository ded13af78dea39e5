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
 * How RGW picks the rule that answers:
 * - `origin-only`: the first rule listing the origin (`host_name_rule`), method and headers checked on that rule only
 *   (every release up to 19.x squid, and 20.2.x tentacle up to 20.2.2: red-hat-storage/ceph-qe-scripts#895);
 * - `full-match`: the first rule matching origin, method and (on a preflight) every requested header, like AWS
 *   (`RGWCORSConfiguration::match_rule`, ceph/ceph#69190, backported to tentacle by ceph/ceph#69647).
 */
export type CephRuleChoice = "origin-only" | "full-match";

/**
 * Evaluates like Ceph RGW 16.2.15 (`RGWOptionsCORS::execute` and
 * `RGWOp::generate_cors_headers` in src/rgw/rgw_op.cc; docs/cors-semantics.md, "13. Ceph RGW").
 * The rule is chosen by origin alone (`host_name_rule`); method and headers
 * are then checked against that rule only. A header that is present but empty
 * counts as present, as in RGW. This is the `ceph-legacy` dialect.
 */
export function evaluateCephLegacy(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  return evaluateRgw(config, request, bucketExists, "origin-only");
}

/**
 * Evaluates like an RGW with ceph/ceph#69190 (the `ceph` dialect): the first rule whose origin,
 * method and every requested header match answers, as on AWS. Everything else (error codes, the
 * headers sent, case rules) is RGW 16.2's, which the change did not touch (it replaces only the rule
 * lookup in `RGWOptionsCORS` and `generate_cors_headers`); not yet checked against a running release.
 */
export function evaluateCeph(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  return evaluateRgw(config, request, bucketExists, "full-match");
}

function evaluateRgw(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean, choice: CephRuleChoice): Evaluation {
  return request.isPreflight ? cephPreflight(config, request, bucketExists, choice) : cephActual(config, request, bucketExists, choice);
}

function cephPreflight(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean, choice: CephRuleChoice): Evaluation {
  const { origin, requestMethod: acrm } = request;
  if (!bucketExists) return fail(CEPH.noBucket, "the bucket does not exist: RGW answers 404 before any CORS check");
  if (origin === undefined) return fail(CEPH.badRequest, "no Origin header: RGW answers 400 InvalidArgument");
  if (acrm === undefined) return fail(CEPH.badRequest, "no Access-Control-Request-Method header: RGW answers 400 InvalidArgument");
  if (config === null) return fail(CEPH.denied, "the bucket has no CORS configuration: RGW answers 403");
  const requested = cephHeaderList(request.requestHeaders);
  if (choice === "full-match") return fullMatchPreflight(config, origin, acrm, requested);
  const chosen = chooseByOrigin(config.rules, origin);
  if (chosen.index === undefined) return fail(CEPH.denied, ...chosen.lines, "no rule lists the origin: 403");
  const rule = config.rules[chosen.index]!;
  const check = runSteps(chosen.index, [
    () => originStep(rule.allowedOrigins, origin, (p, o) => cephMatch([p], o)),
    () => methodStep(rule.allowedMethods, acrm, cephMethodEqual),
    () => headersStep(rule.allowedHeaders ?? [], requested, (p, h) => cephMatch([p.toLowerCase()], h.toLowerCase())),
  ]);
  const lines = [...chosen.lines.slice(0, -1), check.line];
  if (!check.ok) return fail(CEPH.denied, ...lines, `RGW chose ${rulePath(chosen.index)} by origin alone and consults no other rule: 403`);
  return preflightAnswer(rule, chosen.index, origin, acrm, requested, [...lines, ...notChecked(config.rules.length, chosen.index)]);
}

/** ceph/ceph#69190: `match_rule` walks the rules in order; a rule failing on method or headers passes the request on to the next. */
function fullMatchPreflight(config: EvaluableConfig, origin: string, acrm: string, requested: readonly string[]): Evaluation {
  const lines: string[] = [];
  for (const [index, rule] of config.rules.entries()) {
    const check = runSteps(index, [
      () => originStep(rule.allowedOrigins, origin, (p, o) => cephMatch([p], o)),
      () => methodStep(rule.allowedMethods, acrm, cephMethodEqual),
      () => headersStep(rule.allowedHeaders ?? [], requested, (p, h) => cephMatch([p.toLowerCase()], h.toLowerCase())),
    ]);
    lines.push(check.line);
    if (check.ok) return preflightAnswer(rule, index, origin, acrm, requested, [...lines, ...notChecked(config.rules.length, index)]);
  }
  return fail(CEPH.denied, ...lines, "no rule matches origin, method and headers: 403");
}

function preflightAnswer(rule: EvaluableRule, index: number, origin: string, acrm: string, requested: readonly string[], lines: string[]): Evaluation {
  const note =
    origin === "" ? "the Origin is empty, so RGW sends no CORS headers: 200" : `${rulePath(index)} answers the preflight, echoing the origin even for "*": 200`;
  return answered(200, cephHeaders(rule, origin, acrm, requested), [...lines, note], index);
}

/**
 * Actual requests (`generate_cors_headers`): headers when the origin picks a
 * rule and the method (Access-Control-Request-Method if sent, else the
 * request's) is allowed. Requested headers are filtered, not enforced. A
 * `*` rule answers `*` only to a request without `Authorization`.
 */
function cephActual(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean, choice: CephRuleChoice): Evaluation {
  const { origin } = request;
  if (origin === undefined) return answered(undefined, {}, ["no Origin header: no CORS headers"]);
  if (!bucketExists) return answered(undefined, {}, ["the bucket does not exist: no CORS headers"]);
  if (config === null) return answered(undefined, {}, ["the bucket has no CORS configuration: no CORS headers"]);
  const method = request.requestMethod ?? request.method;
  if (choice === "full-match") return fullMatchActual(config, request, origin, method);
  const chosen = chooseByOrigin(config.rules, origin);
  if (chosen.index === undefined) return answered(undefined, {}, [...chosen.lines, "no rule lists the origin: no CORS headers"]);
  const rule = config.rules[chosen.index]!;
  const methodCheck = methodStep(rule.allowedMethods, method, cephMethodEqual);
  const lines = [...chosen.lines.slice(0, -1)];
  if (!methodCheck.ok) return answered(undefined, {}, [...lines, `${rulePath(chosen.index)}: chosen by origin, but ${methodCheck.text}: no CORS headers`]);
  return actualAnswer(rule, chosen.index, request, origin, method, [...lines, `${rulePath(chosen.index)}: chosen by origin, ${methodCheck.text}`]);
}

/** ceph/ceph#69190 on a request that is not a preflight: the first rule matching origin and method; requested headers are filtered, not matched. */
function fullMatchActual(config: EvaluableConfig, request: RequestView, origin: string, method: string): Evaluation {
  const lines: string[] = [];
  for (const [index, rule] of config.rules.entries()) {
    const check = runSteps(index, [
      () => originStep(rule.allowedOrigins, origin, (p, o) => cephMatch([p], o)),
      () => methodStep(rule.allowedMethods, method, cephMethodEqual),
    ]);
    if (check.ok) return actualAnswer(rule, index, request, origin, method, [...lines, check.line]);
    lines.push(check.line);
  }
  return answered(undefined, {}, [...lines, "no rule matches origin and method: no CORS headers"]);
}

/** The headers of an actual request's answer; the last explanation line gets how Allow-Origin was chosen. */
function actualAnswer(rule: EvaluableRule, index: number, request: RequestView, origin: string, method: string, lines: string[]): Evaluation {
  const allowOrigin = !request.authorized && rule.allowedOrigins.includes("*") ? "*" : origin;
  const allowed = cephHeaderList(request.requestHeaders).filter((h) => cephHeaderAllowed(rule, h));
  const how = allowOrigin === "*" ? `"*" (anonymous request, "*" rule)` : quote(allowOrigin);
  const last = lines.length - 1;
  return answered(undefined, cephHeaders(rule, allowOrigin, method, allowed), [...lines.slice(0, last), `${lines[last]}; Allow-Origin ${how}`], index);
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
