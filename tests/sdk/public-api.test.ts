import * as api from "../../sdk";

describe("public API from the package root", () => {
  test("exports the documented names", () => {
    expect(Object.keys(api).sort()).toEqual([
      "BackendError",
      "CORS_METHODS",
      "CorsPolicy",
      "CorsPolicyError",
      "CorsPolicySet",
      "CorsValidationError",
      "FORMAT_NAMES",
      "LINT_CODES",
      "ON_EXISTING",
      "PROFILES",
      "PROFILE_NAMES",
      "VERIFY_MODES",
      "checkLintSuppress",
      "detectFormat",
      "evaluate",
      "lintPolicy",
      "normalizePolicy",
      "parsePolicy",
      "predictBrowser",
      "renderPolicy",
      "rules",
      "targets",
      "validatePolicy",
    ]);
    expect(api.CORS_METHODS).toEqual(["GET", "PUT", "POST", "DELETE", "HEAD"]);
    expect(Object.keys(api.PROFILES)).toEqual([
      "aws",
      "r2",
      "spaces",
      "ovh",
      "exoscale",
      "ceph",
      "b2",
      "wasabi",
      "minio",
      "s3",
      "swift",
      "vstorage",
      "ovh-swift",
      "versitygw",
    ]);
  });

  test("parsePolicy never throws on bad input and says what is wrong", () => {
    for (const bad of [undefined, null, 42, "", "{", "<x>", {}, { rules: "x" }]) {
      const parsed = api.parsePolicy(bad);
      expect(parsed.config).toBeUndefined();
      expect(parsed.issues.length).toBeGreaterThan(0);
    }
    // An empty list parses (it is a well-formed rule array); validation refuses it.
    expect(api.parsePolicy([]).config).toEqual({ rules: [] });
    expect(api.validatePolicy("[]").map((i) => i.code)).toEqual(["rules-empty"]);
  });

  test("parses, validates, renders and detects across formats", () => {
    const xml =
      "<CORSConfiguration><CORSRule><AllowedOrigin>https://app.example.com/</AllowedOrigin><AllowedMethod>get</AllowedMethod></CORSRule></CORSConfiguration>";
    expect(api.detectFormat(xml)).toBe("s3-xml");
    expect(api.parsePolicy(xml)).toEqual({
      format: "s3-xml",
      config: { rules: [{ allowedOrigins: ["https://app.example.com/"], allowedMethods: ["GET"] }] },
      issues: [],
    });
    expect(api.validatePolicy(xml, { profile: "r2" }).map((i) => i.message)).toEqual([
      'rules[0].allowedOrigins[0]: "https://app.example.com/" has a path; an origin is "*" or scheme://host[:port] — use "https://app.example.com"',
    ]);
    const config = api.normalizePolicy({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["put", "get"] }] });
    expect(config).toEqual({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }] });
    expect(api.validatePolicy(config)).toEqual([]);
    expect(JSON.parse(api.renderPolicy(config, "cloudflare-api") as string)).toEqual({
      rules: [{ allowed: { origins: ["https://app.example.com"], methods: ["GET", "PUT"] } }],
    });
    expect(api.parsePolicy(api.renderPolicy(config, "cloudflare-api")).config).toEqual(config);
  });
});
