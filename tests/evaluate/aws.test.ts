import { evaluate, type EvaluableConfig, type Evaluation } from "../../provider/evaluate";
import { actual, AWS_VARY, NOT_ALLOWED, preflight } from "./requests";

// Every statement docs/cors-semantics.md makes about AWS, as exact answers of the `aws` dialect.
// Section numbers refer to docs/cors-semantics.md.

const APP = "https://app.example.com";

function one(rule: NonNullable<EvaluableConfig>["rules"][number]): EvaluableConfig {
  return { rules: [rule] };
}

/** The CORS headers of an echoed-origin match with the given extras. */
function echoed(origin: string, methods: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": methods,
    ...extra,
    vary: AWS_VARY,
  };
}

function starred(methods: string, extra: Record<string, string> = {}): Record<string, string> {
  return { "access-control-allow-origin": "*", "access-control-allow-methods": methods, ...extra, vary: AWS_VARY };
}

const noMatch = (method: string, resourceType = "OBJECT"): Partial<Evaluation> => ({
  status: 403,
  headers: {},
  errorCode: "AccessForbidden",
  errorMessage: `CORSResponse: ${NOT_ALLOWED}`,
  errorDetails: { Method: method, ResourceType: resourceType },
});

describe("aws §1: the first rule matching origin, method and every requested header wins", () => {
  const headerRules: EvaluableConfig = {
    rules: [
      { allowedOrigins: ["*"], allowedMethods: ["GET"], allowedHeaders: ["Content-Type", "amz-*", "Expires"] },
      { allowedOrigins: ["*"], allowedMethods: ["GET"], allowedHeaders: ["*"] },
    ],
  };
  test.each([
    [
      "two matching rules: the first answers",
      {
        rules: [
          { allowedOrigins: [APP], allowedMethods: ["GET"], maxAgeSeconds: 1 },
          { allowedOrigins: [APP], allowedMethods: ["GET"], maxAgeSeconds: 2 },
        ],
      },
      preflight(APP, "GET"),
      0,
      echoed(APP, "GET", { "access-control-max-age": "1" }),
    ],
    [
      "origin fails on rule 0, the * rule 1 matches",
      {
        rules: [
          { allowedOrigins: ["https://other.example"], allowedMethods: ["GET"] },
          { allowedOrigins: ["*"], allowedMethods: ["GET"] },
        ],
      },
      preflight(APP, "GET"),
      1,
      starred("GET"),
    ],
    [
      "method fails on rule 0, rule 1 matches",
      {
        rules: [
          { allowedOrigins: [APP], allowedMethods: ["GET"] },
          { allowedOrigins: [APP], allowedMethods: ["PUT", "POST"] },
        ],
      },
      preflight(APP, "PUT"),
      1,
      echoed(APP, "PUT, POST"),
    ],
    [
      "headers fail on rule 0 (cloudserver's `puppies`), rule 1 matches",
      headerRules,
      preflight(APP, "GET", "puppies"),
      1,
      starred("GET", { "access-control-allow-headers": "puppies" }),
    ],
  ])("%s", (_name, config, request, matchedRule, headers) => {
    const result = evaluate(config, request);
    expect({ status: result.status, matchedRule: result.matchedRule, headers: result.headers }).toEqual({ status: 200, matchedRule, headers });
  });

  test("explains rule by rule why each did not match and which did", () => {
    const config: EvaluableConfig = {
      rules: [
        { allowedOrigins: [APP], allowedMethods: ["GET"] },
        { allowedOrigins: ["*"], allowedMethods: ["GET"] },
        { allowedOrigins: ["*"], allowedMethods: ["PUT"], allowedHeaders: ["content-type"] },
        { allowedOrigins: ["https://*.example"], allowedMethods: ["PUT"], allowedHeaders: ["x-*"] },
        { allowedOrigins: ["*"], allowedMethods: ["PUT"] },
      ],
    };
    expect(evaluate(config, preflight("https://evil.example", "PUT", "X-Trace")).explanation).toEqual([
      'rules[0]: origin "https://evil.example" matches none of "https://app.example.com"',
      'rules[1]: origin "https://evil.example" matches "*", but method "PUT" is not one of "GET"',
      'rules[2]: origin "https://evil.example" matches "*", method "PUT" is allowed, but header "X-Trace" matches none of "content-type"',
      'rules[3]: matches: origin "https://evil.example" matches "https://*.example", method "PUT" is allowed, header "X-Trace" allowed',
      "rules[4]: not checked; rules[3] was chosen first",
      "rules[3] answers the preflight: 200",
    ]);
  });

  test("explains a refusal ending with no rule", () => {
    const result = evaluate(one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), preflight("https://evil.example", "GET", "x-a"));
    expect(result.explanation).toEqual(['rules[0]: origin "https://evil.example" matches none of "https://app.example.com"', "no rule matches"]);
  });

  test("a rule without AllowedHeaders is explained as allowing none", () => {
    const result = evaluate(one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), preflight(APP, "GET", "x-a"));
    expect(result.explanation[0]).toBe(
      'rules[0]: origin "https://app.example.com" matches "https://app.example.com", method "GET" is allowed, but the rule allows no headers and the request asks for "x-a"',
    );
  });
});

