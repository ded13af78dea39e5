import { type Issue } from "../model/issue";
import { formatIssue } from "./messages";
import { normalize } from "../model/normalize";
import type { CorsConfiguration } from "../model/schema";
import { decoded, isRecord, neverThrows, own } from "./read";
import { isS3RuleKey, readS3Rule, readS3Rules, writeS3Rule } from "./s3-rule";
import { readJsonInput } from "./safe-json";
import type { Codec, DecodeResult } from "./types";

/**
 * The bare rule array the S3 console's CORS editor, the R2 dashboard and the
 * Wasabi console take: `[{"AllowedOrigins": [...], "AllowedMethods": [...]}]`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html,
 * https://developers.cloudflare.com/r2/buckets/cors/
 */
export const ruleArray: Codec = {
  name: "rule-array",
  decode: neverThrows("rule-array", decodeRuleArray),
  limitations: () => [],
  encode(config: CorsConfiguration): string {
    return JSON.stringify(normalize(config).rules.map(writeS3Rule), null, 2);
  },
};

function decodeRuleArray(input: unknown): DecodeResult {
  const parsed = readJsonInput(input);
  if (!parsed.ok) return { issues: parsed.issues };
  const value = parsed.value;
  const issues: Issue[] = [];
  if (Array.isArray(value)) return decoded(readS3Rules(value, [], "the document", issues), issues);
  if (isRecord(value) && own(value, "CORSRules") !== undefined) {
    issues.push(formatIssue("rule-array-aws-json", [], {}));
    return { issues };
  }
  if (isRecord(value) && Object.keys(value).some(isS3RuleKey)) {
    issues.push(formatIssue("rule-array-single-rule", [], {}));
    const rule = readS3Rule(value, 0, issues);
    return decoded(rule === undefined ? [] : [rule], issues);
  }
  issues.push(formatIssue("rule-array-not-list", [], { value }));
  return { issues };
}
