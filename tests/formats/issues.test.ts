import { parseDocument } from "../../provider/formats";
import type { FormatName } from "../../provider/formats/types";
import type { Issue } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";
import { expectedIssue } from "./expected-issues";

/** Expected issues, written out: the message is `<path>: <text>` (just `<text>` for the whole document). */
function err(code: string, path: string, text: string): Issue {
  return expectedIssue("error", code, path, text);
}
function warn(code: string, path: string, text: string): Issue {
  return expectedIssue("warning", code, path, text);
}

interface Expected {
  format?: FormatName;
  config?: CorsConfiguration;
  issues: Issue[];
}

describe("decode issues: exact codes, paths and messages", () => {
  test.each<[string, string | undefined, unknown, Expected]>([
    [
      "fails when a rule has unknown keys (with a rename hint for a near miss)",
      "aws-json",
      '{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"AllowedOrigin":["x"],"Color":"red"}]}',
      {
        format: "aws-json",
        issues: [
          err(
            "unknown-field",
            "rules[0].AllowedOrigin",
            '"AllowedOrigin" is not a field of an S3 CORS rule; allowed are ID, AllowedHeaders, AllowedMethods, AllowedOrigins, ExposeHeaders, MaxAgeSeconds — rename it to "AllowedOrigins"',
          ),
          err(
            "unknown-field",
            "rules[0].Color",
            '"Color" is not a field of an S3 CORS rule; allowed are ID, AllowedHeaders, AllowedMethods, AllowedOrigins, ExposeHeaders, MaxAgeSeconds — remove it',
          ),
        ],
      },
    ],
    [
      "fails when the AWS CLI wrapper has an unknown key",
      "aws-json",
      '{"CORSRules":[],"Bucket":"b"}',
      {
        format: "aws-json",
        issues: [err("unknown-field", "Bucket", '"Bucket" is not a field of AWS CLI CORS JSON; allowed are CORSRules — remove it')],
      },
    ],
    [
      "fails when values have the wrong JSON types",
      "aws-json",
      '{"CORSRules":[{"AllowedOrigins":"*","AllowedMethods":["GET",5],"ID":7,"MaxAgeSeconds":"3600"}]}',
      {
        format: "aws-json",
        issues: [
          err("wrong-type", "rules[0].allowedOrigins", '"*" is a string; AllowedOrigins is a list of strings — write ["*"]'),
          err("wrong-type", "rules[0].allowedMethods[1]", "5 is a number; AllowedMethods holds strings — quote it"),
          err("wrong-type", "rules[0].id", "7 is a number; ID is a string — quote it"),
          err("wrong-type", "rules[0].maxAgeSeconds", '"3600" is a string; MaxAgeSeconds is a whole number of seconds — write 3600 without quotes'),
        ],
      },
    ],
    [
      "fails when a rule is not an object",
      "rule-array",
      '["*"]',
      {
        format: "rule-array",
        issues: [
          err(
            "wrong-type",
            "rules[0]",
            '"*" is a string; each rule is an object such as {"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]} — replace it with a rule object',
          ),
        ],
      },
    ],
    [
      "fails when a rule lacks origins and methods",
      "rule-array",
      '[{"AllowedHeaders":["*"]}]',
      {
        format: "rule-array",
        issues: [
          err("missing-field", "rules[0].allowedOrigins", 'is missing; every rule needs "AllowedOrigins" — add "AllowedOrigins": ["https://app.example"]'),
          err("missing-field", "rules[0].allowedMethods", 'is missing; every rule needs "AllowedMethods" — add "AllowedMethods": ["GET"]'),
        ],
      },
    ],
    [
      "fails when MaxAgeSeconds is not a whole number",
      "aws-json",
      '{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"MaxAgeSeconds":1.5}]}',
      {
        format: "aws-json",
        issues: [err("not-integer", "rules[0].maxAgeSeconds", "1.5 is not a whole number; MaxAgeSeconds counts whole seconds — use a whole number such as 2")],
      },
    ],
    [
      "warns when a rule uses the AWS CDK spellings (aws/aws-cdk#30230)",
      "rule-array",
      '[{"allowedOrigins":["*"],"allowedMethods":["GET"],"exposedHeaders":["ETag"],"maxAge":60,"id":"a"}]',
      {
        format: "rule-array",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"], id: "a", exposeHeaders: ["etag"], maxAgeSeconds: 60 }] },
        issues: [
          warn(
            "field-spelling",
            "rules[0].allowedOrigins",
            '"allowedOrigins" is the AWS CDK spelling; the S3 API calls it "AllowedOrigins" — converted; rename it to "AllowedOrigins"',
          ),
          warn(
            "field-spelling",
            "rules[0].allowedMethods",
            '"allowedMethods" is the AWS CDK spelling; the S3 API calls it "AllowedMethods" — converted; rename it to "AllowedMethods"',
          ),
          warn(
            "field-spelling",
            "rules[0].exposeHeaders",
            '"exposedHeaders" is the AWS CDK spelling; the S3 API calls it "ExposeHeaders" — converted; rename it to "ExposeHeaders"',
          ),
          warn(
            "field-spelling",
            "rules[0].maxAgeSeconds",
            '"maxAge" is the AWS CDK spelling; the S3 API calls it "MaxAgeSeconds" — converted; rename it to "MaxAgeSeconds"',
          ),
          warn("field-spelling", "rules[0].id", '"id" is the AWS CDK spelling; the S3 API calls it "ID" — converted; rename it to "ID"'),
        ],
      },
    ],
    [
      "warns when a document uses the CloudFormation spellings (serverless#6669)",
      "aws-json",
      '{"CorsRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"ExposedHeaders":["ETag"],"MaxAge":60,"Id":"a"}]}',
      {
        format: "aws-json",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"], id: "a", exposeHeaders: ["etag"], maxAgeSeconds: 60 }] },
        issues: [
          warn(
            "field-spelling",
            "CORSRules",
            '"CorsRules" is the CloudFormation spelling; the AWS CLI calls it "CORSRules" — converted; rename it to "CORSRules"',
          ),
          warn(
            "field-spelling",
            "rules[0].exposeHeaders",
            '"ExposedHeaders" is the CloudFormation spelling; the S3 API calls it "ExposeHeaders" — converted; rename it to "ExposeHeaders"',
          ),
          warn(
            "field-spelling",
            "rules[0].maxAgeSeconds",
            '"MaxAge" is the CloudFormation spelling; the S3 API calls it "MaxAgeSeconds" — converted; rename it to "MaxAgeSeconds"',
          ),
          warn("field-spelling", "rules[0].id", '"Id" is the CloudFormation spelling; the S3 API calls it "ID" — converted; rename it to "ID"'),
        ],
      },
    ],
    [
      "fails when one field is given in two spellings",
      "aws-json",
      '{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"ExposeHeaders":["ETag"],"ExposedHeaders":["ETag"]}]}',
      {
        format: "aws-json",
        issues: [
          err(
            "duplicate-field",
            "rules[0].exposeHeaders",
            'both "ExposeHeaders" and "ExposedHeaders" are given; they are the same field — keep "ExposeHeaders" and remove the other',
          ),
        ],
      },
    ],
    [
      "warns when S3 rules sit inside Cloudflare's wrapper (cloudflare/workers-sdk#8486)",
      undefined,
      '{"rules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"MaxAgeSeconds":60}]}',
      {
        format: "cloudflare-api",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 60 }] },
        issues: [
          warn(
            "s3-rules-in-cloudflare",
            "rules[0]",
            'S3-style keys ("AllowedOrigins", "AllowedMethods", "MaxAgeSeconds") inside Cloudflare\'s {"rules": […]} wrapper; R2\'s API wants {"rules":[{"allowed":{"origins":[…],"methods":[…],"headers":[…]},"exposeHeaders":[…],"maxAgeSeconds":N}]} — converted as S3 rules',
          ),
        ],
      },
    ],
    [
      "fails when a Cloudflare rule mixes in S3 and snake_case keys",
      "cloudflare-api",
      '{"rules":[{"allowed":{"origins":["*"],"methods":["GET"],"header":["x"]},"AllowedHeaders":["*"],"expose_headers":["a"]}]}',
      {
        format: "cloudflare-api",
        issues: [
          err(
            "unknown-field",
            "rules[0].AllowedHeaders",
            '"AllowedHeaders" is an S3 field; a Cloudflare CORS rule has id, allowed, exposeHeaders, maxAgeSeconds — move it to "allowed": {"headers": […]}',
          ),
          err(
            "unknown-field",
            "rules[0].expose_headers",
            '"expose_headers" is not a field of a Cloudflare CORS rule; allowed are id, allowed, exposeHeaders, maxAgeSeconds — rename it to "exposeHeaders"',
          ),
          err(
            "unknown-field",
            "rules[0].allowed.header",
            '"header" is not a field of Cloudflare\'s "allowed" object; allowed are origins, methods, headers — rename it to "headers"',
          ),
        ],
      },
    ],
    [
      "fails when a Cloudflare rule has no allowed object",
      "cloudflare-api",
      '{"rules":[{"id":"x"}]}',
      {
        format: "cloudflare-api",
        issues: [
          err(
            "missing-field",
            "rules[0].allowed",
            'is missing; every Cloudflare rule needs "allowed" — add "allowed": {"origins": ["https://app.example"], "methods": ["GET"]}',
          ),
        ],
      },
    ],
    [
      "warns when Cloudflare rules come without their wrapper",
      "cloudflare-api",
      '[{"allowed":{"origins":["*"],"methods":["GET"]}}]',
      {
        format: "cloudflare-api",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
        issues: [warn("missing-wrapper", "", 'the rules are a bare list; Cloudflare\'s API wants {"rules": […]} — converted; wrap the list in {"rules": …}')],
      },
    ],
    [
      "reads Cloudflare's GET response envelope silently",
      undefined,
      '{"success":true,"errors":[],"messages":[],"result":{"rules":[{"allowed":{"origins":["*"],"methods":["GET"]}}]}}',
      {
        format: "cloudflare-api",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
        issues: [],
      },
    ],
    [
      "fails when a GCS entry has an unknown method and key (and warns about a * method)",
      "gcs-json",
      '[{"origin":["*"],"method":["*","OPTIONS"],"responseHeaders":["x"]}]',
      {
        format: "gcs-json",
        issues: [
          err(
            "unknown-field",
            "rules[0].responseHeaders",
            '"responseHeaders" is not a field of a GCS CORS entry; allowed are origin, method, responseHeader, maxAgeSeconds — rename it to "responseHeader"',
          ),
          warn(
            "gcs-wildcard-method",
            "rules[0].allowedMethods[0]",
            '"*" means every method to GCS; the canonical model lists methods — converted to GET, PUT, POST, DELETE, HEAD',
          ),
          err(
            "gcs-unknown-method",
            "rules[0].allowedMethods[1]",
            '"OPTIONS" is not one of GET, PUT, POST, DELETE, HEAD; GCS accepts any method name, S3-compatible services only these — remove it',
          ),
        ],
      },
    ],
    [
      "warns when a console rule comes without its list",
      "rule-array",
      '{"AllowedOrigins":["*"],"AllowedMethods":["GET"]}',
      {
        format: "rule-array",
        config: { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
        issues: [warn("missing-wrapper", "", "the document is a single rule; the console format is a list of rules — converted; wrap the rule in [ … ]")],
      },
    ],
    [
      "fails when AWS CLI JSON is read as a console array",
      "rule-array",
      '{"CORSRules":[]}',
      {
        format: "rule-array",
        issues: [
          err(
            "wrong-type",
            "",
            'an object with "CORSRules" is AWS CLI JSON; the console format is the bare list [{…}] — take the list out of "CORSRules", or read the document as aws-json',
          ),
        ],
      },
    ],
    [
      "fails when XML declares a DOCTYPE",
      undefined,
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><CORSConfiguration/>',
      {
        format: "s3-xml",
        issues: [
          err(
            "xml-doctype",
            "",
            'the document declares <!DOCTYPE …> at line 2, column 1; DTDs and entity declarations are refused (entity expansion can exhaust memory, "billion laughs", and S3 never uses them) — remove the declaration',
          ),
        ],
      },
    ],
    [
      "fails when XML is malformed, naming line and column",
      undefined,
      "<CORSConfiguration><CORSRule></CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [
          err(
            "malformed-xml",
            "",
            "the XML is not well-formed at line 1, column 30: Expected closing tag 'CORSRule' (opened in line 1, col 20) instead of closing tag 'CORSConfiguration'. — fix the markup there",
          ),
        ],
      },
    ],
    [
      "fails when XML has two root elements",
      undefined,
      "<CORSConfiguration/><CORSConfiguration/>",
      {
        format: "s3-xml",
        issues: [err("malformed-xml", "", "the XML has 2 root elements; a document has exactly one — keep only <CORSConfiguration>")],
      },
    ],
    [
      "fails when an XML rule has no CORSConfiguration root",
      undefined,
      "<CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>",
      {
        format: "s3-xml",
        issues: [
          err(
            "wrong-root",
            "",
            "<CORSRule> is the root element; an S3 CORS document's root is <CORSConfiguration> — wrap the rules in <CORSConfiguration>…</CORSConfiguration>",
          ),
        ],
      },
    ],
    [
      "fails when XML has unknown elements",
      undefined,
      "<CORSConfiguration><CORSRule><AllowedOrigins>*</AllowedOrigins><AllowedMethod>GET</AllowedMethod><Color/></CORSRule><Rule/></CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [
          err(
            "unknown-field",
            "rules[0].AllowedOrigins",
            "<AllowedOrigins> is not an element of <CORSRule>; allowed are <ID>, <AllowedOrigin>, <AllowedMethod>, <AllowedHeader>, <ExposeHeader>, <MaxAgeSeconds> — rename it to <AllowedOrigin>",
          ),
          err(
            "unknown-field",
            "rules[0].Color",
            "<Color> is not an element of <CORSRule>; allowed are <ID>, <AllowedOrigin>, <AllowedMethod>, <AllowedHeader>, <ExposeHeader>, <MaxAgeSeconds> — remove it",
          ),
          err(
            "missing-field",
            "rules[0].allowedOrigins",
            "is missing; every <CORSRule> needs at least one <AllowedOrigin> — add <AllowedOrigin>https://app.example</AllowedOrigin>",
          ),
          err("unknown-field", "Rule", "<Rule> is not an element of <CORSConfiguration>; allowed are <CORSRule> — remove it"),
        ],
      },
    ],
    [
      "fails when an XML MaxAgeSeconds is not an integer and ID repeats",
      undefined,
      "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>1.5</MaxAgeSeconds><ID>a</ID><ID>b</ID></CORSRule></CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [
          err("duplicate-field", "rules[0].id", "<ID> appears 2 times; a rule has at most one — keep one"),
          err("not-integer", "rules[0].maxAgeSeconds", '"1.5" is not a whole number; MaxAgeSeconds counts whole seconds — write digits only, such as 3600'),
        ],
      },
    ],
    [
      "fails when XML uses an undefined entity, nests an element in a value, or has stray text",
      undefined,
      "<CORSConfiguration><CORSRule><AllowedOrigin>&nbsp;</AllowedOrigin><AllowedMethod><x/></AllowedMethod>text</CORSRule></CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [
          err("wrong-type", "rules[0]", 'text "text" inside <CORSRule>; only elements go there — remove the text'),
          err(
            "malformed-xml",
            "rules[0].allowedOrigins[0]",
            '"&nbsp;" is not defined; without a DTD XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references — write the character itself or a reference such as &#160;',
          ),
          err(
            "wrong-type",
            "rules[0].allowedMethods[0]",
            "<AllowedMethod> holds the element <x>; <AllowedMethod> holds text only — put the value directly inside",
          ),
        ],
      },
    ],
    [
      "fails when an XML element is named __proto__",
      undefined,
      "<CORSConfiguration><__proto__/></CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [
          err(
            "forbidden-key",
            "__proto__",
            "<__proto__> at line 1, column 20 is a reserved name; __proto__, constructor, prototype are refused because they can pollute object prototypes — remove the element",
          ),
        ],
      },
    ],
    [
      "fails when XML contains a character XML 1.0 forbids",
      undefined,
      "<CORSConfiguration>\u0001</CORSConfiguration>",
      {
        format: "s3-xml",
        issues: [err("malformed-xml", "", "the document contains U+0001 at line 1, column 20; XML 1.0 cannot carry that character — remove it")],
      },
    ],
    [
      "fails when JSON has a __proto__ key",
      "aws-json",
      '{"CORSRules":[{"__proto__":{"x":1}}]}',
      {
        format: "aws-json",
        issues: [
          err(
            "forbidden-key",
            "CORSRules[0].__proto__",
            '"__proto__" at line 1, column 16 is a reserved key; __proto__, constructor, prototype are refused because they can pollute object prototypes — remove it',
          ),
        ],
      },
    ],
    [
      "fails when JSON has a constructor key",
      undefined,
      '[{"constructor":1}]',
      {
        issues: [
          err(
            "forbidden-key",
            "[0].constructor",
            '"constructor" at line 1, column 3 is a reserved key; __proto__, constructor, prototype are refused because they can pollute object prototypes — remove it',
          ),
        ],
      },
    ],
    [
      "fails when a JSON object repeats a key",
      undefined,
      '{"CORSRules":[],"CORSRules":[]}',
      {
        format: "aws-json",
        issues: [
          err(
            "duplicate-key",
            "CORSRules",
            '"CORSRules" appears twice in one object (again at line 1, column 17); JSON readers disagree on which one counts — keep one of them',
          ),
        ],
      },
    ],
    [
      "fails when a JSON number overflows",
      undefined,
      '[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"MaxAgeSeconds":1e999}]',
      {
        format: "rule-array",
        issues: [err("number-too-large", "[0].MaxAgeSeconds", "1e999 at line 1, column 67 is too large to be a number — use a smaller value")],
      },
    ],
    [
      "fails when JSON nests deeper than 32 levels",
      undefined,
      "[".repeat(40) + "]".repeat(40),
      {
        issues: [
          err(
            "document-too-deep",
            "",
            "the document nests deeper than 32 levels at line 1, column 33; a CORS document needs at most 5 — check that this is the right file",
          ),
        ],
      },
    ],
    [
      "fails when JSON is malformed (trailing comma), naming line and column",
      undefined,
      '{"CORSRules": [{"AllowedOrigins": ["*"],}]}',
      {
        format: "aws-json",
        issues: [err("malformed-json", "", 'found "}" at line 1, column 41 where JSON expects a quoted key — fix the syntax there')],
      },
    ],
    [
      "fails when JSON is truncated",
      undefined,
      '[{"AllowedOrigins": ["*"',
      {
        format: "rule-array",
        issues: [err("malformed-json", "", 'found the end of the document at line 1, column 25 where JSON expects "," or "]" — fix the syntax there')],
      },
    ],
    [
      "fails when a JSON string holds a raw control character",
      undefined,
      '["a\u0001"]',
      {
        issues: [
          err(
            "malformed-json",
            "",
            "a raw control character (U+0001) at line 1, column 4 inside a string; JSON strings carry it only escaped — write \\u0001 instead",
          ),
        ],
      },
    ],
    [
      "fails when the document is over 256 KiB",
      undefined,
      " ".repeat(300000) + "[]",
      {
        issues: [
          err(
            "document-too-large",
            "",
            "the document is 300002 bytes, more than the 262144-byte limit; CORS documents are small (S3 accepts at most 64 KB) — check that this is the right file, or remove content",
          ),
        ],
      },
    ],
    [
      "fails when the document is in no known format, listing every format",
      undefined,
      { hello: "world" },
      {
        issues: [
          err(
            "unknown-format",
            "",
            '{"hello":"world"} is an object, not a CORS document in a format this package reads — write it in one of these formats:\n  s3-xml: <CORSConfiguration><CORSRule><AllowedOrigin>https://app.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>\n  aws-json: {"CORSRules": [{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]}]}\n  rule-array: [{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]}]\n  cloudflare-api: {"rules": [{"allowed": {"origins": ["https://app.example"], "methods": ["GET"]}}]}\n  gcs-json: [{"origin": ["https://app.example"], "method": ["GET"], "maxAgeSeconds": 3600}]\n  swift-headers: X-Container-Meta-Access-Control-Allow-Origin: https://app.example\n  b2-json: [{"corsRuleName": "app-get", "allowedOrigins": ["https://app.example"], "allowedOperations": ["s3_get"], "maxAgeSeconds": 3600}]',
          ),
        ],
      },
    ],
    [
      "fails when Swift metadata has no Allow-Origin (and warns about a header Swift ignores)",
      "swift-headers",
      "Content-Length: 0\nX-Container-Meta-Access-Control-Allow-Methods: GET",
      {
        format: "swift-headers",
        issues: [
          warn(
            "ignored-header",
            "X-Container-Meta-Access-Control-Allow-Methods",
            '"GET" is ignored; Swift reads only X-Container-Meta-Access-Control-Allow-Origin, X-Container-Meta-Access-Control-Max-Age, X-Container-Meta-Access-Control-Expose-Headers (it allows every method and every requested header) — remove this header',
          ),
          err(
            "no-cors-metadata",
            "X-Container-Meta-Access-Control-Allow-Origin",
            "is missing or empty; a Swift container without it has no CORS policy — set it to the allowed origins, separated by spaces",
          ),
        ],
      },
    ],
    [
      "fails when a Swift header is given twice or is not a string",
      "swift-headers",
      {
        "X-Container-Meta-Access-Control-Allow-Origin": "*",
        "x-container-meta-access-control-allow-origin": "x",
        "X-Container-Meta-Access-Control-Max-Age": 60,
      },
      {
        format: "swift-headers",
        issues: [
          err(
            "duplicate-field",
            "X-Container-Meta-Access-Control-Allow-Origin",
            'is given twice (as "X-Container-Meta-Access-Control-Allow-Origin" and "x-container-meta-access-control-allow-origin"); a container holds one value — keep one',
          ),
          err("wrong-type", "X-Container-Meta-Access-Control-Max-Age", "60 is a number; header values are strings — quote it"),
        ],
      },
    ],
    [
      "fails when Swift Max-Age is not a whole number",
      "swift-headers",
      "X-Container-Meta-Access-Control-Allow-Origin: *\nX-Container-Meta-Access-Control-Max-Age: soon",
      {
        format: "swift-headers",
        issues: [
          err(
            "not-integer",
            "rules[0].maxAgeSeconds",
            '"soon" is not a whole number; X-Container-Meta-Access-Control-Max-Age counts whole seconds — write digits only, such as 3600',
          ),
        ],
      },
    ],
    [
      "fails when the XML codec gets an object",
      "s3-xml",
      { a: 1 },
      {
        format: "s3-xml",
        issues: [err("wrong-type", "", '{"a":1} is an object; S3 XML is read from text — pass the document as a string')],
      },
    ],
    [
      "fails when the format name is unknown",
      "nope",
      "[]",
      {
        issues: [
          err(
            "unknown-format",
            "",
            '"nope" is not a format name; formats are s3-xml, aws-json, rule-array, cloudflare-api, gcs-json, swift-headers, b2-json — use one of them',
          ),
        ],
      },
    ],
  ])("%s", (_name, format, input, expected) => {
    expect(parseDocument(input, format === undefined ? {} : { format: format as FormatName })).toEqual(expected);
  });
});