describe("aws §2: origin matching", () => {
  test.each([
    // [name, allowed origin, request origin, matches]
    ["scheme must match (https rule, http origin)", "https://www.example.com", "http://www.example.com", false],
    ["port must match (:80 is not the rule's origin)", "http://www.example.com", "http://www.example.com:80", false],
    ["snapshot: https://localhost:4200 does not match http://localhost:4200", "https://localhost:4200", "http://localhost:4200", false],
    ["snapshot: http://*.origin.com matches http://test.origin.com", "http://*.origin.com", "http://test.origin.com", true],
    ["snapshot: anchored at the end, a trailing slash does not match", "http://*.origin.com", "http://test.origin.com/", false],
    ["* at the start (cloudserver *.allowedorigin.com)", "*.allowedorigin.com", "http://www.allowedorigin.com", true],
    ["* at the end (cloudserver http://www.allowedorigin.*)", "http://www.allowedorigin.*", "http://www.allowedorigin.com", true],
    ["* in the middle (R2 https://*-myapp.sub.workers.dev)", "https://*-myapp.sub.workers.dev", "https://a1b2c3d4-myapp.sub.workers.dev", true],
    ["anchored at the end: .allowedorigin.comtest", "*.allowedorigin.com", ".allowedorigin.comtest", false],
    ["anchored at the start: testhttp://.allowedorigin.com", "http://*.allowedorigin.com", "testhttp://.allowedorigin.com", false],
    ["* may match nothing (Ceph, cloudserver; not recorded on AWS)", "http://www.allowedorigin.*", "http://www.allowedorigin.", true],
    ["* may match nothing at the start", "*.allowedorigin.com", ".allowedorigin.com", true],
    ["origins compare case-sensitively", APP, "https://App.example.com", false],
    ["a loose value (localhost) matches as a plain string", "localhost", "localhost", true],
    ["http://test.com:80 is stored and matched literally", "http://test.com:80", "http://test.com:80", true],
    ["an empty AllowedOrigin matches no sent origin", "", APP, false],
  ])("%s", (_name, allowed, origin, matches) => {
    const result = evaluate(one({ allowedOrigins: [allowed], allowedMethods: ["GET"] }), preflight(origin, "GET"));
    expect(result.status).toBe(matches ? 200 : 403);
    expect(result.headers).toEqual(matches ? echoed(origin, "GET") : {});
  });

  test("snapshot: a GET from the wrong scheme gets no CORS headers", () => {
    expect(
      evaluate(one({ allowedOrigins: ["https://localhost:4200"], allowedMethods: ["GET", "PUT"] }), actual("GET", { Origin: "http://localhost:4200" })).headers,
    ).toEqual({});
  });

  test("the * rule matches the scheme-less Origin localhost:4566 and answers *", () => {
    expect(evaluate(one({ allowedOrigins: ["*"], allowedMethods: ["GET"] }), preflight("localhost:4566", "GET")).headers).toEqual(starred("GET"));
  });

  test("never throws on values a validator refuses: they match as plain strings", () => {
    const loose: EvaluableConfig = one({
      allowedOrigins: ["", "localhost", "a**b"],
      allowedMethods: ["PATCH", "get"],
      allowedHeaders: ["", "**"],
      maxAgeSeconds: -5,
    });
    expect(evaluate(loose, preflight("aXb", "GET", "x")).headers).toEqual(
      echoed("aXb", "PATCH, GET", { "access-control-allow-headers": "x", "access-control-max-age": "-5" }),
    );
    expect(evaluate(loose, preflight("localhost", "PATCH")).status).toBe(200);
    expect(evaluate(loose, preflight("https://localhost", "GET")).status).toBe(403);
  });
});

