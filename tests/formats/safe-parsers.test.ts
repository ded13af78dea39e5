import { codecFor, parseDocument } from "../../provider/formats";
import { MAX_DOCUMENT_BYTES } from "../../provider/formats/limits";
import { parseJson } from "../../provider/formats/safe-json";
import { checkJsonValue } from "../../provider/formats/value-guard";
import { parseXml } from "../../provider/formats/safe-xml";
import type { Issue } from "../../provider/model/issue";
import { expectedIssue } from "./expected-issues";

function err(code: string, path: string, text: string): Issue {
  return expectedIssue("error", code, path, text);
}

/**
 * The result and the best of 3 timings, or of up to 8 while the best is over `budgetMs`: slowness
 * in the parser repeats, a pause of the shared machine (another jest worker, GC) does not.
 */
function timed<T>(run: () => T, budgetMs: number): { result: T; ms: number } {
  let ms = Infinity;
  let result = run();
  for (let i = 0; i < 8 && (i < 3 || ms >= budgetMs); i++) {
    const start = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { result, ms };
}

const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  "<!DOCTYPE lolz [",
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
  "]>",
  "<CORSConfiguration><CORSRule><AllowedOrigin>&lol9;</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>",
].join("\n");

describe("XML guards", () => {
  test("fails fast when given a billion-laughs document, before any entity is expanded", () => {
    codecFor("s3-xml").decode("<CORSConfiguration/>"); // warm up the code path
    const { result, ms } = timed(() => codecFor("s3-xml").decode(BILLION_LAUGHS), 50);
    expect(result).toEqual({
      issues: [
        err(
          "xml-doctype",
          "",
          `the document declares <!DOCTYPE …> at line 2, column 1; DTDs and entity declarations are refused (entity expansion can exhaust memory, "billion laughs", and S3 never uses them) — remove the declaration`,
        ),
      ],
    });
    expect(ms).toBeLessThan(50);
  });

  test.each([
    [
      "an external entity (XXE)",
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CORSConfiguration>&xxe;</CORSConfiguration>',
      "DOCTYPE",
      "line 1, column 1",
    ],
    ["a lower-case doctype", "<!doctype x><CORSConfiguration/>", "doctype", "line 1, column 1"],
    ["an entity declaration without a DOCTYPE", '<CORSConfiguration><!ENTITY a "b"></CORSConfiguration>', "ENTITY", "line 1, column 20"],
  ])("fails when the XML holds %s", (_name, xml, keyword, where) => {
    expect(parseXml(xml)).toEqual({
      ok: false,
      issues: [
        err(
          "xml-doctype",
          "",
          `the document declares <!${keyword} …> at ${where}; DTDs and entity declarations are refused (entity expansion can exhaust memory, "billion laughs", and S3 never uses them) — remove the declaration`,
        ),
      ],
    });
  });

  test("fails when XML nests deeper than 32 elements, without building the validator's huge message", () => {
    const deep = "<a>".repeat(33) + "</a>".repeat(33);
    expect(parseXml(deep)).toEqual({
      ok: false,
      issues: [
        err(
          "document-too-deep",
          "",
          "the document nests deeper than 32 elements at line 1, column 97; a CORS document needs 3 — check that this is the right file",
        ),
      ],
    });
    expect(parseXml("<a>".repeat(32) + "</a>".repeat(32)).ok).toBe(true);
  });

  const N = 250_000;
  test.each([
    ["an unclosed attribute", `<a b="${"x".repeat(N)}`],
    ["thousands of attributes", `<a ${"b ".repeat(N / 2)}>`],
    ["a run of <", "<".repeat(N)],
    ["unclosed comment", `<!--${"-".repeat(N)}`],
    ["a long namespace chain", `<${"a:".repeat(N / 2)}b/>`],
    ["a bare & run", `<CORSConfiguration>${"&".repeat(N)}</CORSConfiguration>`],
    [
      "many valid rules",
      `<CORSConfiguration>${"<CORSRule><AllowedOrigin>https://a.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>".repeat(2400)}</CORSConfiguration>`,
    ],
  ])("finishes quickly on an adversarial 250 KB document: %s", (_name, xml) => {
    const { result, ms } = timed(() => codecFor("s3-xml").decode(xml), 500);
    expect(Array.isArray(result.issues)).toBe(true);
    expect(result.issues.every((i) => i.message.length < 600)).toBe(true);
    expect(ms).toBeLessThan(500);
  });
});

