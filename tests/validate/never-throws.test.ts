import { parsePolicy } from "../../provider/api/parse";
import { validatePolicy } from "../../provider/api/policy";

const RULE = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] };

/** A value whose every read throws, as a hostile or buggy program might pass. */
function hostileProxy(): object {
  const boom = (): never => {
    throw new Error("proxied");
  };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}

describe("validatePolicy and parsePolicy never throw: bad input comes back as issues", () => {
  test.each<[string, unknown, string[]]>([
    [
      "fails when an origin holds NUL",
      { rules: [{ ...RULE, allowedOrigins: ["https://a\u0000.example"] }] },
      [
        'rules[0].allowedOrigins[0]: "https://a\\u0000.example" contains the control character U+0000; browsers send origins without spaces or control characters — remove them',
      ],
    ],
    [
      "fails when an ID holds NUL",
      { rules: [{ ...RULE, id: "a\u0000b" }] },
      ['rules[0].id: "a\\u0000b" contains U+0000; a rule ID is stored as XML text, which cannot carry that character — remove it'],
    ],
    [
      "fails when an ID holds a C0 control",
      { rules: [{ ...RULE, id: "a\u0001b" }] },
      ['rules[0].id: "a\\u0001b" contains U+0001; a rule ID is stored as XML text, which cannot carry that character — remove it'],
    ],
    [
      "fails when an ID holds a lone surrogate",
      { rules: [{ ...RULE, id: "a\ud800b" }] },
      ['rules[0].id: "a\\ud800b" contains U+D800; a rule ID is stored as XML text, which cannot carry that character — remove it'],
    ],
    [
      "fails when an origin holds a lone surrogate",
      { rules: [{ ...RULE, allowedOrigins: ["https://\udc00.example"] }] },
      [
        'rules[0].allowedOrigins[0]: "https://\\udc00.example" has non-ASCII characters in its host; browsers send international domain names in punycode — write the host in punycode (xn--…)',
      ],
    ],
    [
      "fails when maxAgeSeconds is a BigInt",
      { rules: [{ ...RULE, maxAgeSeconds: 10n }] },
      ["rules[0].maxAgeSeconds: 10n is a bigint; expected a number — change its type"],
    ],
    [
      "fails when a rule has a throwing getter",
      {
        rules: [
          {
            ...RULE,
            get maxAgeSeconds(): number {
              throw new Error("getter failed");
            },
          },
        ],
      },
      ["the policy could not be read (getter failed) — pass plain data, not values whose properties throw when read"],
    ],
    ["fails when the policy is a Proxy that throws", hostileProxy(), ["the document could not be read (proxied) — pass plain text or plain JSON values"]],
  ])("%s", (_name, input, messages) => {
    expect(validatePolicy(input).map((i) => i.message)).toEqual(messages);
  });

  test("parsePolicy reports a BigInt and a Proxy as issues", () => {
    expect(parsePolicy({ rules: [{ ...RULE, maxAgeSeconds: 10n }] }).issues.map((i) => i.message)).toEqual([
      "rules[0].maxAgeSeconds: 10n is a bigint; expected a number — change its type",
    ]);
    expect(parsePolicy(hostileProxy()).issues.map((i) => i.message)).toEqual([
      "the document could not be read (proxied) — pass plain text or plain JSON values",
    ]);
  });

  test("a Swift target refuses an ID as it would at apply, without throwing", () => {
    expect(validatePolicy({ rules: [{ ...RULE, id: "a\u0000b" }] }, { profile: "swift", allowWidening: true }).map((i) => i.message)).toEqual([
      'rules[0].id: "a\\u0000b" cannot be stored; OpenStack Swift keeps no rule IDs — remove it',
    ]);
  });
});
