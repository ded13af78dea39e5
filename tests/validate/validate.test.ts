import { formatPath } from "../../provider/model/issue";
import { s3XmlBody } from "../../provider/formats/s3-xml";
import { validate } from "../../provider/validate/validate";
import type { CorsRuleInput } from "../../provider/model/schema";
import type { ProfileName } from "../../provider/profiles/types";
import { rule, VALIDATION_CASES } from "../fixtures/validation-cases";

/** Every message of one rule checked against a profile. */
function messages(rules: CorsRuleInput[], profile: ProfileName = "aws"): string[] {
  return validate({ rules }, { profile }).map((i) => i.message);
}

describe("validate: generic rules (AWS)", () => {
  test("a valid policy has no issues", () => {
    expect(
      validate(
        {
          rules: [
            rule({ allowedMethods: ["get", "Put"], allowedHeaders: ["x-amz-*"], exposeHeaders: ["ETag"], maxAgeSeconds: 3600, id: "app" }),
            rule({ allowedOrigins: ["*"] }),
          ],
        },
        { profile: "aws" },
      ),
    ).toEqual([]);
  });

  test.each(VALIDATION_CASES)("%s", (_name, rules, expected) => {
    expect(messages(rules)).toEqual(expected);
  });

  test("fails when the rendered document is larger than 64 KB", () => {
    const origins = Array.from({ length: 1000 }, (_, i) => `https://site-${String(i).padStart(4, "0")}.example.com`);
    const issues = validate(
      { rules: [rule({ allowedOrigins: origins }), rule({ allowedOrigins: origins.map((o) => o.replace("site", "web")) })] },
      { profile: "aws" },
    );
    expect(issues.map((i) => i.code)).toEqual(["document-too-large"]);
    expect(issues[0]!.message).toMatch(
      /^rules: the rendered document is \d+ bytes, more than the 65536 Amazon S3 accepts — merge rules or shorten the origin lists$/,
    );
  });

  // The size is measured only for a policy whose ceiling passes the limit (validate.ts, documentCeiling): the edge still counts.
  test("fails when the rendered document is one byte more than 64 KB, and passes at exactly 64 KB", () => {
    const bytes = (origins: string[]) => Buffer.byteLength(s3XmlBody({ rules: [{ allowedOrigins: origins, allowedMethods: ["GET"] }] }, false), "utf8");
    const origins: string[] = [];
    // Up to where one more origin of 1 to 63 characters in its host label reaches the limit.
    while (bytes([...origins, "https://x.example.com"]) < 65536 - 62) origins.push(`https://site-${String(origins.length).padStart(5, "0")}.example.com`);
    const sized = (total: number) => {
      const label = "a".repeat(1 + total - bytes([...origins, "https://a.example.com"]));
      return [...origins, `https://${label}.example.com`];
    };
    expect(bytes(sized(65536))).toBe(65536);
    expect(validate({ rules: [rule({ allowedOrigins: sized(65536) })] }, { profile: "aws" })).toEqual([]);
    expect(validate({ rules: [rule({ allowedOrigins: sized(65537) })] }, { profile: "aws" }).map((i) => i.message)).toEqual([
      "rules: the rendered document is 65537 bytes, more than the 65536 Amazon S3 accepts — merge rules or shorten the origin lists",
    ]);
  });

  test("reports every issue at once, each with its path", () => {
    const issues = validate(
      { rules: [rule({ allowedOrigins: ["https://a.example/", "b.example"], allowedMethods: ["PATCH"] }), rule({ maxAgeSeconds: -5 })] },
      { profile: "aws" },
    );
    expect(issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["origin-has-path", "rules[0].allowedOrigins[0]"],
      ["origin-no-scheme", "rules[0].allowedOrigins[1]"],
      ["method-unsupported", "rules[0].allowedMethods[0]"],
      ["max-age-negative", "rules[1].maxAgeSeconds"],
    ]);
  });
});

describe("validate: profile rules", () => {
  test("fails when R2 max-age is above 86400", () => {
    expect(messages([rule({ maxAgeSeconds: 90000 })], "r2")).toEqual([
      "rules[0].maxAgeSeconds: 90000 is more than 86400, the most Cloudflare R2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)",
    ]);
  });

  test("fails when an Exoscale header wildcard is not a prefix", () => {
    expect(messages([rule({ allowedHeaders: ["x-*-date"] })], "exoscale")).toEqual([
      'rules[0].allowedHeaders[0]: "x-*-date" has "*" before its end; Exoscale SOS allows a header wildcard only as a prefix match — use "x-*"',
    ]);
  });

  test("accepts an Exoscale prefix wildcard", () => {
    expect(messages([rule({ allowedHeaders: ["Content-*"] })], "exoscale")).toEqual([]);
  });

  test("fails when a Spaces origin wildcard is not the first host label", () => {
    expect(messages([rule({ allowedOrigins: ["https://app-*.example.com"] })], "spaces")).toEqual([
      'rules[0].allowedOrigins[0]: "https://app-*.example.com" has "*" inside the host; DigitalOcean Spaces allows a wildcard only as the first label of the host — use "https://*.example.com"',
    ]);
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
    expect(messages([rule({ ...all, allowedOrigins: ["https://*.example.com"] })], "swift")).toEqual([
      'rules[0].allowedOrigins[0]: "https://*.example.com" has a partial wildcard; OpenStack Swift matches origins exactly and only a bare "*" is a wildcard — list each origin, or use "*"',
    ]);
  });

  test("accepts a widening Swift policy when asked to", () => {
    expect(
      validate(
        { rules: [rule({ allowedMethods: ["GET"] }), rule({ allowedOrigins: ["https://b.example"], maxAgeSeconds: 60 })] },
        { profile: "swift", allowWidening: true },
      ),
    ).toEqual([]);
  });
});