describe("JSON guards", () => {
  test("accepts a document of exactly the size limit and refuses one byte more", () => {
    const exact = "[]" + " ".repeat(MAX_DOCUMENT_BYTES - 2);
    expect(parseJson(exact)).toEqual({ ok: true, value: [] });
    expect(parseJson(exact + " ")).toEqual({
      ok: false,
      issues: [
        err(
          "document-too-large",
          "",
          "the document is 262145 bytes, more than the 262144-byte limit; CORS documents are small (S3 accepts at most 64 KB) — check that this is the right file, or remove content",
        ),
      ],
    });
  });

  test("counts UTF-8 bytes, not characters", () => {
    const text = `["${"é".repeat(MAX_DOCUMENT_BYTES / 2)}"]`;
    expect(parseJson(text)).toEqual({
      ok: false,
      issues: [
        err(
          "document-too-large",
          "",
          "the document is 262148 bytes, more than the 262144-byte limit; CORS documents are small (S3 accepts at most 64 KB) — check that this is the right file, or remove content",
        ),
      ],
    });
  });

  test("accepts 32 levels of nesting and refuses 33", () => {
    expect(parseJson("[".repeat(32) + "]".repeat(32)).ok).toBe(true);
    expect(parseJson("[".repeat(33) + "]".repeat(33))).toEqual({
      ok: false,
      issues: [
        err(
          "document-too-deep",
          "",
          "the document nests deeper than 32 levels at line 1, column 33; a CORS document needs at most 5 — check that this is the right file",
        ),
      ],
    });
  });

  test("refuses 100,000 levels of nesting quickly and without a stack overflow", () => {
    const { result, ms } = timed(() => parseDocument("[".repeat(100_000)), 50);
    expect(result.issues.map((i) => i.code)).toEqual(["document-too-deep"]);
    expect(ms).toBeLessThan(50);
  });

  test("reads escapes and surrogate pairs exactly as JSON.parse does", () => {
    const text = String.raw`["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "\ud800"]`;
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });

  test("fails when a reserved key is anywhere, and never lets it reach an object", () => {
    const pollute =
      '{"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "constructor": {"prototype": {"polluted": true}}}], "__proto__": {"polluted": true}}';
    expect(parseDocument(pollute)).toEqual({
      format: "aws-json",
      issues: [
        err(
          "forbidden-key",
          "CORSRules[0].constructor",
          `"constructor" at line 1, column 69 is a reserved key; __proto__, constructor, prototype are refused because they can pollute object prototypes — remove it`,
        ),
      ],
    });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("guards on already-parsed values", () => {
  test("fails when a parsed value carries an own __proto__ key (JSON.parse makes one)", () => {
    const parsed = JSON.parse('[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "__proto__": {"x": 1}}]') as unknown;
    expect(codecFor("rule-array").decode(parsed)).toEqual({
      issues: [
        err(
          "forbidden-key",
          "[0].__proto__",
          `"__proto__" is a reserved key; __proto__, constructor, prototype are refused because they can pollute object prototypes — remove it`,
        ),
      ],
    });
  });

  test("fails when a parsed value refers to itself", () => {
    const cyclic: { CORSRules: unknown[] } = { CORSRules: [] };
    cyclic.CORSRules.push(cyclic);
    const issues = checkJsonValue(cyclic);
    expect(issues.map((i) => i.code)).toEqual(["document-too-deep"]);
  });

  test("fails when a parsed value is far larger than a CORS document", () => {
    const huge = { CORSRules: [{ AllowedOrigins: Array.from({ length: 30_000 }, (_, i) => `https://host${i}.example`), AllowedMethods: ["GET"] }] };
    expect(checkJsonValue(huge).map((i) => i.code)).toEqual(["document-too-large"]);
  });

  test("reports a value whose getter throws instead of throwing", () => {
    const hostile = Object.defineProperty({}, "CORSRules", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(parseDocument(hostile)).toEqual({
      format: "aws-json",
      issues: [err("decode-failed", "", "the AWS CLI JSON document could not be read (boom) — pass plain text or plain JSON values")],
    });
    const unknown = Object.defineProperty({}, "color", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(parseDocument(unknown).issues.map((i) => [i.code, i.message.split("\n")[0]])).toEqual([
      ["unknown-format", "[object Object] is an object, not a CORS document in a format this package reads — write it in one of these formats:"],
    ]);
  });
});
