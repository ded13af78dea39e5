import { s3XmlBody } from "../formats/s3-xml";
import { codePointName, invalidXmlCharIndex } from "../formats/xml-text";
import { getProfile } from "../profiles";
import type { Profile, ProfileName } from "../profiles/types";
import { allowedHeaderProblem, exposeHeaderProblem } from "./header-rules";
import type { IssuePath } from "../model/issue";
import { isCorsMethod } from "../model/methods";
import { normalize } from "../model/normalize";
import { originProblem } from "./origin-rules";
import type { CorsConfigurationInput, CorsRuleInput } from "../model/schema";
import { checkRuleExpressible } from "./expressible";
import { type OptInWords, validationIssue, type ValidationIssue } from "./messages";

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** The target's vendor profile; its limits and wildcard rules apply on top of the generic ones. @default "s3" */
  readonly profile?: ProfileName | Profile;
  /** Swift-like targets: accept rules the service can only hold in a wider form. @default false */
  readonly allowWidening?: boolean;
  /**
   * Whose words name the opt-in to widening in a refusal: the resource's `swift.allowWidening`, or the CLI's `--allow-widening`.
   * @default "resource"
   */
  readonly optInWords?: NonNullable<OptInWords>;
}

/** The most characters AWS accepts in a rule ID (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html). */
const MAX_ID_LENGTH = 255;

/**
 * Validates a configuration as written (methods in any case) and returns every
 * issue at once, each with its path, the value, the rule broken and the fix.
 * Generic rules come from AWS S3; the profile adds its own.
 */
export function validate(config: CorsConfigurationInput, options: ValidateOptions = {}): ValidationIssue[] {
  const profile = typeof options.profile === "object" ? options.profile : getProfile(options.profile ?? "s3");
  if (!profile.supports.perBucketCors.value) {
    return [
      validationIssue("no-per-bucket-cors", [], { vendor: profile.title, alternative: profile.alternative?.value ?? "configure CORS on the server instead" }),
    ];
  }
  const issues: ValidationIssue[] = [...checkRuleList(config, profile)];
  const firstIdAt = new Map<string, number>();
  config.rules.forEach((rule, index) => {
    issues.push(...checkRule(rule, ["rules", index], profile));
    if (rule.id !== undefined) {
      const earlier = firstIdAt.get(rule.id);
      if (earlier === undefined) firstIdAt.set(rule.id, index);
      else issues.push(validationIssue("id-duplicate", ["rules", index, "id"], { id: rule.id, earlier }));
    }
  });
  issues.push(...checkRuleExpressible(config, profile, options.allowWidening ?? false, options.optInWords ?? "resource"));
  if (issues.every((i) => i.severity !== "error")) issues.push(...checkDocumentSize(config, profile));
  return issues;
}

function checkRuleList(config: CorsConfigurationInput, profile: Profile): ValidationIssue[] {
  if (config.rules.length === 0) {
    return [validationIssue("rules-empty", ["rules"], {})];
  }
  const max = profile.limits.maxRules.value;
  if (max !== null && config.rules.length > max) {
    return [validationIssue("rules-too-many", ["rules"], { count: config.rules.length, max, vendor: profile.title })];
  }
  return [];
}

function checkRule(rule: CorsRuleInput, at: IssuePath, profile: Profile): ValidationIssue[] {
  return [
    ...checkOrigins(rule.allowedOrigins, [...at, "allowedOrigins"], profile),
    ...checkMethods(rule.allowedMethods, [...at, "allowedMethods"], profile),
    ...(rule.allowedHeaders ?? []).flatMap((h, i) => allowedHeaderProblem(h, [...at, "allowedHeaders", i], profile.headerWildcard.value, profile.title) ?? []),
    ...wildcardAlone(rule.allowedHeaders ?? [], [...at, "allowedHeaders"], "allowedHeaders", profile),
    ...checkExposeHeaders(rule.exposeHeaders ?? [], [...at, "exposeHeaders"], profile),
    ...checkId(rule.id, [...at, "id"], profile),
    ...checkMaxAge(rule.maxAgeSeconds, [...at, "maxAgeSeconds"], profile),
  ];
}

function checkOrigins(origins: readonly string[], at: IssuePath, profile: Profile): ValidationIssue[] {
  if (origins.length === 0) return [validationIssue("origins-empty", at, {})];
  const problems = origins.flatMap((origin, i) => originProblem(origin, [...at, i], profile.originWildcard.value, profile.title) ?? []);
  return [...problems, ...wildcardAlone(origins, at, "allowedOrigins", profile)];
}

/** B2: a bare `*` must be the only entry of its list; reported at the `*`, a warning when the fact is uncertain. */
function wildcardAlone(list: readonly string[], at: IssuePath, name: "allowedOrigins" | "allowedHeaders", profile: Profile): ValidationIssue[] {
  const fact = profile.wildcardEntryAlone;
  const star = list.indexOf("*");
  if (fact?.value !== true || star < 0 || list.length === 1) return [];
  const severity = fact.uncertain === true ? "warning" : "error";
  return [validationIssue("wildcard-not-alone", [...at, star], { list: name, vendor: profile.title, others: list.length - 1 }, severity)];
}

function checkMethods(methods: readonly string[], at: IssuePath, profile: Profile): ValidationIssue[] {
  const allowed = profile.methods.value;
  if (methods.length === 0) {
    return [validationIssue("methods-empty", at, { allowed })];
  }
  return methods.flatMap((method, i) => {
    const upper = method.toUpperCase();
    if (isCorsMethod(upper) && allowed.includes(upper)) return [];
    return [validationIssue("method-unsupported", [...at, i], { method, vendor: profile.title, allowed })];
  });
}

