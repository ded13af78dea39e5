import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { CORS_METHODS, type CorsMethod } from "../model/methods";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsRule, CorsRuleInput } from "../model/schema";
import { at, isRecord, neverThrows, own, readString, readStringList, readWholeNumber, unknownField } from "./read";
import { decodeJsonRules } from "./json-rules";
import type { Codec, DecodeResult } from "./types";

/*
 * Every fact here is from Backblaze's page on CORS rules (field names, operations, what s3_* map to),
 * cited as B2_RULES: https://www.backblaze.com/docs/cloud-storage-cross-origin-resource-sharing-rules
 */

/** A native rule's fields, in the order Backblaze's examples write them (B2_RULES). */
const B2_RULE_KEYS = ["corsRuleName", "allowedOrigins", "allowedOperations", "allowedHeaders", "exposeHeaders", "maxAgeSeconds"] as const;

/**
 * The S3-API operations of a native rule, "one for each supported HTTP method, mapping to the
 * AllowedMethod element in S3's CORSRule object" (B2_RULES): the ones the canonical model holds.
 */
const S3_OPERATIONS: Readonly<Record<CorsMethod, string>> = {
  GET: "s3_get",
  PUT: "s3_put",
  POST: "s3_post",
  DELETE: "s3_delete",
  HEAD: "s3_head",
};

/**
 * The B2 Native API operations (B2_RULES). They govern downloads and uploads through the native API's
 * own URLs (/file/…, b2_upload_file), which no S3 AllowedMethod expresses: the canonical model cannot hold them.
 */
const B2_NATIVE_OPERATIONS = ["b2_download_file_by_name", "b2_download_file_by_id", "b2_upload_file", "b2_upload_part"] as const;

/** Every operation a native rule may list, native first as Backblaze lists them. */
const OPERATIONS: readonly string[] = [...B2_NATIVE_OPERATIONS, ...CORS_METHODS.map((m) => S3_OPERATIONS[m])];

/**
 * Backblaze B2's native CORS rules: the `corsRules` list of `b2_update_bucket` and
 * `b2 bucket update --cors-rules`, `[{"corsRuleName","allowedOrigins","allowedOperations",
 * "allowedHeaders","exposeHeaders","maxAgeSeconds"}]`, also read inside `{"corsRules": […]}`
 * (a b2_update_bucket body). `s3_*` operations are the S3 methods; `b2_*` operations have no S3
 * method and are dropped with a warning (a rule with nothing else is dropped whole). Encoding writes
 * `s3_*` operations only. B2 requires a corsRuleName (6 to 50 letters, digits and "-"); the codec
 * carries ids as they are, and validation against the `b2` profile checks them. B2_RULES.
 */
export const b2Json: Codec = {
  name: "b2-json",
  decode: neverThrows("B2 CORS rules JSON", decodeB2),
  limitations: () => [],
  encode(config: CorsConfiguration): string {
    return JSON.stringify(normalize(config).rules.map(writeRule), null, 2);
  },
};

function writeRule(rule: CorsRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.id !== undefined) out["corsRuleName"] = rule.id;
  out["allowedOrigins"] = rule.allowedOrigins;
  out["allowedOperations"] = rule.allowedMethods.map((m) => S3_OPERATIONS[m]);
  if (rule.allowedHeaders !== undefined) out["allowedHeaders"] = rule.allowedHeaders;
  if (rule.exposeHeaders !== undefined) out["exposeHeaders"] = rule.exposeHeaders;
  if (rule.maxAgeSeconds !== undefined) out["maxAgeSeconds"] = rule.maxAgeSeconds;
  return out;
}

function decodeB2(input: unknown): DecodeResult {
  return decodeJsonRules(input, rulesList, readRule);
}

/** The rule list: the document itself, or the `corsRules` of a `{"corsRules": […]}` object. */
function rulesList(value: unknown, issues: Issue[]): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  if (!isRecord(value)) {
    issues.push(formatIssue("b2-not-list", [], { value }));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key !== "corsRules" && own(value, key) !== undefined) issues.push(unknownField([key], key, "a B2 corsRules object", ["corsRules"]));
  }
  const rules = own(value, "corsRules");
  if (rules === undefined) {
    issues.push(formatIssue("b2-missing-rules", ["corsRules"], {}));
    return undefined;
  }
  if (!Array.isArray(rules)) {
    issues.push(formatIssue("b2-not-list", ["corsRules"], { value: rules }));
    return undefined;
  }
  return rules as unknown[];
}

