import { type Issue, show, type IssuePath } from "../model/issue";
import { formatIssue, formatWarning } from "./codes";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsRule, CorsRuleInput } from "../model/schema";
import { at, decoded, describeType, isRecord, missingField, neverThrows, own, readString, readStringList, readWholeNumber, showValue, unknownField } from "./read";
import { isS3RuleKey, readS3Rule, s3StyleKeys } from "./s3-rule";
import { readJsonInput } from "./safe-json";
import type { Codec, DecodeResult } from "./types";

const RULE_KEYS = ["id", "allowed", "exposeHeaders", "maxAgeSeconds"] as const;
const ALLOWED_KEYS = ["origins", "methods", "headers"] as const;

/** Where an S3 field goes in a Cloudflare rule, for the fix of a rule that mixes both shapes. */
const S3_FIELD_HOME: Readonly<Record<string, string>> = {
  ID: '"id"',
  Id: '"id"',
  id: '"id"',
  AllowedOrigins: '"allowed": {"origins": […]}',
  allowedOrigins: '"allowed": {"origins": […]}',
  AllowedMethods: '"allowed": {"methods": […]}',
  allowedMethods: '"allowed": {"methods": […]}',
  AllowedHeaders: '"allowed": {"headers": […]}',
  allowedHeaders: '"allowed": {"headers": […]}',
  ExposeHeaders: '"exposeHeaders"',
  ExposedHeaders: '"exposeHeaders"',
  exposedHeaders: '"exposeHeaders"',
  MaxAgeSeconds: '"maxAgeSeconds"',
  MaxAge: '"maxAgeSeconds"',
  maxAge: '"maxAgeSeconds"',
};

/** The Cloudflare shape, quoted in hints (cloudflare/workers-sdk#8486). */
const R2_SHAPE = `{"rules":[{"allowed":{"origins":[…],"methods":[…],"headers":[…]},"exposeHeaders":[…],"maxAgeSeconds":N}]}`;

/**
 * Cloudflare's REST API (`PUT /accounts/{id}/r2/buckets/{bucket}/cors`) and
 * `wrangler r2 bucket cors set --file`: `{"rules":[{"id","allowed":{"origins",
 * "methods","headers"},"exposeHeaders","maxAgeSeconds"}]}`. Also reads the GET
 * response envelope `{"success":…,"result":{"rules":[…]}}`, and S3-shaped rules
 * inside `rules` (converted with a warning rather than refused as wrangler
 * does, cloudflare/workers-sdk#8486 and #10076).
 * https://developers.cloudflare.com/api/resources/r2/subresources/buckets/subresources/cors/
 */
export const cloudflareApi: Codec = {
  name: "cloudflare-api",
  decode: neverThrows("Cloudflare API JSON", decodeCloudflare),
  limitations: () => [],
  encode(config: CorsConfiguration): string {
    return JSON.stringify({ rules: normalize(config).rules.map(writeRule) }, null, 2);
  },
};

function writeRule(rule: CorsRule): Record<string, unknown> {
  const allowed: Record<string, unknown> = { origins: rule.allowedOrigins, methods: rule.allowedMethods };
  if (rule.allowedHeaders !== undefined) allowed["headers"] = rule.allowedHeaders;
  const out: Record<string, unknown> = {};
  if (rule.id !== undefined) out["id"] = rule.id;
  out["allowed"] = allowed;
  if (rule.exposeHeaders !== undefined) out["exposeHeaders"] = rule.exposeHeaders;
  if (rule.maxAgeSeconds !== undefined) out["maxAgeSeconds"] = rule.maxAgeSeconds;
  return out;
}

function decodeCloudflare(input: unknown): DecodeResult {
  const parsed = readJsonInput(input);
  if (!parsed.ok) return { issues: parsed.issues };
  const issues: Issue[] = [];
  const list = rulesList(parsed.value, issues);
  if (list === undefined) return { issues };
  const rules = list.flatMap((item: unknown, index) => {
    const rule = readRule(item, index, issues);
    return rule === undefined ? [] : [rule];
  });
  return decoded(rules, issues);
}

/** The `rules` list, unwrapping the API's response envelope; warns about a bare list. */
function rulesList(value: unknown, issues: Issue[]): unknown[] | undefined {
  if (Array.isArray(value)) {
    issues.push(formatWarning("missing-wrapper", [], `the rules are a bare list; Cloudflare's API wants {"rules": […]} — converted; wrap the list in {"rules": …}`));
    return value;
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("wrong-type", [], `${showValue(value)} is ${describeType(value)}; Cloudflare's CORS JSON is an object ${R2_SHAPE} — write the rules under "rules"`));
    return undefined;
  }
  const result = own(value, "result");
  const body = own(value, "rules") === undefined && isRecord(result) && own(result, "rules") !== undefined ? result : value;
  for (const key of Object.keys(body)) {
    if (key !== "rules" && own(body, key) !== undefined) issues.push(unknownField([key], key, "Cloudflare's CORS JSON", ["rules"]));
  }
  const rules = own(body, "rules");
  if (rules === undefined) {
    issues.push(missingField(["rules"], `Cloudflare's API takes ${R2_SHAPE} — put the rules under "rules"`));
    return undefined;
  }
  if (!Array.isArray(rules)) {
    issues.push(formatIssue("wrong-type", ["rules"], `${showValue(rules)} is ${describeType(rules)}; "rules" is a list of rules — write {"rules": [{"allowed": {…}}, …]}`));
    return undefined;
  }
  return rules;
}

