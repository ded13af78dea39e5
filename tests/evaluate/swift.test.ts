import { evaluate, type EvaluableConfig } from "../../provider/evaluate";
import { actual, preflight } from "./requests";

// The `swift` dialect: OpenStack Swift 2.30.1's proxy (Controller.OPTIONS and cors_validation
// in swift/proxy/controllers/base.py), as observed on the test server
// (docs/cors-semantics.md, "15. OpenStack Swift"). The differential test
// checks it against the real server, comparing lists as sets.

const APP = "https://app.example.com";
const swift = { dialect: "swift" } as const;
const OBJECT_METHODS = "POST, OPTIONS, PUT, HEAD, GET, DELETE, COPY";
const unauthorized = {
  status: 401,
  headers: {},
  errorCode: "Unauthorized",
  errorMessage: "This server could not verify that you are authorized to access the document you requested.",
  explanation: expect.any(Array),
};
const DEFAULT_EXPOSE = "cache-control, content-language, content-type, expires, last-modified, pragma, etag, x-timestamp, x-trans-id, x-openstack-request-id";

/** Two rules become one container setting: every origin, every expose header, the longest max-age. */
const config: EvaluableConfig = {
  rules: [
    { allowedOrigins: [APP], allowedMethods: ["GET"], exposeHeaders: ["X-Custom"], maxAgeSeconds: 600 },
    { allowedOrigins: ["https://other.example", "https://*.example.com"], allowedMethods: ["PUT"], allowedHeaders: ["content-type"], maxAgeSeconds: 60 },
  ],
};

describe("swift preflight", () => {
  test.each([
    [
      "allowed: every object method, every requested header echoed, max-age of the merged setting",
      config,
      preflight(APP, "DELETE", "X-Anything, x-other"),
      {
        "access-control-allow-origin": APP,
        "access-control-max-age": "600",
        "access-control-allow-methods": OBJECT_METHODS,
        "access-control-allow-headers": "X-Anything, x-other",
        vary: "Origin, Access-Control-Request-Headers",
      },
      0,
    ],
    [
      "an origin of a later rule is allowed all the same (one implicit rule)",
      config,
      preflight("https://other.example", "GET"),
      {
        "access-control-allow-origin": "https://other.example",
        "access-control-max-age": "600",
        "access-control-allow-methods": OBJECT_METHODS,
        vary: "Origin",
      },
      1,
    ],
    [
      "requested headers are de-duplicated",
      config,
      preflight(APP, "GET", "a, a,, b"),
      {
        "access-control-allow-origin": APP,
        "access-control-max-age": "600",
        "access-control-allow-methods": OBJECT_METHODS,
        "access-control-allow-headers": "a, b",
        vary: "Origin, Access-Control-Request-Headers",
      },
      0,
    ],
    [
      "the container: its own methods, no COPY",
      config,
      preflight(APP, "GET", undefined, "bucket"),
      {
        "access-control-allow-origin": APP,
        "access-control-max-age": "600",
        "access-control-allow-methods": "GET, HEAD, PUT, POST, DELETE, OPTIONS",
        vary: "Origin",
      },
      0,
    ],
    [
      "a whole-value * answers * and no Vary: Origin",
      { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] },
      preflight(APP, "PUT", "x"),
      {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": OBJECT_METHODS,
        "access-control-allow-headers": "x",
        vary: "Access-Control-Request-Headers",
      },
      0,
    ],
    [
      "* next to a listed origin echoes the origin",
      { rules: [{ allowedOrigins: ["*", APP], allowedMethods: ["GET"] }] },
      preflight("https://any.example", "GET"),
      { "access-control-allow-origin": "https://any.example", "access-control-allow-methods": OBJECT_METHODS, vary: "Origin" },
      0,
    ],
    [
      "OPTIONS is one of the methods",
      config,
      preflight(APP, "OPTIONS"),
      { "access-control-allow-origin": APP, "access-control-max-age": "600", "access-control-allow-methods": OBJECT_METHODS, vary: "Origin" },
      0,
    ],
  ])("%s", (_name, cfg, request, headers, matchedRule) => {
    expect(evaluate(cfg, request, swift)).toEqual({ status: 200, headers, matchedRule, explanation: expect.any(Array) });
  });

  test.each([
    ["an unknown origin", config, preflight("https://evil.example", "GET"), true],
    ["a partial wildcard never matches (https://*.example.com)", config, preflight("https://x.example.com", "GET"), true],
    ["origins compare case-sensitively", config, preflight("https://App.example.com", "GET"), true],
    ["no CORS metadata", null, preflight(APP, "GET"), true],
    ["no rules, so no Allow-Origin metadata", { rules: [] }, preflight(APP, "GET"), true],
    ["a missing container", config, preflight(APP, "GET"), false],
    ["a method no controller has (PATCH)", config, preflight(APP, "PATCH"), true],
    ["a lower-case method (`get`)", config, preflight(APP, "get"), true],
    ["COPY, which only the copy middleware appends to the answer", config, preflight(APP, "COPY"), true],
    ["no Access-Control-Request-Method", config, preflight(APP, undefined), true],
  ])("fails with 401, never 403, for %s", (_name, cfg, request, bucketExists) => {
    expect(evaluate(cfg, request, { ...swift, bucketExists })).toEqual(unauthorized);
  });

  test("explains the refusal", () => {
    expect(evaluate(config, preflight("https://x.example.com", "GET"), swift).explanation).toEqual([
      'origin "https://x.example.com" matches none of "https://app.example.com", "https://other.example", "https://*.example.com" (Swift compares exactly; only a whole-value "*" is a wildcard): 401',
    ]);
  });

  test("an OPTIONS without Origin is a plain OPTIONS: 200 and no CORS headers", () => {
    expect(evaluate(null, preflight(undefined, "GET"), swift)).toEqual({
      status: 200,
      headers: {},
      explanation: ["no Origin header: Swift answers a plain OPTIONS (200 with Allow), no CORS headers"],
    });
  });
});