describe("aws §3, §4: Allow-Origin and Allow-Credentials", () => {
  test.each([
    ["a * rule answers * without credentials (preflight)", ["*"], preflight(APP, "GET"), starred("GET")],
    ["a * rule answers * without credentials (GET)", ["*"], actual("GET", { Origin: APP }), starred("GET")],
    ["an exact rule echoes the origin with credentials (preflight)", [APP], preflight(APP, "GET"), echoed(APP, "GET")],
    ["an exact rule echoes the origin with credentials (GET, recorded 2025-03-17)", [APP], actual("GET", { Origin: APP }), echoed(APP, "GET")],
    ["a wildcard pattern echoes the origin with credentials", ["https://*.example.com"], preflight(APP, "GET"), echoed(APP, "GET")],
    ["a rule mixing * and an origin answers * (LocalStack, cloudserver)", ["*", APP], preflight(APP, "GET"), starred("GET")],
  ])("%s", (_name, origins, request, headers) => {
    expect(evaluate(one({ allowedOrigins: origins, allowedMethods: ["GET"] }), request).headers).toEqual(headers);
  });
});

describe("aws §5: methods", () => {
  const getPut = one({ allowedOrigins: [APP], allowedMethods: ["GET", "PUT"] });
  test.each([
    [
      "a preflight is matched on Access-Control-Request-Method; Allow-Methods is the whole list in rule order",
      getPut,
      preflight(APP, "PUT"),
      200,
      echoed(APP, "GET, PUT"),
    ],
    [
      "rule order, not canonical order",
      one({ allowedOrigins: [APP], allowedMethods: ["PUT", "POST", "DELETE", "GET"] }),
      preflight(APP, "GET"),
      200,
      echoed(APP, "PUT, POST, DELETE, GET"),
    ],
    ["a method outside the rule is refused", getPut, preflight(APP, "DELETE"), 403, {}],
    ["a lower-case Access-Control-Request-Method does not match (not recorded on AWS; RGW refuses `put`)", getPut, preflight(APP, "put"), 403, {}],
  ])("%s", (_name, config, request, status, headers) => {
    const result = evaluate(config, request);
    expect({ status: result.status, headers: result.headers }).toEqual({ status, headers });
  });

  test.each([
    [
      "a GET carrying ACRM PUT against a GET-only rule gets no CORS headers",
      one({ allowedOrigins: [APP], allowedMethods: ["GET"] }),
      actual("GET", { Origin: APP, "Access-Control-Request-Method": "PUT" }),
      {},
    ],
    [
      "a PUT carrying ACRM GET is matched as GET",
      one({ allowedOrigins: [APP], allowedMethods: ["GET"] }),
      actual("PUT", { Origin: APP, "Access-Control-Request-Method": "GET" }),
      echoed(APP, "GET"),
    ],
    ["the same Allow-Methods list appears on actual responses", getPut, actual("PUT", { Origin: APP }), echoed(APP, "GET, PUT")],
  ])("%s", (_name, config, request, headers) => {
    const result = evaluate(config, request);
    expect(result.status).toBeUndefined();
    expect(result.headers).toEqual(headers);
  });

  test("an actual request matched on its ACRM says so", () => {
    expect(
      evaluate(one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), actual("PUT", { Origin: APP, "Access-Control-Request-Method": "GET" })).explanation[0],
    ).toBe('matched on Access-Control-Request-Method "GET", not on "PUT"');
  });
});

