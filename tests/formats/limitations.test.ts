import { CorsValidationError } from "../../provider/errors";
import { renderPolicy } from "../../provider/api/policy";
import { codecFor, renderDocument } from "../../provider/formats";
import type { FormatName } from "../../provider/formats/types";
import type { Issue } from "../../provider/model/issue";
import type { CorsConfiguration, CorsRule } from "../../provider/model/schema";
import { expectedIssue } from "./expected-issues";

function err(code: string, path: string, text: string): Issue {
  return expectedIssue("error", code, path, text);
}

const ALL: CorsRule["allowedMethods"] = ["GET", "PUT", "POST", "DELETE", "HEAD"];
const SWIFT_RULE: CorsRule = { allowedOrigins: ["https://app.example"], allowedMethods: ALL, allowedHeaders: ["*"] };

/** Every field, two rules: what S3-shaped formats must hold whole. */
const FULL: CorsConfiguration = {
  rules: [
    {
      id: "uploads",
      allowedOrigins: ["https://app.example"],
      allowedMethods: ["GET", "PUT"],
      allowedHeaders: ["content-type"],
      exposeHeaders: ["etag"],
      maxAgeSeconds: 3000,
    },
    { allowedOrigins: ["*"], allowedMethods: ["GET"] },
  ],
};

describe("what each format cannot hold", () => {
  test.each<FormatName>(["s3-xml", "aws-json", "rule-array", "cloudflare-api"])("%s holds every field of several rules", (format) => {
    expect(codecFor(format).limitations(FULL)).toEqual([]);
  });

  test.each<[string, FormatName, CorsConfiguration, Issue[]]>([
    [
      "GCS refuses ids and allowed headers instead of dropping them",
      "gcs-json",
      FULL,
      [
        err("id-not-expressible", "rules[0].id", `"uploads" cannot be stored; GCS CORS entries have no id — remove the id, or use a format that keeps ids`),
        err(
          "allowed-headers-not-expressible",
          "rules[0].allowedHeaders",
          `["content-type"] cannot be stored; GCS CORS has no allowed request headers (its responseHeader is what S3 calls ExposeHeaders) — remove allowedHeaders, or use another format`,
        ),
      ],
    ],
    [
      "XML cannot carry a control character, even escaped",
      "s3-xml",
      { rules: [{ id: "a\u0001", allowedOrigins: ["https://app.example"], allowedMethods: ["GET"] }] },
      [err("character-not-expressible", "rules[0].id", `"a\\u0001" contains U+0001; XML 1.0 cannot carry that character, even escaped — remove it`)],
    ],
    [
      "XML cannot write a rule without origins or methods",
      "s3-xml",
      { rules: [{ allowedOrigins: [], allowedMethods: [] }] },
      [
        err(
          "value-not-expressible",
          "rules[0].allowedOrigins",
          `[] is empty; S3 XML writes each value as an <AllowedOrigin> element and a rule needs at least one — add a value`,
        ),
        err(
          "value-not-expressible",
          "rules[0].allowedMethods",
          `[] is empty; S3 XML writes each value as an <AllowedMethod> element and a rule needs at least one — add a value`,
        ),
      ],
    ],
    [
      "Swift has no empty policy",
      "swift-headers",
      { rules: [] },
      [err("no-rules", "rules", `[] holds no rule; Swift has no empty CORS setting (no Allow-Origin means no CORS) — delete the policy instead`)],
    ],
    [
      "Swift has no rule ids",
      "swift-headers",
      { rules: [{ ...SWIFT_RULE, id: "main" }] },
      [err("id-not-expressible", "rules[0].id", `"main" cannot be stored; Swift container metadata has no rule ids — remove the id`)],
    ],
    [
      "Swift's codec leaves what would widen to validation (renderPolicy refuses it)",
      "swift-headers",
      {
        rules: [
          SWIFT_RULE,
          { allowedOrigins: ["https://other.example"], allowedMethods: ["GET", "HEAD"], allowedHeaders: ["content-type"], maxAgeSeconds: 60 },
        ],
      },
      [],
    ],
    [
      "Swift warns (only) when rules differing in origins are merged",
      "swift-headers",
      { rules: [SWIFT_RULE, { ...SWIFT_RULE, allowedOrigins: ["https://other.example"] }] },
      [
        expectedIssue(
          "warning",
          "rules-merged",
          "rules",
          "2 rules differ only in their origins; Swift holds one CORS setting per container — their origins are merged into one Allow-Origin list; merge the rules to say so",
        ),
      ],
    ],
    [
      "Swift separates values with spaces and carries printable ASCII only",
      "swift-headers",
      { rules: [{ ...SWIFT_RULE, allowedOrigins: ["https://a.example https://b.example", "https://bücher.example", ""], exposeHeaders: ["x-id\n"] }] },
      [
        err("value-not-expressible", "rules[0].allowedOrigins[0]", `"" is empty; Swift separates values with spaces, so an empty one disappears — remove it`),
        err(
          "value-not-expressible",
          "rules[0].allowedOrigins[1]",
          `"https://a.example https://b.example" contains a space; Swift stores space-separated printable ASCII values in one header — remove it (write international domain names in punycode, xn--…)`,
        ),
        err(
          "value-not-expressible",
          "rules[0].allowedOrigins[2]",
          `"https://bücher.example" contains U+00FC; Swift stores space-separated printable ASCII values in one header — remove it (write international domain names in punycode, xn--…)`,
        ),
        err(
          "value-not-expressible",
          "rules[0].exposeHeaders[0]",
          `"x-id\\n" contains U+000A; Swift stores space-separated printable ASCII values in one header — remove it (write international domain names in punycode, xn--…)`,
        ),
      ],
    ],
    [
      "Swift reads an empty origin list as no CORS",
      "swift-headers",
      { rules: [{ ...SWIFT_RULE, allowedOrigins: [] }] },
      [err("value-not-expressible", "rules[0].allowedOrigins", `[] is empty; Swift reads an empty Allow-Origin as no CORS at all — add an origin`)],
    ],
  ])("%s", (_name, format, config, expected) => {
    expect(codecFor(format).limitations(config)).toEqual(expected);
  });

  test("fails when rendering a policy the format cannot hold, with every limitation in the error", () => {
    let thrown: unknown;
    try {
      renderDocument(FULL, "gcs-json");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CorsValidationError);
    expect((thrown as CorsValidationError).issues).toEqual(codecFor("gcs-json").limitations(FULL));
    expect((thrown as CorsValidationError).message).toBe(
      [
        "the gcs-json format cannot hold this policy:",
        `  - rules[0].id: "uploads" cannot be stored; GCS CORS entries have no id — remove the id, or use a format that keeps ids`,
        `  - rules[0].allowedHeaders: ["content-type"] cannot be stored; GCS CORS has no allowed request headers (its responseHeader is what S3 calls ExposeHeaders) — remove allowedHeaders, or use another format`,
      ].join("\n"),
    );
  });

  test.each<[FormatName, "throws" | "renders", "throws" | "renders"]>([
    ["s3-xml", "renders", "renders"],
    ["aws-json", "renders", "renders"],
    ["rule-array", "renders", "renders"],
    ["cloudflare-api", "renders", "renders"],
    ["gcs-json", "throws", "throws"],
    ["swift-headers", "throws", "renders"],
    ["b2-json", "renders", "renders"],
  ])("%s: the full policy %s, the Swift-shaped one %s", (format, full, swiftShaped) => {
    const outcome = (config: CorsConfiguration): string => {
      try {
        codecFor(format).encode(config);
        return "renders";
      } catch (error) {
        return error instanceof CorsValidationError ? "throws" : `throws ${String(error)}`;
      }
    };
    expect([outcome(FULL), outcome({ rules: [SWIFT_RULE] })]).toEqual([full, swiftShaped]);
  });
});

