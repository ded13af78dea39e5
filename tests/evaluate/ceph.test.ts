import { evaluate, type EvaluableConfig } from "../../provider/evaluate";
import { actual, preflight } from "./requests";

// The `ceph-legacy` dialect: Ceph RGW 16.2.15 as observed here (docs/cors-semantics.md, "13. Ceph RGW"), and its source
// (src/rgw/rgw_op.cc, rgw_cors.cc, rgw_rest.cc) where the observation says nothing.

const APP = "https://app.example.com";
const ceph = { dialect: "ceph-legacy" } as const;
const denied = { status: 403, headers: {}, errorCode: "AccessDenied", errorMessage: "" };

describe("ceph preflight", () => {
  const rules: EvaluableConfig = {
    rules: [
      {
        allowedOrigins: [APP],
        allowedMethods: ["GET"],
        allowedHeaders: ["x-custom", "Content-*"],
        exposeHeaders: ["x-amz-request-id", "ETag"],
        maxAgeSeconds: 600,
      },
      { allowedOrigins: [APP, "*"], allowedMethods: ["PUT", "GET"], allowedHeaders: ["*"] },
    ],
  };
  test.each([
    [
      "allowed: Allow-Methods is the requested method only, headers echoed joined by `,` with case kept, only Vary: Origin",
      preflight(APP, "GET", "X-Custom, content-type"),
      200,
      {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "X-Custom,content-type",
        "access-control-expose-headers": "x-amz-request-id,ETag",
        "access-control-max-age": "600",
        vary: "Origin",
      },
    ],
    [
      "a * rule echoes the origin (anonymous preflight too)",
      preflight("https://other.example", "PUT"),
      200,
      { "access-control-allow-origin": "https://other.example", "access-control-allow-methods": "PUT", vary: "Origin" },
    ],
    ["the rule is chosen by origin alone: rules[0] lists the origin but not PUT, and rules[1] is never consulted", preflight(APP, "PUT"), 403, {}],
    ["the chosen rule refuses a header: 403, no other rule consulted", preflight(APP, "GET", "x-other"), 403, {}],
    ["Access-Control-Request-Method is case-sensitive (`get` → 403)", preflight(APP, "get"), 403, {}],
    [
      "origins compare case-sensitively (falls through to the * rule)",
      preflight("https://App.example.com", "PUT", "X-A"),
      200,
      {
        "access-control-allow-origin": "https://App.example.com",
        "access-control-allow-methods": "PUT",
        "access-control-allow-headers": "X-A",
        vary: "Origin",
      },
    ],
    [
      "headers compare case-insensitively",
      preflight(APP, "GET", "CONTENT-LENGTH"),
      200,
      {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "CONTENT-LENGTH",
        "access-control-expose-headers": "x-amz-request-id,ETag",
        "access-control-max-age": "600",
        vary: "Origin",
      },
    ],
    [
      "requested headers are cut at ; = space and tab too",
      preflight(APP, "GET", "x-custom content-type;x-custom"),
      200,
      {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "x-custom,content-type,x-custom",
        "access-control-expose-headers": "x-amz-request-id,ETag",
        "access-control-max-age": "600",
        vary: "Origin",
      },
    ],
  ])("%s", (_name, request, status, headers) => {
    const result = evaluate(rules, request, ceph);
    expect({ status: result.status, headers: result.headers }).toEqual({ status, headers });
  });

  test("explains that RGW chose the rule by origin alone", () => {
    expect(evaluate(rules, preflight(APP, "PUT"), ceph)).toEqual({
      ...denied,
      explanation: [
        'rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "PUT" is not one of "GET"',
        "RGW chose rules[0] by origin alone and consults no other rule: 403",
      ],
    });
  });

  test.each([
    [
      "no bucket: 404 NoSuchBucket, before anything else",
      null,
      preflight(undefined, undefined),
      false,
      { status: 404, headers: {}, errorCode: "NoSuchBucket", errorMessage: "" },
    ],
    [
      "no Origin: 400 InvalidArgument, even without a config",
      null,
      preflight(undefined, "GET"),
      true,
      { status: 400, headers: {}, errorCode: "InvalidArgument", errorMessage: "" },
    ],
    [
      "no Access-Control-Request-Method: 400 InvalidArgument, even without a config",
      null,
      preflight(APP, undefined),
      true,
      { status: 400, headers: {}, errorCode: "InvalidArgument", errorMessage: "" },
    ],
    ["no CORS configuration: 403", null, preflight(APP, "GET"), true, denied],
  ])("%s (errors carry an empty Message)", (_name, config, request, bucketExists, expected) => {
    expect(evaluate(config, request, { ...ceph, bucketExists })).toEqual({ ...expected, explanation: expect.any(Array) });
  });

  test("no rule lists the origin: 403 AccessDenied", () => {
    const config: EvaluableConfig = { rules: [{ allowedOrigins: [APP], allowedMethods: ["GET"] }] };
    expect(evaluate(config, preflight("https://evil.example", "GET"), ceph)).toEqual({
      ...denied,
      explanation: ['rules[0]: origin "https://evil.example" matches none of "https://app.example.com"', "no rule lists the origin: 403"],
    });
  });

  test.each([
    ["-1", -1],
    ["99999999999", 99999999999],
    ["4294967295, RGW's own 'unset' value", 4294967295],
  ])("a max-age RGW cannot hold (%s) is not sent", (_name, maxAgeSeconds) => {
    expect(evaluate({ rules: [{ allowedOrigins: [APP], allowedMethods: ["GET"], maxAgeSeconds }] }, preflight(APP, "GET"), ceph).headers).toEqual({
      "access-control-allow-origin": APP,
      "access-control-allow-methods": "GET",
      vary: "Origin",
    });
  });

  test("an Origin header that is present but empty picks a * rule and gets 200 without CORS headers (dump_access_control)", () => {
    expect(evaluate({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] }, preflight("", "GET"), ceph)).toEqual({
      status: 200,
      headers: {},
      matchedRule: 0,
      explanation: [
        'rules[0]: matches: origin "" matches "*", method "GET" is allowed, no headers requested',
        "the Origin is empty, so RGW sends no CORS headers: 200",
      ],
    });
  });

  test("the origin wildcard is RGW's prefix-and-suffix test, which lets them overlap (ab*ba matches aba; aws does not)", () => {
    expect(evaluate({ rules: [{ allowedOrigins: ["ab*ba"], allowedMethods: ["GET"] }] }, preflight("aba", "GET"), ceph).status).toBe(200);
    expect(evaluate({ rules: [{ allowedOrigins: ["ab*ba"], allowedMethods: ["GET"] }] }, preflight("aba", "GET")).status).toBe(403);
  });
});

