import { validate } from "../../provider/model/validate";
import type { CorsRuleInput } from "../../provider/model/schema";
import type { ProfileName } from "../../provider/profiles/types";

const rule = (over: Partial<CorsRuleInput> = {}): CorsRuleInput => ({ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], ...over });

/** Every message of one rule checked against a profile. */
function messages(rules: CorsRuleInput[], profile: ProfileName = "aws"): string[] {
  return validate({ rules }, { profile }).map((i) => i.message);
}

describe("validate: generic rules (AWS)", () => {
  test("a valid policy has no issues", () => {
    expect(validate({ rules: [rule({ allowedMethods: ["get", "Put"], allowedHeaders: ["x-amz-*"], exposeHeaders: ["ETag"], maxAgeSeconds: 3600, id: "app" }), rule({ allowedOrigins: ["*"] })] }, { profile: "aws" })).toEqual([]);
  });

  test.each<[string, CorsRuleInput[], string[]]>([
    ["fails when the rule list is empty", [], ["rules: [] is empty; a CORS configuration needs at least one rule — add a rule, or delete the policy to remove CORS from the bucket"]],
    ["fails when there are more than 100 rules", Array.from({ length: 101 }, () => rule()), ["rules: 101 rules is more than the 100 Amazon S3 accepts — merge rules that allow the same methods and headers"]],
    ["fails when an origin has a path", [rule({ allowedOrigins: ["https://app.example.com/"] })], ['rules[0].allowedOrigins[0]: "https://app.example.com/" has a path; an origin is "*" or scheme://host[:port] — use "https://app.example.com"']],
    ["fails when an origin has a query", [rule({ allowedOrigins: ["https://app.example.com?x=1"] })], ['rules[0].allowedOrigins[0]: "https://app.example.com?x=1" has a query; an origin is "*" or scheme://host[:port] — use "https://app.example.com"']],
    ["fails when an origin has no scheme", [rule({ allowedOrigins: ["app.example.com"] })], ['rules[0].allowedOrigins[0]: "app.example.com" has no scheme; an origin is "*" or scheme://host[:port] — use "https://app.example.com"']],
    ["fails when a localhost origin has no scheme", [rule({ allowedOrigins: ["localhost:3000"] })], ['rules[0].allowedOrigins[0]: "localhost:3000" has no scheme; an origin is "*" or scheme://host[:port] — use "http://localhost:3000"']],
    ["fails when an origin is empty", [rule({ allowedOrigins: [""] })], ['rules[0].allowedOrigins[0]: "" is empty; an origin is "*" or scheme://host[:port] — remove it, or write the site\'s origin, e.g. "https://app.example.com"']],
    ["fails when an origin has two wildcards", [rule({ allowedOrigins: ["https://*.*.example.com"] })], ['rules[0].allowedOrigins[0]: "https://*.*.example.com" has 2 "*"; an origin may contain at most one "*" — keep one, e.g. "https://*.example.com"']],
    ["fails when an origin has upper case", [rule({ allowedOrigins: ["https://App.example.com"] })], ['rules[0].allowedOrigins[0]: "https://App.example.com" has upper-case letters; browsers send origins in lower case and servers compare them exactly — use "https://app.example.com"']],
    ["fails when an origin names the default port", [rule({ allowedOrigins: ["https://app.example.com:443"] })], ['rules[0].allowedOrigins[0]: "https://app.example.com:443" names the default port; browsers leave it out of the Origin header, so this never matches — use "https://app.example.com"']],
    ["fails when an origin has user info", [rule({ allowedOrigins: ["https://me@app.example.com"] })], ['rules[0].allowedOrigins[0]: "https://me@app.example.com" has user info; an origin is "*" or scheme://host[:port] — use "https://app.example.com"']],
    ["fails when a rule has no origins", [rule({ allowedOrigins: [] })], ['rules[0].allowedOrigins: [] is empty; a rule needs at least one origin — add one, e.g. "https://app.example.com", or "*" for any site']],
    ["fails when a method is not a CORS method", [rule({ allowedMethods: ["GET", "PATCH"] })], ['rules[0].allowedMethods[1]: "PATCH" is not a method Amazon S3 allows in a CORS rule; allowed are GET, PUT, POST, DELETE, HEAD — remove it']],
    ["fails when a rule has no methods", [rule({ allowedMethods: [] })], ["rules[0].allowedMethods: [] is empty; a rule needs at least one method — add one of GET, PUT, POST, DELETE, HEAD"]],
    ["fails when an allowed header has two wildcards", [rule({ allowedHeaders: ["x-*-*"] })], ['rules[0].allowedHeaders[0]: "x-*-*" has 2 "*"; an allowed header may contain at most one "*" — keep one, e.g. "x-amz-*"']],
    ["fails when an allowed header is a comma list", [rule({ allowedHeaders: ["content-type, x-amz-date"] })], ['rules[0].allowedHeaders[0]: "content-type, x-amz-date" holds several names; each entry is one header name — split it into "content-type", "x-amz-date"']],
    ["fails when an expose header is a wildcard", [rule({ exposeHeaders: ["*"] })], ['rules[0].exposeHeaders[0]: "*" has "*"; expose headers are exact names, S3 rejects wildcards here — list each header, e.g. "ETag"']],
    ["fails when an expose header has a space", [rule({ exposeHeaders: ["x amz"] })], ['rules[0].exposeHeaders[0]: "x amz" is not a header name; header names hold only letters, digits and !#$%&\'+-.^_`|~ — use "x-amz"']],
    ["fails when an ID is longer than 255 characters", [rule({ id: "a".repeat(256) })], [`rules[0].id: "${"a".repeat(76)}... is 256 characters; a rule ID may be at most 255 — shorten it`]],
    ["fails when two rules share an ID", [rule({ id: "app" }), rule({ id: "app" })], ['rules[1].id: "app" is also the ID of rules[0]; rule IDs must be unique — rename one of them']],
    ["fails when max-age is negative", [rule({ maxAgeSeconds: -1 })], ["rules[0].maxAgeSeconds: -1 is negative; max-age is seconds ≥ 0 — use 0 to stop browsers caching the preflight, or omit it"]],
    ["fails when max-age is not a whole number", [rule({ maxAgeSeconds: 1.5 })], ["rules[0].maxAgeSeconds: 1.5 is not a whole number; max-age is whole seconds — use 2"]],
  ])("%s", (_name, rules, expected) => {
    expect(messages(rules)).toEqual(expected);
  });

  test("fails when the rendered document is larger than 64 KB", () => {
    const origins = Array.from({ length: 1000 }, (_, i) => `https://site-${String(i).padStart(4, "0")}.example.com`);
    const issues = validate({ rules: [rule({ allowedOrigins: origins }), rule({ allowedOrigins: origins.map((o) => o.replace("site", "web")) })] }, { profile: "aws" });
    expect(issues.map((i) => i.code)).toEqual(["document-too-large"]);
    expect(issues[0]!.message).toMatch(/^rules: the rendered document is \d+ bytes, more than the 65536 Amazon S3 accepts — merge rules or shorten the origin lists$/);
  });

  test("reports every issue at once, each with its path", () => {
    const issues = validate({ rules: [rule({ allowedOrigins: ["https://a.example/", "b.example"], allowedMethods: ["PATCH"] }), rule({ maxAgeSeconds: -5 })] }, { profile: "aws" });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["origin-has-path", "rules[0].allowedOrigins[0]"],
      ["origin-no-scheme", "rules[0].allowedOrigins[1]"],
      ["method-unsupported", "rules[0].allowedMethods[0]"],
      ["max-age-negative", "rules[1].maxAgeSeconds"],
    ]);
  });
});

