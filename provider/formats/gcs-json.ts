import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { CORS_METHODS, isCorsMethod } from "../model/methods";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsRule, CorsRuleInput } from "../model/schema";
import { at, decoded, isRecord, neverThrows, own, readStringList, readWholeNumber, unknownField } from "./read";
import { refuseUnless } from "./refuse";
import { readJsonInput } from "./safe-json";
import type { Codec, DecodeResult } from "./types";

const GCS_KEYS = ["origin", "method", "responseHeader", "maxAgeSeconds"] as const;

/**
 * The Google Cloud Storage CORS file of `gcloud storage buckets update --cors-file`
 * and `gsutil cors set`: `[{"origin","method","responseHeader","maxAgeSeconds"}]`.
 * GCS has no allowed request headers and no rule ids, so a rule with either is
 * refused rather than silently dropped; `responseHeader` is what S3 calls
 * ExposeHeaders. https://cloud.google.com/storage/docs/cors-configurations
 */
export const gcsJson: Codec = {
  name: "gcs-json",
  decode: neverThrows("GCS CORS JSON", decodeGcs),
  limitations: gcsLimitations,
  encode(config: CorsConfiguration): string {
    refuseUnless("gcs-json", gcsLimitations(config));
    return JSON.stringify(normalize(config).rules.map(writeEntry), null, 2);
  },
};

function gcsLimitations(config: CorsConfiguration): Issue[] {
  return normalize(config).rules.flatMap((rule, index) => {
    const found: Issue[] = [];
    if (rule.id !== undefined) {
      found.push(formatIssue("gcs-id", ["rules", index, "id"], { id: rule.id }));
    }
    if (rule.allowedHeaders !== undefined) {
      found.push(formatIssue("gcs-allowed-headers", ["rules", index, "allowedHeaders"], { headers: rule.allowedHeaders }));
    }
    return found;
  });
}

function writeEntry(rule: CorsRule): Record<string, unknown> {
  const out: Record<string, unknown> = { origin: rule.allowedOrigins, method: rule.allowedMethods };
  if (rule.exposeHeaders !== undefined) out["responseHeader"] = rule.exposeHeaders;
  if (rule.maxAgeSeconds !== undefined) out["maxAgeSeconds"] = rule.maxAgeSeconds;
  return out;
}

function decodeGcs(input: unknown): DecodeResult {
  const parsed = readJsonInput(input);
  if (!parsed.ok) return { issues: parsed.issues };
  const issues: Issue[] = [];
  if (!Array.isArray(parsed.value)) {
    issues.push(formatIssue("gcs-not-list", [], { value: parsed.value }));
    return { issues };
  }
  const rules = parsed.value.flatMap((item: unknown, index) => {
    const rule = readEntry(item, index, issues);
    return rule === undefined ? [] : [rule];
  });
  return decoded(rules, issues);
}

function readEntry(value: unknown, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  if (!isRecord(value)) {
    issues.push(formatIssue("gcs-entry-not-object", path, { value }));
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if (!(GCS_KEYS as readonly string[]).includes(key) && own(value, key) !== undefined) {
      issues.push(unknownField(at(path, key), key, "a GCS CORS entry", GCS_KEYS));
    }
  }
  const list = (key: "origin" | "method" | "responseHeader", model: string, required: string): string[] | undefined => {
    const item = own(value, key);
    if (item === undefined) {
      if (required !== "") issues.push(formatIssue("gcs-missing-field", at(path, model), { key, example: required }));
      return undefined;
    }
    return readStringList(item, at(path, model), key, issues);
  };
  const origins = list("origin", "allowedOrigins", '["https://app.example"]');
  const methods = list("method", "allowedMethods", '["GET"]');
  const rule: CorsRuleInput = { allowedOrigins: origins ?? [], allowedMethods: methods === undefined ? [] : readMethods(methods, path, issues) };
  const expose = list("responseHeader", "exposeHeaders", "");
  if (expose !== undefined) rule.exposeHeaders = expose;
  const maxAge = own(value, "maxAgeSeconds");
  if (maxAge !== undefined) {
    const seconds = readWholeNumber(maxAge, at(path, "maxAgeSeconds"), "maxAgeSeconds", issues);
    if (seconds !== undefined) rule.maxAgeSeconds = seconds;
  }
  return issues.slice(before).some((i) => i.severity === "error") ? undefined : rule;
}

/**
 * GCS allows `"*"` (every method) and any method name; the canonical model lists
 * the five S3 methods. `"*"` becomes all five (a warning: the list is now explicit);
 * any other name is refused, since no S3-compatible service could apply it.
 */
function readMethods(methods: readonly string[], path: IssuePath, issues: Issue[]): string[] {
  return methods.flatMap((method, index) => {
    const methodPath = [...path, "allowedMethods", index];
    if (method === "*") {
      issues.push(formatIssue("gcs-wildcard-method", methodPath, {}));
      return [...CORS_METHODS];
    }
    if (!isCorsMethod(method.toUpperCase())) {
      issues.push(formatIssue("gcs-unknown-method", methodPath, { method }));
      return [];
    }
    return [method];
  });
}
