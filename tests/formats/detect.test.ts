import { CorsValidationError } from "../../provider/errors";
import { codecFor, detect, parseDocument } from "../../provider/formats";
import { FORMAT_NAMES, type FormatName } from "../../provider/formats/types";
import { expectedIssue } from "./expected-issues";

describe("detect", () => {
  test.each<[string, unknown, FormatName | undefined]>([
    ["XML after whitespace", "  \n<CORSConfiguration/>", "s3-xml"],
    ["XML after a byte-order mark", "\uFEFF<CORSConfiguration/>", "s3-xml"],
    ["XML that is not CORS (its decoder says so)", "<html></html>", "s3-xml"],
    ["AWS CLI JSON text", '{"CORSRules": []}', "aws-json"],
    ["AWS CLI JSON value", { CORSRules: [] }, "aws-json"],
    ["CloudFormation's CorsRules", '{"CorsRules": []}', "aws-json"],
    ["an empty list", "[]", "rule-array"],
    ["a console rule list", '[{"AllowedOrigins": ["*"]}]', "rule-array"],
    ["a list of CDK camelCase rules", [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }], "rule-array"],
    ["a list with a misspelled key", [{ AllowedOrigin: ["*"] }], "rule-array"],
    ["one console rule without its list", { AllowedOrigins: ["*"], AllowedMethods: ["GET"] }, "rule-array"],
    ["Cloudflare API JSON", '{"rules": [{"allowed": {"origins": ["*"], "methods": ["GET"]}}]}', "cloudflare-api"],
    ["S3 rules in Cloudflare's wrapper", '{"rules": [{"AllowedOrigins": ["*"]}]}', "cloudflare-api"],
    ["Cloudflare rules without the wrapper", [{ allowed: { origins: ["*"] } }], "cloudflare-api"],
    ["Cloudflare's GET response", { success: true, result: { rules: [] } }, "cloudflare-api"],
    ["a GCS CORS file", '[{"origin": ["*"], "method": ["GET"]}]', "gcs-json"],
    ["Swift header lines", "HTTP/1.1 204 No Content\nX-Container-Meta-Access-Control-Allow-Origin: *", "swift-headers"],
    ["a Swift header object in lower case", { "x-container-meta-access-control-allow-origin": "*" }, "swift-headers"],
    ["truncated AWS CLI JSON", '{"CORSRules": [{"AllowedOrigins": [', "aws-json"],
    ["truncated Cloudflare JSON", '{"rules": [{"allowed": {', "cloudflare-api"],
    ["truncated GCS JSON", '[{"origin": ["*"', "gcs-json"],
    ["truncated console JSON", '[{"AllowedOrigins": ["*"', "rule-array"],
    ["bytes", new TextEncoder().encode('{"CORSRules": []}'), "aws-json"],
    ["plain text", "hello", undefined],
    ["a number", 42, undefined],
    ["null", null, undefined],
    ["undefined", undefined, undefined],
    ["an empty object", {}, undefined],
    ["a list of numbers", [1, 2], undefined],
    ["an unrelated object", { name: "bucket" }, undefined],
    ["unrelated broken JSON", '{"name": ', undefined],
  ])("%s", (_name, input, expected) => {
    expect(detect(input)).toBe(expected);
  });
});

describe("registry", () => {
  test.each(FORMAT_NAMES)("codecFor(%s) is that format's codec", (name) => {
    expect(codecFor(name).name).toBe(name);
  });

  test("fails when codecFor is given an unknown name", () => {
    expect(() => codecFor("yaml" as FormatName)).toThrow(CorsValidationError);
    expect(() => codecFor("yaml" as FormatName)).toThrow(
      `unknown format:\n  - "yaml" is not a format name; formats are s3-xml, aws-json, rule-array, cloudflare-api, gcs-json, swift-headers, b2-json — use one of them`,
    );
  });

  test("an explicit format skips detection", () => {
    const gcs = '[{"origin": ["*"], "method": ["GET"]}]';
    expect(parseDocument(gcs, { format: "rule-array" })).toEqual({
      format: "rule-array",
      issues: [
        expectedIssue(
          "error",
          "unknown-field",
          "rules[0].origin",
          `"origin" is not a field of an S3 CORS rule; allowed are ID, AllowedHeaders, AllowedMethods, AllowedOrigins, ExposeHeaders, MaxAgeSeconds — remove it`,
        ),
        expectedIssue(
          "error",
          "unknown-field",
          "rules[0].method",
          `"method" is not a field of an S3 CORS rule; allowed are ID, AllowedHeaders, AllowedMethods, AllowedOrigins, ExposeHeaders, MaxAgeSeconds — remove it`,
        ),
        expectedIssue(
          "error",
          "missing-field",
          "rules[0].allowedOrigins",
          `is missing; every rule needs "AllowedOrigins" — add "AllowedOrigins": ["https://app.example"]`,
        ),
        expectedIssue("error", "missing-field", "rules[0].allowedMethods", `is missing; every rule needs "AllowedMethods" — add "AllowedMethods": ["GET"]`),
      ],
    });
    expect(parseDocument(gcs, { format: "gcs-json" })).toEqual({
      format: "gcs-json",
      config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
      issues: [],
    });
  });

  // Issue 12, item 9: "{}" and "[1,2]" were called text.
  test.each([
    ["{}", '"{}" is a JSON object without CORSRules, rules or rule fields, not a CORS document'],
    ["[1,2]", '"[1,2]" is a JSON list whose items are not CORS rules, not a CORS document'],
    ["allow all", '"allow all" is text, not a CORS document'],
  ])("%s is named for what it is", (text, start) => {
    const [issue] = parseDocument(text).issues;
    expect(issue?.message.startsWith(`${start} in a format this package reads — write it in one of these formats:`)).toBe(true);
  });

  test("a document that is only whitespace is in no format", () => {
    expect(parseDocument("  \n").issues.map((i) => [i.code, i.message.split("\n")[0]])).toEqual([
      ["unknown-format", `the document is empty, not a CORS document in a format this package reads — write it in one of these formats:`],
    ]);
  });
});