describe("validate: profile rules", () => {
  test("fails when R2 max-age is above 86400", () => {
    expect(messages([rule({ maxAgeSeconds: 90000 })], "r2")).toEqual(["rules[0].maxAgeSeconds: 90000 is more than 86400, the most Cloudflare R2 accepts — use 86400"]);
  });

  test("fails when an Exoscale header wildcard is not a prefix", () => {
    expect(messages([rule({ allowedHeaders: ["x-*-date"] })], "exoscale")).toEqual(['rules[0].allowedHeaders[0]: "x-*-date" has "*" before its end; Exoscale SOS allows a header wildcard only as a prefix match — use "x-*"']);
  });

  test("accepts an Exoscale prefix wildcard", () => {
    expect(messages([rule({ allowedHeaders: ["Content-*"] })], "exoscale")).toEqual([]);
  });

  test("fails when a Spaces origin wildcard is not the first host label", () => {
    expect(messages([rule({ allowedOrigins: ["https://app-*.example.com"] })], "spaces")).toEqual(['rules[0].allowedOrigins[0]: "https://app-*.example.com" has "*" inside the host; DigitalOcean Spaces allows a wildcard only as the first label of the host — use "https://*.example.com"']);
  });

  test("fails when MinIO community is the target, naming the global alternative", () => {
    const issues = validate({ rules: [rule()] }, { profile: "minio" });
    expect(issues.map((i) => i.code)).toEqual(["no-per-bucket-cors"]);
    expect(issues[0]!.message).toContain("MINIO_API_CORS_ALLOW_ORIGIN");
  });

  test("fails when a Swift rule restricts methods or headers, saying what would widen", () => {
    expect(messages([rule({ allowedMethods: ["GET", "HEAD"], allowedHeaders: ["content-type"] })], "swift")).toEqual([
      'rules[0].allowedMethods: ["GET","HEAD"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, or set swift: { allowWidening: true } to accept the wider policy',
      'rules[0].allowedHeaders: ["content-type"] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"], or set swift: { allowWidening: true } to accept the wider policy',
    ]);
  });

  test("fails when Swift gets several rules with different settings", () => {
    const all = { allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] };
    expect(messages([rule({ ...all }), rule({ ...all, allowedOrigins: ["https://b.example"], maxAgeSeconds: 60 })], "swift")).toEqual([
      "rules: 2 rules with different settings (rules[0] and rules[1]); OpenStack Swift holds one CORS setting per container — merge them into one rule, or set swift: { allowWidening: true } to accept the wider policy",
    ]);
  });

  test("fails when a Swift origin has a partial wildcard", () => {
    const all = { allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] };
    expect(messages([rule({ ...all, allowedOrigins: ["https://*.example.com"] })], "swift")).toEqual(['rules[0].allowedOrigins[0]: "https://*.example.com" has a partial wildcard; OpenStack Swift matches origins exactly and only a bare "*" is a wildcard — list each origin, or use "*"']);
  });

  test("accepts a widening Swift policy when asked to", () => {
    expect(validate({ rules: [rule({ allowedMethods: ["GET"] }), rule({ allowedOrigins: ["https://b.example"], maxAgeSeconds: 60 })] }, { profile: "swift", allowWidening: true })).toEqual([]);
  });
});
