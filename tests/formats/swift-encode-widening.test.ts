import { CorsValidationError } from "../../provider/errors";
import { codecFor } from "../../provider/formats";
import type { Issue } from "../../provider/model/issue";
import { normalize } from "../../provider/model/normalize";
import type { CorsConfiguration } from "../../provider/model/schema";
import { getProfile } from "../../provider/profiles";
import { checkRuleExpressible } from "../../provider/validate/expressible";

/*
 * codecFor("swift-headers").encode is a public formatter. Every put is validated first, but a direct
 * caller got a wider container policy than its rules said with no issue: it now reports the widening
 * with validation's codes and messages (one refusal, model/swift-container.ts), unless it opts in.
 */

const swift = codecFor("swift-headers");
const OPT_IN = 'or encode with { allowWidening: true } to write the wider policy (codecFor("swift-headers").encode)';

/** The issues `encode` refused with; fails the test when it rendered. */
function refusal(config: CorsConfiguration): { message: string; issues: readonly Issue[] } {
  try {
    swift.encode(config);
  } catch (error) {
    if (error instanceof CorsValidationError) return { message: error.message, issues: error.issues };
    throw error;
  }
  throw new Error("encode rendered a policy Swift would hold wider");
}

const GET_ONLY: CorsConfiguration = { rules: [{ allowedOrigins: ["https://app.example"], allowedMethods: ["GET"], allowedHeaders: ["content-type"] }] };
const TWO_SETTINGS: CorsConfiguration = {
  rules: [
    { allowedOrigins: ["https://a.example"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"], maxAgeSeconds: 60 },
    { allowedOrigins: ["https://b.example"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"], maxAgeSeconds: 600 },
  ],
};

describe('codecFor("swift-headers").encode refuses what a container would hold wider than written', () => {
  test("fails when Swift cannot restrict the methods or the request headers, naming what would widen and the opt-in", () => {
    const { message, issues } = refusal(GET_ONLY);
    expect(message).toBe(
      [
        "the swift-headers format cannot hold this policy:",
        `  - rules[0].allowedMethods: ["GET"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, ${OPT_IN}`,
        `  - rules[0].allowedHeaders: ["content-type"] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"], ${OPT_IN}`,
      ].join("\n"),
    );
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["methods-would-widen", "error"],
      ["headers-would-widen", "error"],
    ]);
  });

  test("fails when rules with different settings would merge into one container setting", () => {
    const { message } = refusal(TWO_SETTINGS);
    expect(message).toBe(
      `the swift-headers format cannot hold this policy:\n  - rules: 2 rules with different settings (rules[0] and rules[1]); OpenStack Swift holds one CORS setting per container — merge them into one rule, ${OPT_IN}`,
    );
  });

  test.each([
    ["methods and headers", GET_ONLY],
    ["two settings", TWO_SETTINGS],
  ])("%s: the codes, paths and facts are validation's (checkRuleExpressible), worded with the codec's opt-in", (_name, config) => {
    const validation = checkRuleExpressible(normalize(config), getProfile("swift"), false, "resource");
    const strip = (issues: readonly Issue[]) => issues.map(({ code, path, params }) => ({ code, path, params: { ...params, optIn: "-" } }));
    expect(strip(refusal(config).issues)).toEqual(strip(validation));
  });

  test("with allowWidening it writes what the container holds: every origin, the longest max-age", () => {
    expect(swift.encode(GET_ONLY, { allowWidening: true })).toEqual({ "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example" });
    expect(swift.encode(TWO_SETTINGS, { allowWidening: true })).toEqual({
      "X-Container-Meta-Access-Control-Allow-Origin": "https://a.example https://b.example",
      "X-Container-Meta-Access-Control-Max-Age": "600",
    });
  });

  test("a policy Swift holds as written needs no opt-in", () => {
    const asHeld: CorsConfiguration = { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] }] };
    expect(swift.encode(asHeld)).toEqual({ "X-Container-Meta-Access-Control-Allow-Origin": "*" });
  });
});