/** The widening refusal, validation's (validate/expressible.ts), on the Swift format: no opt-in, since a document has none. */
describe("renderPolicy as swift-headers", () => {
  test.each<[string, CorsConfiguration, Issue[]]>([
    [
      "fails when Swift cannot restrict the methods, saying which would be widened",
      { rules: [{ ...SWIFT_RULE, allowedMethods: ["GET", "HEAD"] }] },
      [
        err(
          "methods-would-widen",
          "rules[0].allowedMethods",
          `["GET","HEAD"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE would be allowed too — list all of GET, PUT, POST, DELETE, HEAD`,
        ),
      ],
    ],
    [
      "fails when Swift cannot restrict the request headers",
      { rules: [{ ...SWIFT_RULE, allowedHeaders: ["content-type"] }] },
      [
        err(
          "headers-would-widen",
          "rules[0].allowedHeaders",
          `["content-type"] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"]`,
        ),
      ],
    ],
    [
      "fails when a rule has no allowed headers (Swift widens it too)",
      { rules: [{ allowedOrigins: ["https://app.example"], allowedMethods: ALL }] },
      [
        err(
          "headers-would-widen",
          "rules[0].allowedHeaders",
          `[] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"]`,
        ),
      ],
    ],
    [
      "fails when rules differ in more than their origins, with what the format cannot carry",
      { rules: [SWIFT_RULE, { ...SWIFT_RULE, id: "other", allowedOrigins: ["https://other.example"], maxAgeSeconds: 60 }] },
      [
        err(
          "rules-not-expressible",
          "rules",
          `2 rules with different settings (rules[0] and rules[1]); OpenStack Swift holds one CORS setting per container — merge them into one rule`,
        ),
        err("id-not-expressible", "rules[1].id", `"other" cannot be stored; Swift container metadata has no rule ids — remove the id`),
      ],
    ],
  ])("%s", (_name, config, expected) => {
    let thrown: unknown;
    try {
      renderPolicy(config, "swift-headers");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CorsValidationError);
    expect((thrown as CorsValidationError).issues).toEqual(expected);
  });

  test("renders rules that differ only in their origins as one Allow-Origin list", () => {
    expect(renderPolicy({ rules: [SWIFT_RULE, { ...SWIFT_RULE, allowedOrigins: ["https://other.example"] }] }, "swift-headers")).toEqual({
      "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example https://other.example",
    });
  });
});
