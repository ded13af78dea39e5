import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsRule, CorsRuleInput } from "../model/schema";
import { at, isRecord, neverThrows, own, readString, readStringList, readWholeNumber, unknownField } from "./read";
import { isS3RuleKey, readS3Rule, s3StyleKeys } from "./s3-rule";
import { decodeJsonRules } from "./json-rules";
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
  return decodeJsonRules(input, rulesList, readRule);
}

/** The `rules` list, unwrapping the API's response envelope; warns about a bare list. */
function rulesList(value: unknown, issues: Issue[]): unknown[] | undefined {
  if (Array.isArray(value)) {
    issues.push(formatIssue("cloudflare-bare-list", [], {}));
    return value as unknown[];
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("cloudflare-not-object", [], { value }));
    return undefined;
  }
  const result = own(value, "result");
  const body = own(value, "rules") === undefined && isRecord(result) && own(result, "rules") !== undefined ? result : value;
  for (const key of Object.keys(body)) {
    if (key !== "rules" && own(body, key) !== undefined) issues.push(unknownField([key], key, "Cloudflare's CORS JSON", ["rules"]));
  }
  const rules = own(body, "rules");
  if (rules === undefined) {
    issues.push(formatIssue("cloudflare-missing-rules", ["rules"], {}));
    return undefined;
  }
  if (!Array.isArray(rules)) {
    issues.push(formatIssue("cloudflare-rules-not-list", ["rules"], { value: rules }));
    return undefined;
  }
  return rules as unknown[];
}

function readRule(value: unknown, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  if (!isRecord(value)) {
    issues.push(formatIssue("cloudflare-rule-not-object", path, { value }));
    return undefined;
  }
  const s3Keys = s3StyleKeys(value);
  if (own(value, "allowed") === undefined && s3Keys.length > 0) {
    issues.push(formatIssue("cloudflare-s3-rules", path, { keys: s3Keys }));
    return readS3Rule(value, index, issues);
  }
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if ((RULE_KEYS as readonly string[]).includes(key) || own(value, key) === undefined) continue;
    const home = isS3RuleKey(key) ? S3_FIELD_HOME[key] : undefined;
    issues.push(
      home === undefined
        ? unknownField(at(path, key), key, "a Cloudflare CORS rule", RULE_KEYS)
        : formatIssue("cloudflare-s3-field", at(path, key), { key, allowed: RULE_KEYS, home }),
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
    issues.push(formatIssue("cloudflare-missing-allowed", allowedPath, {}));
    return {};
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("cloudflare-allowed-not-object", allowedPath, { value }));
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
      if (example !== "") issues.push(formatIssue("cloudflare-missing-allowed-list", at(path, model), { key, example }));
      continue;
    }
    const list = readStringList(item, at(path, model), `allowed.${key}`, issues);
    if (list !== undefined) out[key] = list;
  }
  return out;
}