describe("ceph actual requests", () => {
  const star: EvaluableConfig = {
    rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"], allowedHeaders: ["x-a"], exposeHeaders: ["ETag"], maxAgeSeconds: 5 }],
  };
  test.each([
    [
      "an anonymous request under a * rule gets *, and no Vary",
      actual("GET", { Origin: APP }),
      { "access-control-allow-origin": "*", "access-control-allow-methods": "GET", "access-control-expose-headers": "ETag", "access-control-max-age": "5" },
    ],
    [
      "a signed request (Authorization) gets the origin echoed and Vary: Origin",
      actual("GET", { Origin: APP, Authorization: "AWS4-HMAC-SHA256 …" }),
      {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "GET",
        "access-control-expose-headers": "ETag",
        "access-control-max-age": "5",
        vary: "Origin",
      },
    ],
    [
      "Access-Control-Request-Method replaces the method (a PUT asking for GET)",
      actual("PUT", { Origin: APP, "Access-Control-Request-Method": "GET" }),
      { "access-control-allow-origin": "*", "access-control-allow-methods": "GET", "access-control-expose-headers": "ETag", "access-control-max-age": "5" },
    ],
    [
      "requested headers are filtered, not enforced",
      actual("GET", { Origin: APP, "Access-Control-Request-Headers": "x-b, X-A" }),
      {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "X-A",
        "access-control-expose-headers": "ETag",
        "access-control-max-age": "5",
      },
    ],
    ["a method the rule lacks: no CORS headers", actual("PUT", { Origin: APP }), {}],
    ["no Origin: no CORS headers", actual("GET"), {}],
  ])("%s", (_name, request, headers) => {
    const result = evaluate(star, request, ceph);
    expect(result.status).toBeUndefined();
    expect(result.headers).toEqual(headers);
  });

  test.each([
    ["no config", null, true],
    ["no bucket", { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] }, false],
  ])("%s: no CORS headers", (_name, config, bucketExists) => {
    expect(evaluate(config, actual("GET", { Origin: APP }), { ...ceph, bucketExists }).headers).toEqual({});
  });
});
