import { type Issue } from "../model/issue";
import { formatIssue } from "./messages";
import { normalize } from "../model/normalize";
import type { CorsConfiguration } from "../model/schema";
import { decoded, isRecord, neverThrows, own, unknownField } from "./read";
import { readS3Rules, writeS3Rule } from "./s3-rule";
import { readJsonInput } from "./safe-json";
import type { Codec, DecodeResult } from "./types";

/** Other spellings of the wrapper key: CloudFormation's `CorsConfiguration.CorsRules`, and camelCase. */
const WRAPPER_VARIANTS: readonly (readonly [spelling: string, source: string])[] = [
  ["CorsRules", "CloudFormation"],
  ["corsRules", "camelCase"],
];

/**
 * AWS CLI JSON: `aws s3api put-bucket-cors --cors-configuration file://cors.json`
 * and `get-bucket-cors` print `{"CORSRules": [...]}` (also the Exoscale portal and
 * OVH docs). https://docs.aws.amazon.com/cli/latest/reference/s3api/put-bucket-cors.html
 */
export const awsJson: Codec = {
  name: "aws-json",
  decode: neverThrows("AWS CLI JSON", decodeAwsJson),
  limitations: () => [],
  encode(config: CorsConfiguration): string {
    return JSON.stringify({ CORSRules: normalize(config).rules.map(writeS3Rule) }, null, 2);
  },
};

function decodeAwsJson(input: unknown): DecodeResult {
  const parsed = readJsonInput(input);
  if (!parsed.ok) return { issues: parsed.issues };
  const value = parsed.value;
  const issues: Issue[] = [];
  if (Array.isArray(value)) {
    issues.push(formatIssue("aws-json-bare-list", [], {}));
    return decoded(readS3Rules(value, [], "the document", issues), issues);
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("aws-json-not-object", [], { value }));
    return { issues };
  }
  const listKey = wrapperKey(value, issues);
  if (listKey === undefined) {
    if (!issues.some((i) => i.code === "duplicate-field")) {
      issues.push(formatIssue("aws-json-missing-rules", ["CORSRules"], {}));
    }
    return { issues };
  }
  return decoded(readS3Rules(own(value, listKey), ["CORSRules"], "CORSRules", issues), issues);
}

/** The key holding the rules (`CORSRules` or a variant, with a warning); reports every other key. */
function wrapperKey(value: Record<string, unknown>, issues: Issue[]): string | undefined {
  let found: string | undefined;
  let duplicate = false;
  for (const key of Object.keys(value)) {
    if (own(value, key) === undefined) continue;
    const variant = WRAPPER_VARIANTS.find(([spelling]) => spelling === key);
    if (key !== "CORSRules" && variant === undefined) {
      issues.push(unknownField([key], key, "AWS CLI CORS JSON", ["CORSRules"]));
      continue;
    }
    if (found !== undefined) {
      issues.push(formatIssue("aws-json-duplicate-wrapper", ["CORSRules"], { first: found, second: key }));
      duplicate = true;
      continue;
    }
    found = key;
    if (variant !== undefined) {
      issues.push(formatIssue("aws-json-wrapper-spelling", ["CORSRules"], { key, style: variant[1] }));
    }
  }
  return duplicate ? undefined : found;
}
