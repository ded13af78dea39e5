import { valueDiff } from "../../scripts/demo/value-diff";

describe("the demo's per-value diff", () => {
  test.each([
    ["a changed number", { rules: [{ maxAgeSeconds: 600 }] }, { rules: [{ maxAgeSeconds: 900 }] }, ["~ rules[0].maxAgeSeconds: 600 => 900"]],
    [
      "an added array element",
      { rules: [{ allowedMethods: ["GET", "PUT"] }] },
      { rules: [{ allowedMethods: ["GET", "PUT", "DELETE"] }] },
      ['+ rules[0].allowedMethods[2]: "DELETE"'],
    ],
    ["a removed key", { rules: [{ id: "app", maxAgeSeconds: 600 }] }, { rules: [{ id: "app" }] }, ["- rules[0].maxAgeSeconds: 600"]],
    ["a removed rule", { rules: [{ id: "a" }, { id: "b" }] }, { rules: [{ id: "a" }] }, ['- rules[1]: {"id":"b"}']],
    ["nothing changed", { rules: [{ id: "a" }] }, { rules: [{ id: "a" }] }, []],
  ])("%s", (_name, before, after, lines) => {
    expect(valueDiff(before, after)).toEqual(lines);
  });
});
