import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { CORS_METHODS } from "../model/methods";
import { normalize, normalizeRule } from "../model/normalize";
import type { CorsConfiguration, CorsRule } from "../model/schema";
import { settingsKey, swiftContainerOf, swiftRuleOf, wideningIssuesOf } from "../model/swift-container";
import { getProfile } from "../profiles";
import { asText, textSizeIssue } from "./limits";
import { clipName, decoded, isRecord, neverThrows, own, parseWholeNumber } from "./read";
import { refuseUnless } from "./refuse";
import { checkJsonValue } from "./value-guard";
import type { Codec, DecodeResult, EncodeOptions, SwiftHeaders } from "./types";
import { codePointName } from "./xml-text";

/** Container metadata Swift's CORS middleware reads (https://docs.openstack.org/swift/latest/cors.html). */
export const SWIFT_ALLOW_ORIGIN = "X-Container-Meta-Access-Control-Allow-Origin";
export const SWIFT_MAX_AGE = "X-Container-Meta-Access-Control-Max-Age";
export const SWIFT_EXPOSE_HEADERS = "X-Container-Meta-Access-Control-Expose-Headers";

const SWIFT_HEADERS = [SWIFT_ALLOW_ORIGIN, SWIFT_MAX_AGE, SWIFT_EXPOSE_HEADERS] as const;
const CORS_PREFIX = "x-container-meta-access-control-";

/**
 * OpenStack Swift container metadata. Swift holds one implicit CORS rule per
 * container: the listed origins (space-separated), every method, and every
 * request header a preflight asks for; plus Max-Age and Expose-Headers
 * (model/swift-container.ts). So a decoded document is that one rule, and an
 * encoded policy is what the container holds for it.
 *
 * `encode` refuses what would widen unless the caller opts in (`allowWidening`), with
 * the one widening refusal (`wideningIssuesOf`, model/swift-container.ts), which
 * validation also runs before every put and in `renderPolicy`: a direct caller of the
 * codec never gets a wider container policy than its rules say without an issue.
 * Rules that differ only in their origins merge into one Allow-Origin list with a
 * warning from `limitations`: for one setting shared by all origins, "rule A or
 * rule B" and "one rule with both origin lists" answer every preflight the same.
 */
export const swiftHeaders: Codec = {
  name: "swift-headers",
  decode: neverThrows("Swift metadata", decodeSwift),
  limitations: swiftLimitations,
  encode(config: CorsConfiguration, options: EncodeOptions = {}): SwiftHeaders {
    const widening = options.allowWidening === true ? [] : wideningIssuesOf(normalize(config), getProfile("swift"), "codec");
    refuseUnless("swift-headers", [...widening, ...swiftLimitations(config)]);
    const held = normalizeRule(swiftRuleOf(swiftContainerOf(normalize(config))));
    const out: SwiftHeaders = { [SWIFT_ALLOW_ORIGIN]: held.allowedOrigins.join(" ") };
    if (held.maxAgeSeconds !== undefined)
      out[SWIFT_MAX_AGE] = Number.isInteger(held.maxAgeSeconds) ? BigInt(held.maxAgeSeconds).toString() : String(held.maxAgeSeconds);
    if (held.exposeHeaders !== undefined) out[SWIFT_EXPOSE_HEADERS] = held.exposeHeaders.join(" ");
    return out;
  },
};

function swiftLimitations(config: CorsConfiguration): Issue[] {
  const rules = normalize(config).rules;
  if (rules.length === 0) {
    return [formatIssue("swift-no-rules", ["rules"], {})];
  }
  const issues: Issue[] = [];
  const first = settingsKey(rules[0] as CorsRule);
  if (rules.length > 1 && rules.every((r) => settingsKey(r) === first)) {
    issues.push(formatIssue("swift-rules-merged", ["rules"], { count: rules.length }));
  }
  rules.forEach((rule, index) => issues.push(...ruleLimitations(rule, ["rules", index])));
  return issues;
}

