import { getProfile } from "../../provider/profiles";
import { preparePolicy } from "../../provider/validate/prepare";

/** One rule pages of every site may write with: lint's `wildcard-origin-write`. */
const publicWrite = { rules: [{ id: "public-write", allowedOrigins: ["*"], allowedMethods: ["put", "GET"], allowedHeaders: ["Content-Type"] }] };
const publicWriteHeld = { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"], id: "public-write", allowedHeaders: ["content-type"] }] };
const WILDCARD_WRITE =
  'rules[0].allowedOrigins[0]: "*" lets every site send PUT; any page a visitor opens can write to the bucket from the visitor\'s browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD';

/** Two rules Swift can hold only as one wider rule. */
const twoRules = {
  rules: [
    { allowedOrigins: ["https://b.example"], allowedMethods: ["GET"], maxAgeSeconds: 60 },
    { allowedOrigins: ["https://a.example"], allowedMethods: ["PUT"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 },
  ],
};
const OPT_IN = "or set swift: { allowWidening: true } to accept the wider policy";

describe("preparePolicy", () => {
  test("returns the normalized policy and the lint's warnings when lint is on", () => {
    const prepared = preparePolicy(publicWrite, getProfile("aws"), { lint: { suppress: {} } });
    expect(prepared.config).toEqual(publicWriteHeld);
    expect(prepared.errors).toEqual([]);
    expect(prepared.warnings.map((i) => [i.code, i.message])).toEqual([["wildcard-origin-write", WILDCARD_WRITE]]);
  });

  test("adds no lint warnings when lint is off (the default) or the rule's code is suppressed", () => {
    expect(preparePolicy(publicWrite, getProfile("aws")).warnings).toEqual([]);
    expect(preparePolicy(publicWrite, getProfile("aws"), { lint: { suppress: { "public-write": ["wildcard-origin-write"] } } }).warnings).toEqual([]);
  });

  test("fails when Swift would widen the rules, with every refusal and no policy", () => {
    const prepared = preparePolicy(twoRules, getProfile("swift"));
    expect(prepared.config).toBeUndefined();
    expect(prepared.errors.map((i) => i.message)).toEqual([
      `rules: 2 rules with different settings (rules[0] and rules[1]); OpenStack Swift holds one CORS setting per container — merge them into one rule, ${OPT_IN}`,
      `rules[0].allowedMethods: ["GET"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, ${OPT_IN}`,
      `rules[0].allowedHeaders: [] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"], ${OPT_IN}`,
      `rules[1].allowedMethods: ["PUT"] would widen to every method: OpenStack Swift cannot restrict methods, so GET, POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, ${OPT_IN}`,
      `rules[1].allowedHeaders: [] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"], ${OPT_IN}`,
    ]);
    expect(prepared.warnings).toEqual([]);
  });

  test("fails in the CLI's words when optInWords is cli: the opt-in is apply's flag", () => {
    expect(preparePolicy({ rules: [twoRules.rules[0]!] }, getProfile("swift"), { optInWords: "cli" }).errors.map((i) => i.message)).toEqual([
      `rules[0].allowedMethods: ["GET"] would widen to every method: OpenStack Swift cannot restrict methods, so PUT, POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, or give apply --allow-widening to accept the wider policy`,
      `rules[0].allowedHeaders: [] would widen to every request header: OpenStack Swift echoes whatever a preflight asks for — use ["*"], or give apply --allow-widening to accept the wider policy`,
    ]);
  });

  test("with allowWidening, returns the one rule the Swift container will hold", () => {
    expect(preparePolicy(twoRules, getProfile("swift"), { allowWidening: true })).toEqual({
      config: {
        rules: [
          {
            allowedOrigins: ["https://a.example", "https://b.example"],
            allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
            allowedHeaders: ["*"],
            exposeHeaders: ["etag"],
            maxAgeSeconds: 600,
          },
        ],
      },
      errors: [],
      warnings: [],
    });
  });
});
