import { forEngine, MAX_ENGINE_FAILURES, MAX_ENGINE_REASON } from "../../provider/lifecycle/check";

// Issue 23, item A: the engine prints a named top-level property's whole value with the failure
// (`property target value {map[… secretAccessKey:{wJalr…}]} has a problem: …`), so none is named.

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

describe("forEngine: what the engine gets of check's failures", () => {
  test("every failure has no property and its path in the reason, top-level and nested alike", () => {
    expect(
      forEngine(
        [
          { property: "target", reason: 'has unknown field "secretAccessKey"' },
          { property: "rules[0].allowedOrigins[0]", reason: "has a path" },
          { property: "", reason: "rules[0].maxAgeSeconds: 90000 is more than 86400" },
        ],
        {},
      ),
    ).toEqual([
      { property: "", reason: 'target: has unknown field "secretAccessKey"' },
      { property: "", reason: "rules[0].allowedOrigins[0]: has a path" },
      { property: "", reason: "rules[0].maxAgeSeconds: 90000 is more than 86400" },
    ]);
  });

  test("a credential-like input never shows, whole or in part, even in a reason that did not go through show", () => {
    const inputs = { target: { profile: "aws", bucket: "b", secretAccessKey: SECRET } };
    expect(forEngine([{ property: "target", reason: `${SECRET} and its host https://${SECRET.slice(0, 13)}` }], inputs)).toEqual([
      { property: "", reason: "target: *** and its host https://***" },
    ]);
  });

  test("a reason is clipped, and the failures past the fiftieth are counted", () => {
    const long = forEngine([{ property: "document", reason: "x".repeat(3 * MAX_ENGINE_REASON) }], {});
    expect(long.map((f) => f.reason.length)).toEqual([MAX_ENGINE_REASON]);
    const many = forEngine(
      Array.from({ length: MAX_ENGINE_FAILURES + 7 }, (_, i) => ({ property: `rules[${i}]`, reason: "is not an object" })),
      {},
    );
    expect(many.length).toBe(MAX_ENGINE_FAILURES + 1);
    expect(many[MAX_ENGINE_FAILURES]).toEqual({ property: "", reason: "and 7 more failures — fix these first" });
  });
});