describe("aws §6: requested headers", () => {
  const rule = (allowedHeaders?: string[]): EvaluableConfig =>
    one(allowedHeaders === undefined ? { allowedOrigins: [APP], allowedMethods: ["PUT"] } : { allowedOrigins: [APP], allowedMethods: ["PUT"], allowedHeaders });
  test.each([
    [
      "matched case-insensitively: request x-AMZ-expected-BUCKET-owner, rule lower-case",
      rule(["x-amz-expected-bucket-owner"]),
      "x-AMZ-expected-BUCKET-owner",
      "x-amz-expected-bucket-owner",
    ],
    [
      "matched case-insensitively: rule x-AMZ-server-SIDE-encryption",
      rule(["x-AMZ-server-SIDE-encryption"]),
      "x-amz-server-side-encryption",
      "x-amz-server-side-encryption",
    ],
    ["echoed lower-cased in request order", rule(["content-type", "x-amz-date"]), "X-Amz-Date, Content-Type", "x-amz-date, content-type"],
    ["* echoes the requested list, not *", rule(["*"]), "Content-Type, X-Custom", "content-type, x-custom"],
    ["a list without spaces is normalised to `a, b`", rule(["*"]), "a,b", "a, b"],
    ["empty items are dropped (cloudserver content-type,,expires)", rule(["*"]), "content-type,,expires", "content-type, expires"],
    ["[*, x-amz-*] is accepted and matches", rule(["*", "x-amz-*"]), "x-amz-meta-a, x-b", "x-amz-meta-a, x-b"],
    ["a prefix wildcard matches (x-custom-* allows x-custom-header)", rule(["x-custom-*"]), "x-custom-header", "x-custom-header"],
    ["a suffix wildcard matches", rule(["*-token"]), "X-Session-Token", "x-session-token"],
  ])("%s", (_name, config, requested, echoedHeaders) => {
    const result = evaluate(config, preflight(APP, "PUT", requested));
    expect(result.status).toBe(200);
    expect(result.headers).toEqual(echoed(APP, "PUT", { "access-control-allow-headers": echoedHeaders }));
  });

  test.each([
    ["one disallowed header fails the rule: all or nothing", rule(["content-type"]), "content-type, x-other"],
    ["a rule with no AllowedHeaders fails any preflight that requests headers", rule(), "content-type"],
    ["x-amz does not match x-amz-* (versitygw)", rule(["x-amz-*"]), "x-amz"],
  ])("fails when %s", (_name, config, requested) => {
    expect(evaluate(config, preflight(APP, "PUT", requested))).toEqual({ ...noMatch("PUT"), explanation: expect.any(Array) });
  });

  test.each([
    ["a disallowed ACRH on a GET means no CORS headers at all", actual("PUT", { Origin: APP, "Access-Control-Request-Headers": "x-other" }), {}],
    [
      "an allowed ACRH on a GET is echoed",
      actual("PUT", { Origin: APP, "Access-Control-Request-Headers": "Content-Type" }),
      echoed(APP, "PUT", { "access-control-allow-headers": "content-type" }),
    ],
    [
      "ordinary request headers are not checked and Allow-Headers is not sent without ACRH",
      actual("PUT", { Origin: APP, "X-Other": "1", "Content-Type": "text/plain" }),
      echoed(APP, "PUT"),
    ],
  ])("actual request: %s", (_name, request, headers) => {
    expect(evaluate(rule(["content-type"]), request).headers).toEqual(headers);
  });

  test("a preflight without Access-Control-Request-Headers gets no Allow-Headers", () => {
    expect(evaluate(rule(["*"]), preflight(APP, "PUT")).headers).toEqual(echoed(APP, "PUT"));
  });
});