function checkExposeHeaders(headers: readonly string[], at: IssuePath, profile: Profile): ValidationIssue[] {
  const problems = headers.flatMap((h, i) => exposeHeaderProblem(h, [...at, i]) ?? []);
  const support = profile.supports.exposeHeaders;
  if (headers.length > 0 && !support.value) {
    const uncertain = support.uncertain === true;
    problems.push(
      validationIssue("expose-headers-unsupported", at, { headers, vendor: profile.title, uncertain, source: support.source }, uncertain ? "warning" : "error"),
    );
  }
  return problems;
}

function checkId(id: string | undefined, at: IssuePath, profile: Profile): ValidationIssue[] {
  if (id === undefined) return [];
  if (id.length > MAX_ID_LENGTH) {
    return [validationIssue("id-too-long", at, { id, length: id.length, max: MAX_ID_LENGTH })];
  }
  const support = profile.supports.ruleIds;
  if (support.value) {
    // The ID travels as XML text; a character XML 1.0 cannot carry (NUL, C0 controls, a lone surrogate) could never be stored.
    const bad = invalidXmlCharIndex(id);
    if (bad >= 0) return [validationIssue("id-characters", at, { id, character: codePointName(id, bad) })];
    return checkIdFormat(id, at, profile);
  }
  const uncertain = support.uncertain === true;
  return [validationIssue("id-unsupported", at, { id, vendor: profile.title, uncertain, source: support.source }, uncertain ? "warning" : "error")];
}

/** A vendor's own rule-name format (B2's corsRuleName); a warning while it is not known that the ID becomes that name. */
function checkIdFormat(id: string, at: IssuePath, profile: Profile): ValidationIssue[] {
  const format = profile.ruleIdFormat;
  if (format === undefined || new RegExp(format.value.pattern).test(id)) return [];
  const uncertain = format.uncertain === true;
  return [validationIssue("id-format", at, { id, vendor: profile.title, description: format.value.description, uncertain }, uncertain ? "warning" : "error")];
}

function checkMaxAge(maxAge: number | undefined, at: IssuePath, profile: Profile): ValidationIssue[] {
  if (maxAge === undefined) return [];
  if (!Number.isInteger(maxAge)) {
    return [validationIssue("max-age-not-integer", at, { value: maxAge })];
  }
  if (maxAge < 0) {
    return [validationIssue("max-age-negative", at, { value: maxAge })];
  }
  const max = profile.limits.maxAgeSeconds.value;
  if (max !== null && maxAge > max) {
    return [validationIssue("max-age-too-high", at, { value: maxAge, max, vendor: profile.title })];
  }
  // Above 2^53 - 1 the number is not the one written, and JSON/the AWS SDK send 1e21 and up in exponent form (issue 23, item 9).
  if (maxAge > Number.MAX_SAFE_INTEGER) {
    return [validationIssue("max-age-unwritable", at, { value: maxAge, max: Number.MAX_SAFE_INTEGER })];
  }
  // The put succeeds and the value is gone (profiles/types.ts, maxAgeKept): refused, since the bucket would hold other
  // rules than written and the read-back could never confirm them (issue 23, item 9).
  const kept = profile.limits.maxAgeKept?.value;
  if (kept !== undefined && maxAge > kept) {
    return [validationIssue("max-age-dropped", at, { value: maxAge, kept, vendor: profile.title })];
  }
  return [];
}

function checkDocumentSize(config: CorsConfigurationInput, profile: Profile): ValidationIssue[] {
  const max = profile.limits.maxDocumentBytes.value;
  if (max === null || profile.backend.value !== "s3") return [];
  // Rendering the document was a fifth of `check`'s time (issue 21, item 5): only a policy that may be near the limit is rendered.
  if (documentCeiling(config) <= max) return [];
  // The compact body SDKs send, not the pretty-printed one (about 10% larger).
  let body: string;
  try {
    body = s3XmlBody(normalize(config), false);
  } catch {
    return []; // the codec refuses only characters XML cannot carry, which the checks above report with their paths
  }
  const bytes = Buffer.byteLength(body, "utf8");
  if (bytes <= max) return [];
  return [validationIssue("document-too-large", ["rules"], { bytes, max, vendor: profile.title })];
}

/** Bytes of markup around one value (`<AllowedOrigin></AllowedOrigin>` is 31) or one rule, and around the rules: rounded up. */
const ELEMENT_BYTES = 32;
const DOCUMENT_BYTES = 256;
/**
 * Bytes one character of a value may take in the rendered document, at most: lower-casing may
 * make two UTF-16 units of one (U+0130), and escaping makes one at most ten bytes (`&#1114111;`).
 */
const CHARACTER_BYTES = 20;

/**
 * More bytes than the compact S3 XML document of `config` can take, computed without rendering
 * it. `maxAgeSeconds` is a safe integer by then (`checkMaxAge`): 16 digits at most.
 */
function documentCeiling(config: CorsConfigurationInput): number {
  const value = (text: string): number => ELEMENT_BYTES + CHARACTER_BYTES * text.length;
  const values = (list: readonly string[] | undefined): number => (list ?? []).reduce((sum, text) => sum + value(text), 0);
  return config.rules.reduce(
    (sum, rule) =>
      sum +
      ELEMENT_BYTES +
      (rule.id === undefined ? 0 : value(rule.id)) +
      values(rule.allowedOrigins) +
      values(rule.allowedMethods) +
      values(rule.allowedHeaders) +
      values(rule.exposeHeaders) +
      (rule.maxAgeSeconds === undefined ? 0 : value("9".repeat(16))),
    DOCUMENT_BYTES,
  );
}