function ruleLimitations(rule: CorsRule, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  if (rule.id !== undefined) {
    issues.push(formatIssue("swift-id", [...path, "id"], { id: rule.id }));
  }
  const extra = rule.allowedMethods.filter((m) => !(CORS_METHODS as readonly string[]).includes(m));
  if (extra.length > 0) {
    issues.push(formatIssue("swift-methods-unknown", [...path, "allowedMethods"], { extra }));
  }
  if (rule.allowedOrigins.length === 0) {
    issues.push(formatIssue("swift-no-origins", [...path, "allowedOrigins"], {}));
  }
  rule.allowedOrigins.forEach((v, i) => issues.push(...tokenLimitations(v, [...path, "allowedOrigins", i])));
  (rule.exposeHeaders ?? []).forEach((v, i) => issues.push(...tokenLimitations(v, [...path, "exposeHeaders", i])));
  return issues;
}

/** Swift metadata is an HTTP header of space-separated values: each value must be non-empty printable ASCII without spaces. */
function tokenLimitations(value: string, path: IssuePath): Issue[] {
  if (value === "") return [formatIssue("swift-empty-value", path, {})];
  const bad = /[^\x21-\x7e]/u.exec(value);
  if (bad === null) return [];
  const what = bad[0] === " " ? "a space" : codePointName(value, bad.index);
  return [formatIssue("swift-value-character", path, { value, what })];
}

function decodeSwift(input: unknown): DecodeResult {
  const issues: Issue[] = [];
  const headers = readHeaders(input, issues);
  if (headers === undefined) return { issues };
  const value = (name: string): string | undefined => {
    const raw = headers.get(name.toLowerCase())?.trim();
    return raw === undefined || raw === "" ? undefined : raw;
  };
  const origins = value(SWIFT_ALLOW_ORIGIN);
  if (origins === undefined) {
    issues.push(formatIssue("swift-no-allow-origin", [SWIFT_ALLOW_ORIGIN], {}));
    return { issues };
  }
  const expose = value(SWIFT_EXPOSE_HEADERS);
  const maxAge = value(SWIFT_MAX_AGE);
  const seconds = maxAge === undefined ? undefined : parseWholeNumber(maxAge, ["rules", 0, "maxAgeSeconds"], SWIFT_MAX_AGE, issues);
  // Swift allows every method and echoes every requested header: the one rule says so explicitly.
  const rule = swiftRuleOf({ origins: origins.split(/\s+/), exposeHeaders: expose?.split(/\s+/) ?? [], maxAgeSeconds: seconds });
  return decoded([rule], issues);
}

/** The CORS headers of a header object or `Name: value` text, keyed by lower-cased name; other headers are ignored. */
function readHeaders(input: unknown, issues: Issue[]): Map<string, string> | undefined {
  const text = asText(input);
  let entries: [string, unknown][];
  if (text !== undefined) {
    const tooLarge = textSizeIssue(text);
    if (tooLarge !== undefined) {
      issues.push(tooLarge);
      return undefined;
    }
    entries = text.split(/\r?\n/).flatMap((line): [string, unknown][] => {
      const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
      return match === null ? [] : [[match[1] as string, match[2]]];
    });
  } else if (isRecord(input)) {
    const guards = checkJsonValue(input);
    if (guards.length > 0) {
      issues.push(...guards);
      return undefined;
    }
    entries = Object.keys(input).map((k) => [k, own(input, k)]);
  } else {
    issues.push(formatIssue("swift-not-headers", [], { value: input, header: SWIFT_ALLOW_ORIGIN }));
    return undefined;
  }
  const found = new Map<string, string>();
  const spelled = new Map<string, string>();
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!lower.startsWith(CORS_PREFIX)) continue;
    const canonical = SWIFT_HEADERS.find((h) => h.toLowerCase() === lower);
    if (canonical === undefined) {
      issues.push(formatIssue("swift-ignored-header", [clipName(name)], { value, headers: SWIFT_HEADERS }));
      continue;
    }
    const previous = spelled.get(lower);
    if (previous !== undefined) {
      issues.push(formatIssue("swift-repeated-header", [canonical], { first: previous, second: name }));
      continue;
    }
    spelled.set(lower, name);
    if (typeof value !== "string") {
      issues.push(formatIssue("swift-header-not-string", [canonical], { value }));
      continue;
    }
    found.set(lower, value);
  }
  return issues.some((i) => i.severity === "error") ? undefined : found;
}