describe("aws §7: ExposeHeaders and MaxAgeSeconds", () => {
  const config = one({ allowedOrigins: [APP], allowedMethods: ["GET"], exposeHeaders: ["x-amz-request-id", "ETag", "Content-Type"], maxAgeSeconds: 3000 });
  const extras = { "access-control-expose-headers": "x-amz-request-id, ETag, Content-Type", "access-control-max-age": "3000" };
  test.each([
    ["on a preflight: config order, case kept, max-age as a string", preflight(APP, "GET")],
    ["on an actual response too", actual("GET", { Origin: APP })],
  ])("%s", (_name, request) => {
    expect(evaluate(config, request).headers).toEqual(echoed(APP, "GET", extras));
  });

  test("absent when not configured; S3 adds no ETag of its own", () => {
    expect(evaluate(one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), actual("GET", { Origin: APP })).headers).toEqual(echoed(APP, "GET"));
  });

  test("max-age 0 is sent as 0", () => {
    expect(evaluate(one({ allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 0 }), preflight(APP, "GET")).headers).toEqual(
      starred("GET", { "access-control-max-age": "0" }),
    );
  });
});

describe("aws §8: Vary", () => {
  const config = one({ allowedOrigins: ["*"], allowedMethods: ["GET"] });
  test.each([
    ["on a matched preflight of a * rule", preflight(APP, "GET"), AWS_VARY],
    ["on a matched actual response of a * rule", actual("GET", { Origin: APP }), AWS_VARY],
    ["absent without Origin", actual("GET"), undefined],
    ["absent when nothing matched", actual("PUT", { Origin: APP }), undefined],
    ["absent on a 403", preflight(APP, "PUT"), undefined],
    ["absent on a 400", preflight(undefined, "GET"), undefined],
  ])("%s", (_name, request, vary) => {
    expect(evaluate(config, request).headers["vary"]).toBe(vary);
  });
});

