import { predictBrowser, type BrowserRequest } from "../../provider/browser";
import type { EvaluableRule } from "../../provider/evaluate";

const APP = "http://app.example.test:8123";
const app: EvaluableRule = { allowedOrigins: [APP], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"] };
const star: EvaluableRule = { allowedOrigins: ["*"], allowedMethods: ["GET"] };

describe("predictBrowser: the Fetch standard's CORS protocol on the server's answer", () => {
  test("a simple GET needs no preflight and passes the CORS check on the echoed origin", () => {
    expect(predictBrowser({ rules: [app] }, { origin: APP, method: "GET" }, { dialect: "s3rver" })).toEqual({
      allowed: true,
      preflight: false,
      readable: [],
      unreadable: [],
      explanation: [
        "credentials not included",
        'method "GET" and every header are CORS-safelisted: no preflight',
        `server: rules[0]: matches: origin "${APP}" matches "${APP}", method "GET" is allowed`,
        "server: rules[0] adds the CORS headers",
        "GET answered with CORS headers",
        `response: Access-Control-Allow-Origin "${APP}" is the page's origin`,
        "allowed: the page gets the response",
      ],
    });
  });

  test("a PUT with content-type application/json is preflighted, allowed, cached 5 s, and ETag is unreadable without Expose-Headers", () => {
    const verdict = predictBrowser(
      { rules: [app] },
      { origin: APP, method: "put", headers: { "Content-Type": "application/json" }, readHeaders: ["ETag"] },
      { dialect: "aws" },
    );
    expect(verdict).toEqual({
      allowed: true,
      preflight: true,
      readable: [],
      unreadable: ["ETag"],
      preflightCache: { chromium: 5, firefox: 5 },
      explanation: [
        "credentials not included",
        'method "PUT" is not CORS-safelisted (GET, HEAD, POST): a preflight is sent',
        'header "content-type" is "application/json", not one of application/x-www-form-urlencoded, multipart/form-data, text/plain: a preflight is sent',
        `server: rules[0]: matches: origin "${APP}" matches "${APP}", method "PUT" is allowed, header "content-type" allowed`,
        "server: rules[0] answers the preflight: 200",
        "preflight answered 200 with CORS headers",
        `preflight: Access-Control-Allow-Origin "${APP}" is the page's origin, status 200, method "PUT" is in Access-Control-Allow-Methods, header "content-type" in Access-Control-Allow-Headers`,
        "preflight cached for 5 s by Chromium and 5 s by Firefox (no usable Access-Control-Max-Age, so the default 5 s)",
        `server: rules[0]: matches: origin "${APP}" matches "${APP}", method "PUT" is allowed, no headers requested`,
        "server: rules[0] adds the CORS headers",
        "PUT answered with CORS headers",
        `response: Access-Control-Allow-Origin "${APP}" is the page's origin`,
        'header "ETag" is not readable: the answer has no Access-Control-Expose-Headers',
        "allowed: the page gets the response",
      ],
    });
  });

  test("fails when a header the rule does not allow is sent: blocked at the preflight", () => {
    expect(predictBrowser({ rules: [app] }, { origin: APP, method: "PUT", headers: { "x-custom": "1" } }, { dialect: "aws" })).toEqual({
      allowed: false,
      preflight: true,
      blockedAt: "preflight",
      readable: [],
      unreadable: [],
      explanation: [
        "credentials not included",
        'method "PUT" is not CORS-safelisted (GET, HEAD, POST): a preflight is sent',
        'header "x-custom" is not a CORS-safelisted header: a preflight is sent',
        `server: rules[0]: origin "${APP}" matches "${APP}", method "PUT" is allowed, but header "x-custom" matches none of "content-type"`,
        "server: no rule matches",
        "preflight answered 403 without CORS headers",
        "preflight: no Access-Control-Allow-Origin",
        "blocked: fetch fails with a network error",
      ],
    });
  });

  test('fails when credentials are included and the answer is Allow-Origin "*": blocked at the response', () => {
    expect(predictBrowser({ rules: [star] }, { origin: APP, method: "GET", credentials: true, readHeaders: ["ETag"] }, { dialect: "aws" })).toEqual({
      allowed: false,
      preflight: false,
      blockedAt: "response",
      readable: [],
      unreadable: ["ETag"],
      explanation: [
        'credentials included: Allow-Origin must name the origin and Allow-Credentials be "true"',
        'method "GET" and every header are CORS-safelisted: no preflight',
        `server: rules[0]: matches: origin "${APP}" matches "*", method "GET" is allowed, no headers requested`,
        "server: rules[0] adds the CORS headers",
        "GET answered with CORS headers",
        'response: Access-Control-Allow-Origin "*" admits no request with credentials',
        "blocked: fetch fails with a network error, and the page reads no header",
      ],
    });
  });

  test("Ceph RGW never sends Allow-Credentials: a credentialed GET is blocked even for a listed origin", () => {
    const verdict = predictBrowser({ rules: [app] }, { origin: APP, method: "GET", credentials: true }, { dialect: "ceph" });
    expect(verdict.allowed).toBe(false);
    expect(verdict.explanation.at(-2)).toBe(
      `response: Access-Control-Allow-Origin "${APP}" is the page's origin, but credentials are sent and the answer has no Access-Control-Allow-Credentials`,
    );
  });

  test("an exposed ETag is readable, a safelisted Content-Type always, Set-Cookie never", () => {
    const rule = { ...star, exposeHeaders: ["ETag", "Set-Cookie"] };
    const verdict = predictBrowser({ rules: [rule] }, { origin: APP, method: "GET", readHeaders: ["etag", "Content-Type", "Set-Cookie", "x-amz-request-id"] });
    expect([verdict.readable, verdict.unreadable]).toEqual([
      ["etag", "Content-Type"],
      ["Set-Cookie", "x-amz-request-id"],
    ]);
    expect(verdict.explanation.slice(-5)).toEqual([
      'header "etag" is readable: it is in Access-Control-Expose-Headers',
      'header "Content-Type" is readable: it is a CORS-safelisted response header',
      'header "Set-Cookie" is not readable: no page may read it',
      'header "x-amz-request-id" is not readable: it is not in Access-Control-Expose-Headers "etag, set-cookie"',
      "allowed: the page gets the response",
    ]);
  });

  test("max-age is capped at 7200 s by Chromium and 86400 s by Firefox", () => {
    const rule = { ...app, maxAgeSeconds: 100000 };
    expect(predictBrowser({ rules: [rule] }, { origin: APP, method: "PUT" }).preflightCache).toEqual({ chromium: 7200, firefox: 86400 });
  });

  const safelisting: [string, BrowserRequest, boolean][] = [
    ["content-type text/plain;charset=UTF-8 is safelisted", { origin: APP, method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" } }, false],
    [
      "content-type multipart/form-data; boundary=x is safelisted",
      { origin: APP, method: "GET", headers: { "Content-Type": "multipart/form-data; boundary=x" } },
      false,
    ],
    [
      "a safelisted content-type longer than 128 bytes is not",
      { origin: APP, method: "GET", headers: { "content-type": `text/plain; x=${"a".repeat(120)}` } },
      true,
    ],
    ["accept-language with a slash is not safelisted", { origin: APP, method: "GET", headers: { "accept-language": "en/us" } }, true],
    ["accept with a colon is not safelisted", { origin: APP, method: "GET", headers: { accept: "a:b" } }, true],
    ["a forbidden header is dropped, so it needs no preflight", { origin: APP, method: "GET", headers: { "Accept-Encoding": "x" } }, false],
    ["delete is upper-cased and preflighted", { origin: APP, method: "delete" }, true],
    ["HEAD is safelisted", { origin: APP, method: "HEAD" }, false],
  ];
  test.each(safelisting)("%s", (_name, request, preflight) => {
    expect(predictBrowser({ rules: [star] }, request).preflight).toBe(preflight);
  });
});
