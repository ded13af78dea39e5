import { unsafeReason } from "../../provider/browser/safelist";
import { checkInputs } from "../../provider/lifecycle/check";
import { browserRequestOf } from "../../provider/operations/expectations";

// Issue 19, item 9: an expect entry names its headers without values, yet a safelisted name such as
// content-type was explained as having "a CORS-unsafe byte in its value". It is explained by its name.

const aws = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const APP = "https://app.example.com";
/** The value an expect entry's named header is sent with (no value of the user's: see browserRequestOf). */
const sentFor = (name: string): string => browserRequestOf({ origin: APP, method: "POST", headers: [name], allowed: true }).headers?.[name] ?? "(not sent)";

test("fails at preview when a named content-type needs a preflight no rule allows, and says why by the name", () => {
  const rules = [{ allowedOrigins: [APP], allowedMethods: ["GET", "POST"] }];
  const expect_ = [{ origin: APP, method: "POST", headers: ["content-type"], allowed: true, reads: ["etag"] }];
  expect(checkInputs({ target: aws, rules, expect: expect_ }).failures).toEqual([
    {
      property: "expect[0]",
      reason: `POST from ${APP} with content-type: expected allowed, but the browser blocks it at the preflight: preflight: no Access-Control-Allow-Origin (aws rules) — credentials not included; header "content-type" is named without a value, so it counts as not safelisted (content-type is CORS-safelisted only with a MIME type of application/x-www-form-urlencoded, multipart/form-data or text/plain): a preflight is sent; server: rules[0]: origin "${APP}" matches "${APP}", method "POST" is allowed, but the rule allows no headers and the request asks for "content-type"; server: no rule matches; preflight answered 403 without CORS headers; preflight: no Access-Control-Allow-Origin; blocked: fetch fails with a network error, and the page reads no header`,
    },
  ]);
});

test.each([
  ["accept", "accept is CORS-safelisted only with a value of at most 128 bytes without CORS-unsafe bytes"],
  ["Accept-Language", "accept-language is CORS-safelisted only with a value of at most 128 bytes of 0-9 A-Z a-z space * , - . ; ="],
  ["content-language", "content-language is CORS-safelisted only with a value of at most 128 bytes of 0-9 A-Z a-z space * , - . ; ="],
  ["Content-Type", "content-type is CORS-safelisted only with a MIME type of application/x-www-form-urlencoded, multipart/form-data or text/plain"],
])("a named %s is explained by its name and the values the Fetch standard safelists it with", (name, rule) => {
  expect(unsafeReason(name, sentFor(name))).toBe(`is named without a value, so it counts as not safelisted (${rule})`);
});

test("a name outside the safelist and a real value with an unsafe byte keep their reasons", () => {
  expect(unsafeReason("x-amz-meta-a", sentFor("x-amz-meta-a"))).toBe("is not a CORS-safelisted header");
  expect(unsafeReason("content-type", 'text/plain; charset="utf-8"')).toBe("has a CORS-unsafe byte in its value");
  expect(unsafeReason("content-type", "text/plain")).toBeUndefined();
});