describe("aws §9: preflight answers", () => {
  const config = one({ allowedOrigins: [APP], allowedMethods: ["GET"] });
  const noOrigin = { status: 400, headers: {}, errorCode: "BadRequest", errorMessage: "Insufficient information. Origin request header needed." };
  test.each([
    ["without Origin (config exists)", config, preflight(undefined, "GET"), true, noOrigin],
    ["without Origin (no config)", null, preflight(undefined, "GET"), true, noOrigin],
    ["without Origin (no bucket)", null, preflight(undefined, "GET"), false, noOrigin],
    [
      "without Origin: Referer does not count",
      config,
      { method: "OPTIONS", headers: { Referer: `${APP}/page`, "Access-Control-Request-Method": "GET" } },
      true,
      noOrigin,
    ],
    [
      "no CORS config: Method is the ACRM, ResourceType BUCKET even for an object",
      null,
      preflight(APP, "PUT"),
      true,
      {
        status: 403,
        headers: {},
        errorCode: "AccessForbidden",
        errorMessage: "CORSResponse: CORS is not enabled for this bucket.",
        errorDetails: { Method: "PUT", ResourceType: "BUCKET" },
      },
    ],
    [
      "no CORS config and no ACRM: Method OPTIONS",
      null,
      preflight(APP, undefined),
      true,
      {
        status: 403,
        headers: {},
        errorCode: "AccessForbidden",
        errorMessage: "CORSResponse: CORS is not enabled for this bucket.",
        errorDetails: { Method: "OPTIONS", ResourceType: "BUCKET" },
      },
    ],
    [
      "no bucket: 403, not 404",
      config,
      preflight(APP, undefined),
      false,
      {
        status: 403,
        headers: {},
        errorCode: "AccessForbidden",
        errorMessage: "CORSResponse: Bucket not found",
        errorDetails: { Method: "OPTIONS", ResourceType: "BUCKET" },
      },
    ],
    ["no rule matches (object URL): ResourceType OBJECT, no CORS headers", config, preflight("https://evil.example", "GET"), true, noMatch("GET")],
    [
      "no rule matches (bucket root): ResourceType BUCKET",
      config,
      preflight("https://evil.example", "GET", undefined, "bucket"),
      true,
      noMatch("GET", "BUCKET"),
    ],
    ["an empty rule list matches nothing", { rules: [] }, preflight(APP, "GET"), true, noMatch("GET")],
    [
      "config but no ACRM (not recorded on AWS; Arsenal's and s3rver's text)",
      config,
      preflight(APP, undefined),
      true,
      { status: 400, headers: {}, errorCode: "BadRequest", errorMessage: "Invalid Access-Control-Request-Method: null" },
    ],
    ["allowed: 200", config, preflight(APP, "GET"), true, { status: 200, headers: echoed(APP, "GET"), matchedRule: 0 }],
  ])("%s", (_name, cfg, request, bucketExists, expected) => {
    expect(evaluate(cfg, request, { bucketExists })).toEqual({ ...expected, explanation: expect.any(Array) });
  });

  test.each([
    ["no Origin", preflight(undefined, "GET"), true, ["no Origin header: S3 refuses the preflight before looking at the bucket"]],
    ["no bucket", preflight(APP, "GET"), false, ["the bucket does not exist: S3 answers 403, not 404, to a preflight"]],
  ])("explains: %s", (_name, request, bucketExists, explanation) => {
    expect(evaluate(null, request, { bucketExists }).explanation).toEqual(explanation);
  });

  test("header names are read in any case", () => {
    const request = { method: "options", headers: { ORIGIN: APP, "access-control-REQUEST-method": "GET" } };
    expect(evaluate(config, request).headers).toEqual(echoed(APP, "GET"));
  });
});

describe("aws §10: other requests that do not match", () => {
  test.each([
    ["origin not allowed", one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), actual("GET", { Origin: "https://evil.example" }), true],
    ["method not allowed", one({ allowedOrigins: [APP], allowedMethods: ["GET"] }), actual("DELETE", { Origin: APP }), true],
    ["no config", null, actual("GET", { Origin: APP }), true],
    ["no bucket", one({ allowedOrigins: ["*"], allowedMethods: ["GET"] }), actual("GET", { Origin: APP }), false],
    ["no Origin", one({ allowedOrigins: ["*"], allowedMethods: ["GET"] }), actual("GET"), true],
  ])("%s: served without CORS headers or Vary, status left to the operation", (_name, config, request, bucketExists) => {
    expect(evaluate(config, request, { bucketExists })).toEqual({ headers: {}, explanation: expect.any(Array) });
  });
});

describe("evaluate", () => {
  test("defaults to the aws dialect and an existing bucket", () => {
    const config = one({ allowedOrigins: [APP], allowedMethods: ["GET"] });
    expect(evaluate(config, preflight(APP, "GET"))).toEqual(evaluate(config, preflight(APP, "GET"), { dialect: "aws", bucketExists: true }));
  });

  test("fails on an unknown dialect, naming the known ones", () => {
    expect(() => evaluate(null, preflight(APP, "GET"), { dialect: "minio" as "aws" })).toThrow(
      'dialect: "minio" is not a known dialect; allowed are aws, r2, ceph, ceph-legacy, s3rver, swift, versitygw — use one of them, or the dialect of the target\'s profile',
    );
  });
});
