import { s3XmlBody } from "../formats/s3-xml";
import { getProfile } from "../profiles";
import type { Profile, ProfileName } from "../profiles/types";
import { allowedHeaderProblem, exposeHeaderProblem } from "./header-rules";
import { type Issue, issue, show, warning } from "../model/issue";
import { isCorsMethod } from "../model/methods";
import { normalize } from "../model/normalize";
import { originProblem } from "./origin-rules";
import type { CorsConfigurationInput, CorsRuleInput } from "../model/schema";
import { checkRuleExpressible } from "./expressible";

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** The target's vendor profile; its limits and wildcard rules apply on top of the generic ones. @default "s3" */
  readonly profile?: ProfileName | Profile;
  /** Swift-like targets: accept rules the service can only hold in a wider form. @default false */
  readonly allowWidening?: boolean;
}

/** The most characters AWS accepts in a rule ID (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html). */
const MAX_ID_LENGTH = 255;

/**
 * Validates a configuration as written (methods in any case) and returns every
 * issue at once, each with its path, the value, the rule broken and the fix.
 * Generic rules come from AWS S3; the profile adds its own.
 */
export function validate(config: CorsConfigurationInput, options: ValidateOptions = {}): Issue[] {
  const profile = typeof options.profile === "object" ? options.profile : getProfile(options.profile ?? "s3");
  if (!profile.supports.perBucketCors.value) {
    return [issue("no-per-bucket-cors", "", `${profile.title} has no per-bucket CORS configuration; ${profile.alternative?.value ?? "configure CORS on the server instead"}`)];
  }
  const issues: Issue[] = [...checkRuleList(config, profile)];
  const firstIdAt = new Map<string, number>();
  config.rules.forEach((rule, index) => {
    issues.push(...checkRule(rule, `rules[${index}]`, profile));
    if (rule.id !== undefined) {
      const earlier = firstIdAt.get(rule.id);
      if (earlier === undefined) firstIdAt.set(rule.id, index);
      else issues.push(issue("id-duplicate", `rules[${index}].id`, `${show(rule.id)} is also the ID of rules[${earlier}]; rule IDs must be unique — rename one of them`));
    }
  });
  issues.push(...checkRuleExpressible(config, profile, options.allowWidening ?? false));
  if (issues.every((i) => i.severity !== "error")) issues.push(...checkDocumentSize(config, profile));
  return issues;
}

function checkRuleList(config: CorsConfigurationInput, profile: Profile): Issue[] {
  if (config.rules.length === 0) {
    return [issue("rules-empty", "rules", `[] is empty; a CORS configuration needs at least one rule — add a rule, or delete the policy to remove CORS from the bucket`)];
  }
  const max = profile.limits.maxRules.value;
  if (max !== null && config.rules.length > max) {
    return [issue("rules-too-many", "rules", `${config.rules.length} rules is more than the ${max} ${profile.title} accepts — merge rules that allow the same methods and headers`)];
  }
  return [];
}

function checkRule(rule: CorsRuleInput, at: string, profile: Profile): Issue[] {
  return [
    ...checkOrigins(rule.allowedOrigins, `${at}.allowedOrigins`, profile),
    ...checkMethods(rule.allowedMethods, `${at}.allowedMethods`, profile),
    ...(rule.allowedHeaders ?? []).flatMap((h, i) => {
      const p = allowedHeaderProblem(h, profile.headerWildcard.value, profile.title);
      return p === undefined ? [] : [issue(p.code, `${at}.allowedHeaders[${i}]`, p.text)];
    }),
    ...checkExposeHeaders(rule.exposeHeaders ?? [], `${at}.exposeHeaders`, profile),
    ...checkId(rule.id, `${at}.id`, profile),
    ...checkMaxAge(rule.maxAgeSeconds, `${at}.maxAgeSeconds`, profile),
  ];
}

