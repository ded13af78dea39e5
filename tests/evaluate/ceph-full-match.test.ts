import { evaluate, type EvaluableConfig } from "../../provider/evaluate";
import { actual, preflight } from "./requests";

// The `ceph` dialect: RGW with ceph/ceph#69190 (`RGWCORSConfiguration::match_rule`), the first rule matching origin,
// method and every requested header, as on AWS. Everything else is RGW 16.2's (tests/evaluate/ceph.test.ts).

const APP = "https://app.example.com";
const ceph = { dialect: "ceph" } as const;
const legacy = { dialect: "ceph-legacy" } as const;

const rules: EvaluableConfig = {
  rules: [
    { allowedOrigins: [APP], allowedMethods: ["GET"], allowedHeaders: ["x-custom"] },
    { allowedOrigins: [APP], allowedMethods: ["PUT"], allowedHeaders: ["*"], maxAgeSeconds: 60 },
  ],
};

describe("ceph: the first rule matching origin, method and headers answers (ceph/ceph#69190)", () => {
  test("PUT passes rules[0] (GET only) and is answered by rules[1]; ceph-legacy stops at rules[0]", () => {
    expect(evaluate(rules, preflight(APP, "PUT", "content-type"), ceph)).toEqual({
      status: 200,
      headers: {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "PUT",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "60",
        vary: "Origin",
      },
      matchedRule: 1,
      explanation: [
        'rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "PUT" is not one of "GET"',
        'rules[1]: matches: origin "https://app.example.com" matches "https://app.example.com", method "PUT" is allowed, header "content-type" allowed',
        'rules[1] answers the preflight, echoing the origin even for "*": 200',
      ],
    });
    expect(evaluate(rules, preflight(APP, "PUT", "content-type"), legacy).status).toBe(403);
  });

  test("a requested header rules[0] refuses moves on to rules[1] when that rule allows the method", () => {
    const sameMethod: EvaluableConfig = { rules: [rules.rules[0]!, { ...rules.rules[1]!, allowedMethods: ["GET"] }] };
    expect(evaluate(sameMethod, preflight(APP, "GET", "x-other"), ceph).matchedRule).toBe(1);
    expect(evaluate(sameMethod, preflight(APP, "GET", "x-other"), legacy).status).toBe(403);
  });

  test("no rule matching every part: 403 AccessDenied with RGW's empty message, one line per rule", () => {
    expect(evaluate(rules, preflight(APP, "DELETE"), ceph)).toEqual({
      status: 403,
      headers: {},
      errorCode: "AccessDenied",
      errorMessage: "",
      explanation: [
        'rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "DELETE" is not one of "GET"',
        'rules[1]: origin "https://app.example.com" matches "https://app.example.com", but method "DELETE" is not one of "PUT"',
        "no rule matches origin, method and headers: 403",
      ],
    });
  });

  test("the method still compares case-sensitively (RGW's strcmp flags): `put` matches no rule", () => {
    expect(evaluate(rules, preflight(APP, "put"), ceph).status).toBe(403);
  });

  test("an actual PUT gets its headers from rules[1]; requested headers are filtered, not matched", () => {
    expect(evaluate(rules, actual("PUT", { Origin: APP }), ceph)).toEqual({
      headers: { "access-control-allow-origin": APP, "access-control-allow-methods": "PUT", "access-control-max-age": "60", vary: "Origin" },
      matchedRule: 1,
      explanation: [
        'rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "PUT" is not one of "GET"',
        'rules[1]: matches: origin "https://app.example.com" matches "https://app.example.com", method "PUT" is allowed; Allow-Origin "https://app.example.com"',
      ],
    });
    expect(evaluate(rules, actual("PUT", { Origin: APP }), legacy).headers).toEqual({});
  });

  test("an actual request no rule allows gets no CORS headers", () => {
    expect(evaluate(rules, actual("DELETE", { Origin: APP }), ceph)).toEqual({
      headers: {},
      explanation: [
        'rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "DELETE" is not one of "GET"',
        'rules[1]: origin "https://app.example.com" matches "https://app.example.com", but method "DELETE" is not one of "PUT"',
        "no rule matches origin and method: no CORS headers",
      ],
    });
  });
});
