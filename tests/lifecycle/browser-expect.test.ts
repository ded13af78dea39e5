import { checkInputs } from "../../provider/lifecycle/check";

/** Browser expectations (`credentials`, `reads`) at preview: judged with predictBrowser, exact reasons. */
const aws = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const APP = "https://app.example.com";
const star = [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"] }];
const app = [{ allowedOrigins: [APP], allowedMethods: ["GET", "PUT"], exposeHeaders: ["ETag"] }];

describe("expect entries with credentials and reads", () => {
  test("pass when the browser lets the page in and read what it reads", () => {
    const expect_ = [
      { origin: APP, method: "GET", allowed: true, credentials: true, reads: ["ETag", "Content-Type"] },
      { origin: APP, method: "PUT", allowed: true, reads: ["etag"] },
    ];
    expect(checkInputs({ target: aws, rules: app, expect: expect_ }).failures).toEqual([]);
  });

  test('fails when credentials are sent and the rule answers "*", and says the server alone allows it', () => {
    expect(checkInputs({ target: aws, rules: star, expect: [{ origin: APP, method: "GET", allowed: true, credentials: true }] }).failures).toEqual([
      {
        property: "expect[0]",
        reason: `GET from ${APP}: expected allowed, but the browser blocks it at the response, though the server's answer alone allows it: response: Access-Control-Allow-Origin "*" admits no request with credentials (aws rules) — credentials included: Allow-Origin must name the origin and Allow-Credentials be "true"; method "GET" and every header are CORS-safelisted: no preflight; server: rules[0]: matches: origin "${APP}" matches "*", method "GET" is allowed, no headers requested; server: rules[0] adds the CORS headers; GET answered with CORS headers; response: Access-Control-Allow-Origin "*" admits no request with credentials; blocked: fetch fails with a network error`,
      },
    ]);
  });

  test("fails when a header the page reads is not exposed", () => {
    expect(checkInputs({ target: aws, rules: star, expect: [{ origin: APP, method: "PUT", allowed: true, reads: ["ETag"] }] }).failures).toEqual([
      {
        property: "expect[0]",
        reason: `PUT from ${APP}: expected the page to read "ETag", but it cannot (header "ETag" is not readable: the answer has no Access-Control-Expose-Headers) (aws rules) — credentials not included; method "PUT" is not CORS-safelisted (GET, HEAD, POST): a preflight is sent; server: rules[0]: matches: origin "${APP}" matches "*", method "PUT" is allowed, no headers requested; server: rules[0] answers the preflight: 200; preflight answered 200 with CORS headers; preflight: Access-Control-Allow-Origin "*" admits any origin without credentials, status 200, method "PUT" is in Access-Control-Allow-Methods, no CORS-unsafe headers to allow; preflight cached for 5 s by Chromium and 5 s by Firefox (no usable Access-Control-Max-Age, so the default 5 s); server: rules[0]: matches: origin "${APP}" matches "*", method "PUT" is allowed, no headers requested; server: rules[0] adds the CORS headers; PUT answered with CORS headers; response: Access-Control-Allow-Origin "*" admits any origin without credentials; header "ETag" is not readable: the answer has no Access-Control-Expose-Headers; allowed: the page gets the response`,
      },
    ]);
  });

  test("an entry without credentials or reads keeps its meaning: judged on the server's answer", () => {
    // Ceph RGW answers the credentialed origin without Allow-Credentials; a plain entry is judged on the server's answer.
    const rules = [{ allowedOrigins: [APP], allowedMethods: ["GET"] }];
    const ceph = { profile: "ceph", bucket: "b", endpoint: "http://127.0.0.1:1" };
    expect(checkInputs({ target: ceph, rules, expect: [{ origin: APP, method: "GET", allowed: true }] }).failures).toEqual([]);
    expect(checkInputs({ target: aws, rules, expect: [{ origin: APP, method: "GET", headers: ["x-custom"], allowed: true }] }).failures).toEqual([
      {
        property: "expect[0]",
        reason: `GET from ${APP} with x-custom: expected allowed, but it is denied (status 403) (aws rules) — rules[0]: origin "${APP}" matches "${APP}", method "GET" is allowed, but the rule allows no headers and the request asks for "x-custom"; no rule matches`,
      },
    ]);
  });

  test("fails when credentials is not a boolean", () => {
    const reason = checkInputs({ target: aws, rules: app, expect: [{ origin: APP, method: "GET", allowed: true, credentials: "yes" }] }).failures[0]?.reason;
    expect(reason?.split(";")[0]).toBe(`{"origin":"${APP}","method":"GET","allowed":true,"credentials":"yes"} has credentials that is not true or false`);
  });
});