function readRule(value: unknown, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  if (!isRecord(value)) {
    issues.push(formatIssue("b2-rule-not-object", path, { value }));
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if (!(B2_RULE_KEYS as readonly string[]).includes(key) && own(value, key) !== undefined) {
      issues.push(unknownField(at(path, key), key, "a B2 CORS rule", B2_RULE_KEYS));
    }
  }
  const list = (
    key: "allowedOrigins" | "allowedOperations" | "allowedHeaders" | "exposeHeaders",
    modelPath: IssuePath,
    example: string,
  ): string[] | undefined => {
    const item = own(value, key);
    if (item === undefined) {
      if (example !== "") issues.push(formatIssue("b2-missing-field", modelPath, { key, example }));
      return undefined;
    }
    return readStringList(item, modelPath, key, issues);
  };
  const origins = list("allowedOrigins", at(path, "allowedOrigins"), '["https://app.example"]');
  const operations = list("allowedOperations", at(path, "allowedMethods"), '["s3_get"]');
  const methods = operations === undefined ? [] : readOperations(operations, at(path, "allowedMethods"), issues);
  const rule: CorsRuleInput = { allowedOrigins: origins ?? [], allowedMethods: methods };
  const headers = list("allowedHeaders", at(path, "allowedHeaders"), "");
  if (headers !== undefined) rule.allowedHeaders = headers;
  const expose = list("exposeHeaders", at(path, "exposeHeaders"), "");
  if (expose !== undefined) rule.exposeHeaders = expose;
  const name = own(value, "corsRuleName");
  if (name !== undefined) {
    const text = readString(name, at(path, "id"), "corsRuleName", issues);
    if (text !== undefined) rule.id = text;
  }
  const maxAge = own(value, "maxAgeSeconds");
  if (maxAge !== undefined) {
    const seconds = readWholeNumber(maxAge, at(path, "maxAgeSeconds"), "maxAgeSeconds", issues);
    if (seconds !== undefined) rule.maxAgeSeconds = seconds;
  }
  if (issues.slice(before).some((i) => i.severity === "error")) return undefined;
  return nativeOnly(operations, methods, path, issues) ? undefined : rule;
}

/** The S3 methods of `operations`; a warning names the `b2_*` ones dropped, an error each unknown one. */
function readOperations(operations: readonly string[], path: IssuePath, issues: Issue[]): CorsMethod[] {
  const methods: CorsMethod[] = [];
  operations.forEach((operation, index) => {
    const method = CORS_METHODS.find((m) => S3_OPERATIONS[m] === operation);
    if (method !== undefined) methods.push(method);
    else if (!(B2_NATIVE_OPERATIONS as readonly string[]).includes(operation)) {
      issues.push(formatIssue("b2-unknown-operation", at(path, index), { operation, allowed: OPERATIONS, method: suggestedOperation(operation) }));
    }
  });
  const native = operations.filter((o) => (B2_NATIVE_OPERATIONS as readonly string[]).includes(o));
  if (native.length > 0 && methods.length > 0) issues.push(formatIssue("b2-native-operations", path, { native }));
  return methods;
}

/** A rule listing only `b2_*` operations is dropped whole (with a warning): it allows nothing through the S3 API. */
function nativeOnly(operations: readonly string[] | undefined, methods: readonly CorsMethod[], path: IssuePath, issues: Issue[]): boolean {
  if (operations === undefined || operations.length === 0 || methods.length > 0) return false;
  issues.push(formatIssue("b2-native-rule", path, { native: operations }));
  return true;
}

/**
 * The operation a user meant, for the fix: an HTTP method (`"GET"` → `"s3_get"`), or another spelling
 * of an operation (`"S3 Put Object"`, as some Backblaze pages write them, → `"s3_put"`).
 */
function suggestedOperation(operation: string): string | undefined {
  const method = CORS_METHODS.find((m) => m === operation.trim().toUpperCase());
  if (method !== undefined) return S3_OPERATIONS[method];
  const canon = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .replace(/object$/, "");
  return OPERATIONS.find((o) => canon(o) === canon(operation));
}