function readRule(value: unknown, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  if (!isRecord(value)) {
    issues.push(formatIssue("wrong-type", path, `${showValue(value)} is ${describeType(value)}; each rule is an object such as {"allowed": {"origins": ["https://app.example"], "methods": ["GET"]}} — replace it with a rule object`));
    return undefined;
  }
  const s3Keys = s3StyleKeys(value);
  if (own(value, "allowed") === undefined && s3Keys.length > 0) {
    issues.push(formatWarning("s3-rules-in-cloudflare", path, `S3-style keys (${s3Keys.map((k) => show(k)).join(", ")}) inside Cloudflare's {"rules": […]} wrapper; R2's API wants ${R2_SHAPE} — converted as S3 rules`));
    return readS3Rule(value, index, issues);
  }
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if ((RULE_KEYS as readonly string[]).includes(key) || own(value, key) === undefined) continue;
    const home = isS3RuleKey(key) ? S3_FIELD_HOME[key] : undefined;
    issues.push(
      home === undefined
        ? unknownField(at(path, key), key, "a Cloudflare CORS rule", RULE_KEYS)
        : formatIssue("unknown-field", at(path, key), `${show(key)} is an S3 field; a Cloudflare CORS rule has ${RULE_KEYS.join(", ")} — move it to ${home}`),
    );
  }
  const rule = readFields(value, path, issues);
  return issues.slice(before).some((i) => i.severity === "error") ? undefined : rule;
}

function readFields(value: Record<string, unknown>, path: IssuePath, issues: Issue[]): CorsRuleInput {
  const allowed = readAllowed(own(value, "allowed"), path, issues);
  const rule: CorsRuleInput = { allowedOrigins: allowed.origins ?? [], allowedMethods: allowed.methods ?? [] };
  if (allowed.headers !== undefined) rule.allowedHeaders = allowed.headers;
  const id = own(value, "id");
  if (id !== undefined) {
    const text = readString(id, at(path, "id"), "id", issues);
    if (text !== undefined) rule.id = text;
  }
  const expose = own(value, "exposeHeaders");
  if (expose !== undefined) {
    const list = readStringList(expose, at(path, "exposeHeaders"), "exposeHeaders", issues);
    if (list !== undefined) rule.exposeHeaders = list;
  }
  const maxAge = own(value, "maxAgeSeconds");
  if (maxAge !== undefined) {
    const seconds = readWholeNumber(maxAge, at(path, "maxAgeSeconds"), "maxAgeSeconds", issues);
    if (seconds !== undefined) rule.maxAgeSeconds = seconds;
  }
  return rule;
}

function readAllowed(value: unknown, path: IssuePath, issues: Issue[]): { origins?: string[]; methods?: string[]; headers?: string[] } {
  const allowedPath = at(path, "allowed");
  if (value === undefined) {
    issues.push(missingField(allowedPath, `every Cloudflare rule needs "allowed" — add "allowed": {"origins": ["https://app.example"], "methods": ["GET"]}`));
    return {};
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("wrong-type", allowedPath, `${showValue(value)} is ${describeType(value)}; "allowed" is an object {"origins": […], "methods": […], "headers": […]} — write it as one`));
    return {};
  }
  for (const key of Object.keys(value)) {
    if (!(ALLOWED_KEYS as readonly string[]).includes(key) && own(value, key) !== undefined) {
      issues.push(unknownField(at(allowedPath, key), key, `Cloudflare's "allowed" object`, ALLOWED_KEYS));
    }
  }
  const out: { origins?: string[]; methods?: string[]; headers?: string[] } = {};
  const fields = [
    ["origins", "allowedOrigins", '["https://app.example"]'],
    ["methods", "allowedMethods", '["GET"]'],
    ["headers", "allowedHeaders", ""],
  ] as const;
  for (const [key, model, example] of fields) {
    const item = own(value, key);
    if (item === undefined) {
      if (example !== "") issues.push(missingField(at(path, model), `every Cloudflare rule needs "allowed.${key}" — add "${key}": ${example} inside "allowed"`));
      continue;
    }
    const list = readStringList(item, at(path, model), `allowed.${key}`, issues);
    if (list !== undefined) out[key] = list;
  }
  return out;
}
