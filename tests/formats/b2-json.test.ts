import { readFileSync } from "fs";
import { join } from "path";
import { codecFor, detect, parseDocument, renderDocument } from "../../provider/formats";
import type { FormatName } from "../../provider/formats/types";
import type { Issue } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";
import { expectedIssue } from "./expected-issues";

/** Backblaze B2's native rules (b2-json): https://www.backblaze.com/docs/cloud-storage-cross-origin-resource-sharing-rules */

function err(code: string, path: string, text: string): Issue {
  return expectedIssue("error", code, path, text);
}
function warn(code: string, path: string, text: string): Issue {
  return expectedIssue("warning", code, path, text);
}

const OPERATIONS = "b2_download_file_by_name, b2_download_file_by_id, b2_upload_file, b2_upload_part, s3_get, s3_put, s3_post, s3_delete, s3_head";

describe("b2-json: Backblaze B2's native CORS rules", () => {
  test("the b2 CLI document (golden) is detected, its s3_* operations read as methods, its b2_* operations dropped with a warning each", () => {
    const text = readFileSync(join(__dirname, "golden", "b2-cli.json"), "utf8");
    expect(detect(text)).toBe("b2-json");
    expect(parseDocument(text)).toEqual({
      format: "b2-json",
      config: {
        rules: [
          {
            id: "uploadFromApp",
            allowedOrigins: ["http://localhost:3000", "https://app.example.com"],
            allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
            allowedHeaders: ["*"],
            exposeHeaders: ["etag"],
            maxAgeSeconds: 3000,
          },
          {
            id: "downloadFromAnyOrigin",
            allowedOrigins: ["*"],
            allowedMethods: ["GET", "HEAD"],
            allowedHeaders: ["range"],
            exposeHeaders: ["x-bz-content-sha1"],
            maxAgeSeconds: 3600,
          },
        ],
      },
      issues: [
        warn(
          "b2-native-operations",
          "rules[1].allowedMethods",
          '["b2_download_file_by_name","b2_download_file_by_id"] are B2 Native API operations; the canonical model holds S3 methods (the s3_* operations) only — dropped, so a policy written from this document no longer allows them; keep them with b2_update_bucket if pages use the native API',
        ),
        warn(
          "b2-native-operations",
          "rules[2]",
          "allows only B2 Native API operations (b2_upload_file, b2_upload_part); the canonical model holds S3 methods (the s3_* operations) only — the rule is dropped, so a policy written from this document no longer allows them; keep it with b2_update_bucket if pages use the native API",
        ),
      ],
    });
  });

  test("encode: Backblaze's field order, s3_* operations in method order, absent fields left out", () => {
    const config: CorsConfiguration = {
      rules: [
        {
          id: "app-uploads",
          allowedOrigins: ["https://app.example.com"],
          allowedMethods: ["PUT", "GET"],
          allowedHeaders: ["Content-Type"],
          exposeHeaders: ["ETag"],
          maxAgeSeconds: 600,
        },
        { allowedOrigins: ["*"], allowedMethods: ["HEAD", "DELETE", "POST"] },
      ],
    };
    expect(renderDocument(config, "b2-json")).toBe(
      JSON.stringify(
        [
          {
            corsRuleName: "app-uploads",
            allowedOrigins: ["https://app.example.com"],
            allowedOperations: ["s3_get", "s3_put"],
            allowedHeaders: ["content-type"],
            exposeHeaders: ["etag"],
            maxAgeSeconds: 600,
          },
          { allowedOrigins: ["*"], allowedOperations: ["s3_post", "s3_delete", "s3_head"] },
        ],
        null,
        2,
      ),
    );
    expect(codecFor("b2-json").limitations(config)).toEqual([]);
  });

  test('a b2_update_bucket body {"corsRules": […]} decodes as the bare list does', () => {
    const rule = { corsRuleName: "app-get", allowedOrigins: ["https://app.example"], allowedOperations: ["s3_get"], maxAgeSeconds: 3600 };
    expect(parseDocument({ corsRules: [rule] })).toEqual({
      format: "b2-json",
      config: { rules: [{ id: "app-get", allowedOrigins: ["https://app.example"], allowedMethods: ["GET"], maxAgeSeconds: 3600 }] },
      issues: [],
    });
  });

  test.each<[string, unknown, FormatName | undefined]>([
    ["a bare list of native rules", '[{"corsRuleName": "app-get", "allowedOrigins": ["*"], "allowedOperations": ["s3_get"]}]', "b2-json"],
    ["a list whose rules give only allowedOperations", [{ allowedOrigins: ["*"], allowedOperations: ["s3_get"] }], "b2-json"],
    ["a b2_update_bucket body", { corsRules: [{ corsRuleName: "app-get", allowedOrigins: ["*"], allowedOperations: ["s3_get"] }] }, "b2-json"],
    ["CDK-style corsRules (allowedMethods, no corsRuleName)", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] }, "aws-json"],
    ["an empty corsRules", '{"corsRules": []}', "aws-json"],
    ["truncated B2 JSON", '[{"corsRuleName": "app-get", "allowedOrigins": [', "b2-json"],
    ["a truncated b2_update_bucket body", '{"corsRules": [{"corsRuleName": "app-get", "allow', "b2-json"],
  ])("detects %s", (_, input, format) => {
    expect(detect(input)).toBe(format);
  });

  test.each<[string, unknown, Issue[]]>([
    [
      "fails when an operation is an HTTP method or another spelling, with the operation to write",
      '[{"corsRuleName": "app-get", "allowedOrigins": ["*"], "allowedOperations": ["GET", "S3 Put Object", "s3_list"]}]',
      [
        err("b2-unknown-operation", "rules[0].allowedMethods[0]", `"GET" is not a B2 CORS operation; allowed are ${OPERATIONS} — write "s3_get"`),
        err("b2-unknown-operation", "rules[0].allowedMethods[1]", `"S3 Put Object" is not a B2 CORS operation; allowed are ${OPERATIONS} — write "s3_put"`),
        err("b2-unknown-operation", "rules[0].allowedMethods[2]", `"s3_list" is not a B2 CORS operation; allowed are ${OPERATIONS} — use one of them`),
      ],
    ],
    [
      "fails when a rule has an unknown key, a wrong type, or misses its origins and operations",
      '[{"corsRuleName": 7, "allowedMethods": ["GET"], "maxAgeSeconds": "3600"}]',
      [
        err(
          "unknown-field",
          "rules[0].allowedMethods",
          '"allowedMethods" is not a field of a B2 CORS rule; allowed are corsRuleName, allowedOrigins, allowedOperations, allowedHeaders, exposeHeaders, maxAgeSeconds — remove it',
        ),
        err(
          "missing-field",
          "rules[0].allowedOrigins",
          'is missing; every B2 CORS rule needs "allowedOrigins" — add "allowedOrigins": ["https://app.example"]',
        ),
        err("missing-field", "rules[0].allowedMethods", 'is missing; every B2 CORS rule needs "allowedOperations" — add "allowedOperations": ["s3_get"]'),
        err("wrong-type", "rules[0].id", "7 is a number; corsRuleName is a string — quote it"),
        err("wrong-type", "rules[0].maxAgeSeconds", '"3600" is a string; maxAgeSeconds is a whole number of seconds — write 3600 without quotes'),
      ],
    ],
    [
      "fails when a b2_update_bucket body carries other bucket fields or corsRules is not a list",
      '{"corsRules": {"corsRuleName": "app-get"}, "bucketId": "4a48fe8875c6214145260818"}',
      [
        err("unknown-field", "bucketId", '"bucketId" is not a field of a B2 corsRules object; allowed are corsRules — remove it'),
        err(
          "wrong-type",
          "corsRules",
          `{"corsRuleName":"app-get"} is an object; B2's corsRules is a list of rules [{"corsRuleName": "…", "allowedOrigins": […], "allowedOperations": […]}] — write the rules as a list`,
        ),
      ],
    ],
    [
      "fails when a rule is not an object",
      '[{"corsRuleName": "app-get", "allowedOrigins": ["*"], "allowedOperations": ["s3_get"]}, "s3_get"]',
      [
        err(
          "wrong-type",
          "rules[1]",
          `"s3_get" is a string; each rule is an object such as {"corsRuleName": "app-get", "allowedOrigins": ["https://app.example"], "allowedOperations": ["s3_get"]} — replace it with a rule object`,
        ),
      ],
    ],
  ])("%s", (_, input, issues) => {
    expect(parseDocument(input, { format: "b2-json" })).toEqual({ format: "b2-json", issues });
  });

  test("fails when the object has no corsRules", () => {
    expect(codecFor("b2-json").decode('{"bucketName": "media"}')).toEqual({
      issues: [
        err("unknown-field", "bucketName", '"bucketName" is not a field of a B2 corsRules object; allowed are corsRules — remove it'),
        err(
          "missing-field",
          "corsRules",
          'is missing; a B2 corsRules object is {"corsRules": [{"corsRuleName": "…", "allowedOrigins": […], "allowedOperations": […]}]} — put the rules under "corsRules"',
        ),
      ],
    });
  });
});
