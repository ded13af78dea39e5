import { evaluate, type EvaluableConfig } from "../../provider/evaluate";
import { actual, AWS_VARY, NOT_ALLOWED, preflight } from "./requests";

// The `s3rver` dialect: s3rver 3.7.1 (lib/middleware/cors.js, lib/models/config.js,
// lib/models/error.js). The differential test checks all of it against the real server.

const APP = "https://app.example.com";
const s3rver = { dialect: "s3rver" } as const;
const refused = (code: string, message: string) => ({ status: 403, headers: {}, errorCode: code, errorMessage: message, explanation: expect.any(Array) });

const config: EvaluableConfig = {
  rules: [
    { allowedOrigins: [APP], allowedMethods: ["PUT", "GET"], allowedHeaders: ["x-amz-*"], exposeHeaders: ["ETag", "X-Foo"], maxAgeSeconds: 30 },
    { allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["*"], exposeHeaders: ["ETag"], maxAgeSeconds: 60 },
  ],
};

describe("s3rver preflight", () => {
  test.each([
    [
      "always answers *, even for an exact-origin rule; no credentials, Expose-Headers or Max-Age",
      preflight(APP, "PUT", "X-Amz-Date, x-amz-acl"),
      {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "PUT, GET",
        "access-control-allow-headers": "x-amz-date, x-amz-acl",
        vary: AWS_VARY,
      },
    ],
    [
      "Access-Control-Request-Method is upper-cased before matching",
      preflight(APP, "put"),
      { "access-control-allow-origin": "*", "access-control-allow-methods": "PUT, GET", vary: AWS_VARY },
    ],
    [
      "a * rule",
      preflight("https://other.example", "GET", "a,b"),
      { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, PUT", "access-control-allow-headers": "a, b", vary: AWS_VARY },
    ],
    [
      "an empty item is kept and only * allows it",
      preflight("https://other.example", "GET", "a,,b"),
      { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, PUT", "access-control-allow-headers": "a, , b", vary: AWS_VARY },
    ],
  ])("%s", (_name, request, headers) => {
    const result = evaluate(config, request, s3rver);
    expect({ status: result.status, headers: result.headers }).toEqual({ status: 200, headers });
  });

  test("the rule is picked on origin and method; a header it refuses is a 403 although rules[1] allows every header", () => {
    expect(evaluate(config, preflight(APP, "GET", "content-type"), s3rver)).toEqual(refused("CORSResponse", NOT_ALLOWED));
    expect(evaluate(config, preflight(APP, "GET", "content-type")).matchedRule).toBe(1);
  });

  test("explains the pick and the header refusal", () => {
    expect(evaluate(config, preflight(APP, "GET", "content-type"), s3rver).explanation).toEqual([
      'rules[0]: matches: origin "https://app.example.com" matches "https://app.example.com", method "GET" is allowed',
      'rules[0]: header "content-type" matches none of "x-amz-*"',
      "s3rver checks headers against this rule only: 403",
    ]);
  });

  test.each([
    [
      "no Origin: BadRequest with status 403 (s3rver maps BadRequest to 403)",
      config,
      preflight(undefined, "GET"),
      true,
      refused("BadRequest", "Insufficient information. Origin request header needed."),
    ],
    [
      "no Access-Control-Request-Method, checked before the config",
      null,
      preflight(APP, undefined),
      true,
      refused("BadRequest", "Invalid Access-Control-Request-Method: null"),
    ],
    ["no config: CORSResponse without AWS's prefix", null, preflight(APP, "GET"), true, refused("CORSResponse", "CORS is not enabled for this bucket.")],
    ["no bucket reads as no config: 403, not 404", config, preflight(APP, "GET"), false, refused("CORSResponse", "CORS is not enabled for this bucket.")],
    ["no rule matches origin and method", config, preflight(APP, "DELETE"), true, refused("CORSResponse", NOT_ALLOWED)],
    ["an empty Origin is no Origin", config, preflight("", "GET"), true, refused("BadRequest", "Insufficient information. Origin request header needed.")],
  ])("%s", (_name, cfg, request, bucketExists, expected) => {
    expect(evaluate(cfg, request, { ...s3rver, bucketExists })).toEqual(expected);
  });
});

describe("s3rver actual requests", () => {
  test.each([
    [
      "an exact rule echoes the origin, with Expose-Headers, Max-Age and credentials",
      actual("GET", { Origin: APP }),
      {
        "access-control-allow-origin": APP,
        "access-control-expose-headers": "ETag, X-Foo",
        "access-control-max-age": "30",
        "access-control-allow-credentials": "true",
        vary: AWS_VARY,
      },
    ],
    [
      "a * rule answers * and still sends credentials",
      actual("PUT", { Origin: "https://other.example" }),
      {
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "ETag",
        "access-control-max-age": "60",
        "access-control-allow-credentials": "true",
        vary: AWS_VARY,
      },
    ],
    [
      "without an Origin a * rule matches the empty string: CORS headers anyway",
      actual("GET"),
      {
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "ETag",
        "access-control-max-age": "60",
        "access-control-allow-credentials": "true",
        vary: AWS_VARY,
      },
    ],
    [
      "Access-Control-Request-Headers is ignored (no Allow-Headers, no check)",
      actual("GET", { Origin: APP, "Access-Control-Request-Headers": "content-type" }),
      {
        "access-control-allow-origin": APP,
        "access-control-expose-headers": "ETag, X-Foo",
        "access-control-max-age": "30",
        "access-control-allow-credentials": "true",
        vary: AWS_VARY,
      },
    ],
    ["Access-Control-Request-Method replaces the method", actual("GET", { Origin: APP, "Access-Control-Request-Method": "DELETE" }), {}],
  ])("%s", (_name, request, headers) => {
    const result = evaluate(config, request, s3rver);
    expect(result.status).toBeUndefined();
    expect(result.headers).toEqual(headers);
  });

  test.each([
    ["no config", null, true],
    ["no bucket", config, false],
  ])("%s: no CORS headers", (_name, cfg, bucketExists) => {
    expect(evaluate(cfg, actual("GET", { Origin: APP }), { ...s3rver, bucketExists }).headers).toEqual({});
  });
});