describe("swift actual requests", () => {
  test.each([
    [
      "an allowed origin: Allow-Origin, Vary and Swift's exposed headers plus the configured ones, lower-cased; never credentials, methods or max-age",
      actual("PUT", { Origin: APP }),
      { "access-control-allow-origin": APP, "access-control-expose-headers": `${DEFAULT_EXPOSE}, x-custom`, vary: "Origin" },
    ],
    [
      "no method check: DELETE under a GET/PUT policy",
      actual("DELETE", { Origin: "https://other.example" }),
      { "access-control-allow-origin": "https://other.example", "access-control-expose-headers": `${DEFAULT_EXPOSE}, x-custom`, vary: "Origin" },
    ],
    ["an unknown origin: nothing (strict_cors_mode)", actual("GET", { Origin: "https://evil.example" }), {}],
    ["no Origin: nothing", actual("GET"), {}],
  ])("%s", (_name, request, headers) => {
    const result = evaluate(config, request, swift);
    expect(result.status).toBeUndefined();
    expect(result.headers).toEqual(headers);
  });

  test("a container listing exposes the container's CORS metadata headers and adds Accept to Vary", () => {
    const request = { method: "GET", headers: { Origin: APP }, resource: "bucket" as const };
    expect(evaluate(config, request, swift).headers).toEqual({
      "access-control-allow-origin": APP,
      "access-control-expose-headers": `${DEFAULT_EXPOSE}, x-container-meta-access-control-allow-origin, x-container-meta-access-control-max-age, x-container-meta-access-control-expose-headers, x-custom`,
      vary: "Origin, Accept",
    });
  });

  test.each([
    ["an unknown origin", { Origin: "https://evil.example" }],
    ["no Origin", {}],
  ])("a container listing for %s still has Vary: Accept (listing_formats)", (_name, headers) => {
    expect(evaluate(config, { method: "GET", headers, resource: "bucket" }, swift).headers).toEqual({ vary: "Accept" });
  });

  test("a missing container's listing has no Vary (it is a 404)", () => {
    expect(evaluate(config, { method: "GET", headers: { Origin: APP }, resource: "bucket" }, { ...swift, bucketExists: false }).headers).toEqual({});
  });
});
