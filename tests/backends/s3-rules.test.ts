import fc from "fast-check";
import type { CORSRule } from "@aws-sdk/client-s3";
import { fromSdkRules, toSdkRules } from "../../provider/backends/s3/rules";
import { codecFor } from "../../provider/formats";
import { normalize } from "../../provider/model/normalize";
import { anyConfig } from "../formats/arbitraries";

/** What the S3 backend sent before the typed mapping: the AWS CLI JSON text, parsed back (issue 21, item 2). */
function throughText(config: Parameters<typeof toSdkRules>[0]): CORSRule[] {
  return (JSON.parse(codecFor("aws-json").encode(config) as string) as { CORSRules: CORSRule[] }).CORSRules;
}

describe("toSdkRules / fromSdkRules", () => {
  test("toSdkRules gives exactly what the text round trip gave, key order included", () => {
    fc.assert(
      fc.property(anyConfig(), (config) => {
        const rules = toSdkRules(config);
        expect(rules).toStrictEqual(throughText(config));
        expect(JSON.stringify(rules)).toBe(JSON.stringify(throughText(config)));
      }),
      { numRuns: 400 },
    );
  });

  test("fromSdkRules(toSdkRules(c)) is normalize(c)", () => {
    fc.assert(
      fc.property(anyConfig(), (config) => {
        expect(fromSdkRules(toSdkRules(config))).toEqual({ kind: "config", config: normalize(config) });
      }),
      { numRuns: 400 },
    );
  });

  test("toSdkRules writes the S3 names, leaving absent fields out", () => {
    expect(
      toSdkRules({
        rules: [
          { allowedOrigins: ["https://b.example", "https://a.example"], allowedMethods: ["PUT", "GET", "PUT"] },
          { id: "r2", allowedOrigins: ["*"], allowedMethods: ["GET"], allowedHeaders: ["X-A"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 },
        ],
      }),
    ).toStrictEqual([
      { AllowedMethods: ["GET", "PUT"], AllowedOrigins: ["https://a.example", "https://b.example"] },
      { ID: "r2", AllowedHeaders: ["x-a"], AllowedMethods: ["GET"], AllowedOrigins: ["*"], ExposeHeaders: ["etag"], MaxAgeSeconds: 600 },
    ]);
  });

  test("fails when a live rule has no AllowedMethods: unreadable, with the raw text and the codec's issue", () => {
    expect(fromSdkRules([{ AllowedOrigins: ["https://app.example.com"] } as CORSRule])).toEqual({
      kind: "unreadable",
      raw: '{"CORSRules":[{"AllowedOrigins":["https://app.example.com"]}]}',
      issues: [
        {
          code: "missing-field",
          path: ["rules", 0, "allowedMethods"],
          severity: "error",
          params: { field: "AllowedMethods", example: '["GET"]' },
          message: 'rules[0].allowedMethods: is missing; every rule needs "AllowedMethods" — add "AllowedMethods": ["GET"]',
        },
      ],
    });
  });
});
