import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import type { CorsRule, CorsRuleInput } from "../model/schema";
import { at, isRecord, own, readString, readStringList, readWholeNumber, unknownField } from "./read";

/**
 * The S3 JSON rule `{"ID","AllowedOrigins","AllowedMethods","AllowedHeaders",
 * "ExposeHeaders","MaxAgeSeconds"}` shared by the AWS CLI document, the bare
 * console array and the Cloudflare mix-up (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html).
 */

/** The S3 API's field names, in the order the AWS CLI prints them. */
export const S3_RULE_KEYS = ["ID", "AllowedHeaders", "AllowedMethods", "AllowedOrigins", "ExposeHeaders", "MaxAgeSeconds"] as const;

type S3Key = (typeof S3_RULE_KEYS)[number];

/** Canonical model field of each S3 key. */
const MODEL_FIELD: Readonly<Record<S3Key, keyof CorsRuleInput>> = {
  ID: "id",
  AllowedHeaders: "allowedHeaders",
  AllowedMethods: "allowedMethods",
  AllowedOrigins: "allowedOrigins",
  ExposeHeaders: "exposeHeaders",
  MaxAgeSeconds: "maxAgeSeconds",
};

/**
 * Other spellings users paste, read with a warning. CloudFormation's
 * `AWS::S3::Bucket CorsRule` says `Id`, `ExposedHeaders`, `MaxAge`; CDK's
 * `CorsRule` says `exposedHeaders`, `maxAge` (aws/aws-cdk#30230,
 * serverless/serverless#6669, aws/aws-sdk-js#1154).
 */
const VARIANTS: readonly (readonly [spelling: string, key: S3Key, source: string])[] = [
  ["Id", "ID", "CloudFormation"],
  ["ExposedHeaders", "ExposeHeaders", "CloudFormation"],
  ["MaxAge", "MaxAgeSeconds", "CloudFormation"],
  ["id", "ID", "AWS CDK"],
  ["allowedOrigins", "AllowedOrigins", "AWS CDK"],
  ["allowedMethods", "AllowedMethods", "AWS CDK"],
  ["allowedHeaders", "AllowedHeaders", "AWS CDK"],
  ["exposedHeaders", "ExposeHeaders", "AWS CDK"],
  ["maxAge", "MaxAgeSeconds", "AWS CDK"],
  ["exposeHeaders", "ExposeHeaders", "camelCase"],
  ["maxAgeSeconds", "MaxAgeSeconds", "camelCase"],
];

function isS3Key(key: string): key is S3Key {
  return (S3_RULE_KEYS as readonly string[]).includes(key);
}

/** Keys of `record` spelled the S3 way (PascalCase, including CloudFormation's): what gives away an S3 rule. */
export function s3StyleKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((k) => isS3Key(k) || VARIANTS.some(([spelling]) => spelling === k && /^[A-Z]/.test(k)));
}

/** True when `key` is an S3 rule key or one of its known spellings. */
export function isS3RuleKey(key: string): boolean {
  return isS3Key(key) || VARIANTS.some(([spelling]) => spelling === key);
}

/** Reads one S3 JSON rule found at `rules[index]`; `undefined` (with issues) when it cannot be read. */
export function readS3Rule(value: unknown, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  if (!isRecord(value)) {
    issues.push(formatIssue("s3-rule-not-object", path, { value }));
    return undefined;
  }
  const used = new Map<S3Key, string>();
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if (own(value, key) === undefined) continue;
    const variant = VARIANTS.find(([spelling]) => spelling === key);
    const s3Key = isS3Key(key) ? key : variant?.[1];
    if (s3Key === undefined) {
      issues.push(unknownField(at(path, key), key, "an S3 CORS rule", S3_RULE_KEYS));
      continue;
    }
    const fieldPath = at(path, MODEL_FIELD[s3Key]);
    const previous = used.get(s3Key);
    if (previous !== undefined) {
      issues.push(formatIssue("s3-rule-duplicate-field", fieldPath, { first: previous, second: key, field: s3Key }));
      continue;
    }
    used.set(s3Key, key);
    if (variant !== undefined) {
      issues.push(formatIssue("s3-rule-field-spelling", fieldPath, { key, style: variant[2], field: s3Key }));
    }
  }
  for (const required of ["AllowedOrigins", "AllowedMethods"] as const) {
    if (!used.has(required)) {
      const example = required === "AllowedOrigins" ? '["https://app.example"]' : '["GET"]';
      issues.push(formatIssue("s3-rule-missing-field", at(path, MODEL_FIELD[required]), { field: required, example }));
    }
  }
  const read = (key: S3Key): unknown => {
    const spelled = used.get(key);
    return spelled === undefined ? undefined : own(value, spelled);
  };
  const rule = readRuleFields(read, path, issues);
  return issues.slice(before).some((i) => i.severity === "error") ? undefined : rule;
}

function readRuleFields(read: (key: S3Key) => unknown, path: IssuePath, issues: Issue[]): CorsRuleInput {
  const list = (key: S3Key): string[] | undefined => {
    const value = read(key);
    return value === undefined ? undefined : readStringList(value, at(path, MODEL_FIELD[key]), key, issues);
  };
  const rule: CorsRuleInput = { allowedOrigins: list("AllowedOrigins") ?? [], allowedMethods: list("AllowedMethods") ?? [] };
  const id = read("ID");
  if (id !== undefined) {
    const text = readString(id, at(path, "id"), "ID", issues);
    if (text !== undefined) rule.id = text;
  }
  const allowedHeaders = list("AllowedHeaders");
  if (allowedHeaders !== undefined) rule.allowedHeaders = allowedHeaders;
  const exposeHeaders = list("ExposeHeaders");
  if (exposeHeaders !== undefined) rule.exposeHeaders = exposeHeaders;
  const maxAge = read("MaxAgeSeconds");
  if (maxAge !== undefined) {
    const seconds = readWholeNumber(maxAge, at(path, "maxAgeSeconds"), "MaxAgeSeconds", issues);
    if (seconds !== undefined) rule.maxAgeSeconds = seconds;
  }
  return rule;
}

/** Reads a list of S3 JSON rules; `listPath`/`listName` name the list in messages (`CORSRules`, or `""` for a bare array). */
export function readS3Rules(value: unknown, listPath: IssuePath, listName: string, issues: Issue[]): CorsRuleInput[] {
  if (!Array.isArray(value)) {
    issues.push(formatIssue("s3-rules-not-list", listPath, { value, list: listName }));
    return [];
  }
  return value.flatMap((item: unknown, index) => {
    const rule = readS3Rule(item, index, issues);
    return rule === undefined ? [] : [rule];
  });
}

/** One rule as S3 JSON, keys in the AWS CLI's order, absent fields left out. */
export function writeS3Rule(rule: CorsRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.id !== undefined) out["ID"] = rule.id;
  if (rule.allowedHeaders !== undefined) out["AllowedHeaders"] = rule.allowedHeaders;
  out["AllowedMethods"] = rule.allowedMethods;
  out["AllowedOrigins"] = rule.allowedOrigins;
  if (rule.exposeHeaders !== undefined) out["ExposeHeaders"] = rule.exposeHeaders;
  if (rule.maxAgeSeconds !== undefined) out["MaxAgeSeconds"] = rule.maxAgeSeconds;
  return out;
}
