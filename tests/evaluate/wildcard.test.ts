import { cephMatch, wildcardMatch, wildcardMatchIgnoringCase } from "../../provider/evaluate/wildcard";

describe("wildcardMatch (S3: * is any run, possibly empty; anchored at both ends)", () => {
  test.each([
    ["*", "", true],
    ["*", "anything", true],
    ["abc", "abc", true],
    ["abc", "abcd", false],
    ["a*", "a", true],
    ["*c", "abc", true],
    ["a*c", "ac", true],
    ["a*c", "abbc", true],
    ["a*c", "abcd", false],
    ["ab*ba", "aba", false],
    ["a*b*c", "axbyc", true],
    ["a*b*c", "acb", false],
    ["a**", "a", true],
    ["", "", true],
    ["", "a", false],
    ["http://*.origin.com", "http://test.origin.com/", false],
  ])("%j against %j: %s", (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  test("case matters, unless ignored (header names)", () => {
    expect(wildcardMatch("X-Amz-*", "x-amz-date")).toBe(false);
    expect(wildcardMatchIgnoringCase("X-Amz-*", "x-amz-date")).toBe(true);
  });

  test("no pattern is slow (no RegExp built from user text)", () => {
    const started = Date.now();
    expect(wildcardMatch(`${"a*".repeat(200)}b`, "a".repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("cephMatch (RGW is_string_in_set)", () => {
  test.each([
    [["*"], "x", true],
    [["a*"], "a", true],
    [["*suffix"], "foo.suffix.get", false],
    [["start*end"], "0start12end", false],
    [["start*end"], "startend", true],
    [["ab*ba"], "aba", true],
    [["a*b*c"], "axbyc", false],
    [["a*b*c"], "a*b*c", true],
    [["exact"], "exact", true],
  ])("%j against %j: %s", (patterns, value, expected) => {
    expect(cephMatch(patterns, value)).toBe(expected);
  });
});
