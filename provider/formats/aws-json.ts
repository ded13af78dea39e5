import { type Issue, show } from "../model/issue";
import { formatIssue, formatWarning } from "./codes";
import { normalize } from "../model/normalize";
import type { CorsConfiguration } from "../model/schema";
import { decoded, describeType, isRecord, missingField, neverThrows, own, showValue, unknownField } from "./read";
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
    issues.push(formatWarning("missing-wrapper", [], `the rules are a bare list; AWS CLI JSON wraps them as {"CORSRules": […]} — converted; wrap the list in {"CORSRules": …}`));
    return decoded(readS3Rules(value, [], "the document", issues), issues);
  }
  if (!isRecord(value)) {
    issues.push(formatIssue("wrong-type", [], `${showValue(value)} is ${describeType(value)}; AWS CLI JSON is an object {"CORSRules": […]} — write the rules under "CORSRules"`));
    return { issues };
  }
  const listKey = wrapperKey(value, issues);
  if (listKey === undefined) {
    if (!issues.some((i) => i.code === "duplicate-field")) {
      issues.push(missingField(["CORSRules"], `AWS CLI JSON is {"CORSRules": [{"AllowedOrigins": […], "AllowedMethods": […]}]} — put the rules under "CORSRules"`));
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
      issues.push(formatIssue("duplicate-field", ["CORSRules"], `both ${show(found)} and ${show(key)} are given; they are the same field — keep "CORSRules" and remove the other`));
      duplicate = true;
      continue;
    }
    found = key;
    if (variant !== undefined) {
      issues.push(formatWarning("field-spelling", ["CORSRules"], `${show(key)} is the ${variant[1]} spelling; the AWS CLI calls it "CORSRules" — converted; rename it to "CORSRules"`));
    }
  }
  return duplicate ? undefined : found;
}