function checkOrigins(origins: readonly string[], at: string, profile: Profile): Issue[] {
  if (origins.length === 0) {
    return [issue("origins-empty", at, `[] is empty; a rule needs at least one origin — add one, e.g. "https://app.example.com", or "*" for any site`)];
  }
  return origins.flatMap((origin, i) => {
    const p = originProblem(origin, profile.originWildcard.value, profile.title);
    return p === undefined ? [] : [issue(p.code, `${at}[${i}]`, p.text)];
  });
}

function checkMethods(methods: readonly string[], at: string, profile: Profile): Issue[] {
  const allowed = profile.methods.value;
  if (methods.length === 0) {
    return [issue("methods-empty", at, `[] is empty; a rule needs at least one method — add one of ${allowed.join(", ")}`)];
  }
  return methods.flatMap((method, i) => {
    const upper = method.toUpperCase();
    if (isCorsMethod(upper) && allowed.includes(upper)) return [];
    return [issue("method-unsupported", `${at}[${i}]`, `${show(method)} is not a method ${profile.title} allows in a CORS rule; allowed are ${allowed.join(", ")} — remove it`)];
  });
}

function checkExposeHeaders(headers: readonly string[], at: string, profile: Profile): Issue[] {
  const problems = headers.flatMap((h, i) => {
    const p = exposeHeaderProblem(h);
    return p === undefined ? [] : [issue(p.code, `${at}[${i}]`, p.text)];
  });
  const support = profile.supports.exposeHeaders;
  if (headers.length > 0 && !support.value) {
    const say = support.uncertain === true ? warning : issue;
    problems.push(say("expose-headers-unsupported", at, `${show(headers)} may not be honoured; ${profile.title} ${support.uncertain === true ? "is not known to serve" : "does not serve"} Access-Control-Expose-Headers (${support.source}) — check with a real request, or remove them`));
  }
  return problems;
}

function checkId(id: string | undefined, at: string, profile: Profile): Issue[] {
  if (id === undefined) return [];
  if (id.length > MAX_ID_LENGTH) {
    return [issue("id-too-long", at, `${show(id)} is ${id.length} characters; a rule ID may be at most ${MAX_ID_LENGTH} — shorten it`)];
  }
  const support = profile.supports.ruleIds;
  if (support.value) return [];
  if (support.uncertain === true) {
    return [warning("id-unsupported", at, `${show(id)} may be refused; ${profile.title} has been seen rejecting rule IDs (${support.source}) — remove the ID if the put fails with MalformedXML`)];
  }
  return [issue("id-unsupported", at, `${show(id)} cannot be stored; ${profile.title} keeps no rule IDs — remove it`)];
}

function checkMaxAge(maxAge: number | undefined, at: string, profile: Profile): Issue[] {
  if (maxAge === undefined) return [];
  if (!Number.isInteger(maxAge)) {
    return [issue("max-age-not-integer", at, `${show(maxAge)} is not a whole number; max-age is whole seconds — use ${Number.isFinite(maxAge) ? Math.max(0, Math.round(maxAge)) : 3600}`)];
  }
  if (maxAge < 0) {
    return [issue("max-age-negative", at, `${maxAge} is negative; max-age is seconds ≥ 0 — use 0 to stop browsers caching the preflight, or omit it`)];
  }
  const max = profile.limits.maxAgeSeconds.value;
  if (max !== null && maxAge > max) {
    return [issue("max-age-too-high", at, `${maxAge} is more than ${max}, the most ${profile.title} accepts — use ${max}`)];
  }
  return [];
}

function checkDocumentSize(config: CorsConfigurationInput, profile: Profile): Issue[] {
  const max = profile.limits.maxDocumentBytes.value;
  if (max === null || profile.backend.value !== "s3") return [];
  // The compact body SDKs send, not the pretty-printed one (about 10% larger).
  const bytes = Buffer.byteLength(s3XmlBody(normalize(config), false), "utf8");
  if (bytes <= max) return [];
  return [issue("document-too-large", "rules", `the rendered document is ${bytes} bytes, more than the ${max} ${profile.title} accepts — merge rules or shorten the origin lists`)];
}
