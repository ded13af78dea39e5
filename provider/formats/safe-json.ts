import { type Issue, show, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { at as pathAt } from "./read";
import { asText, FORBIDDEN_KEYS, MAX_JSON_DEPTH, textSizeIssue, where } from "./limits";
import { checkJsonValue } from "./value-guard";

/** A parsed JSON value, or the issues that stopped it. */
export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Reads a JSON document given as text, bytes or an already-parsed value. Text
 * goes through {@link parseJson}; a parsed value gets the same guards (depth,
 * size, reserved keys) from {@link checkJsonValue}. Never throws.
 */
export function readJsonInput(input: unknown): JsonResult {
  const text = asText(input);
  if (text !== undefined) return parseJson(text);
  const issues = checkJsonValue(input);
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

/**
 * A strict JSON parser (RFC 8259) with the guards `JSON.parse` lacks: the size
 * is checked before reading, nesting is capped at {@link MAX_JSON_DEPTH}, a
 * reserved key (`__proto__`, `constructor`, `prototype`) is refused before it
 * is written into any object, duplicate keys are refused (parsers disagree on
 * which one wins), and every error names its line and column. Never throws;
 * recursion is bounded by the depth cap, so it cannot overflow the stack.
 */
export function parseJson(source: string): JsonResult {
  const tooLarge = textSizeIssue(source);
  if (tooLarge !== undefined) return { ok: false, issues: [tooLarge] };
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  let at = 0;
  let failure: Issue | undefined;

  const fail = (found: Issue): never => {
    failure = found;
    // Unwinds the recursive descent to parseJson's catch, which returns `failure`; never escapes it.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw found;
  };
  const unexpected = (expected: string): never => {
    const found = at >= text.length ? "the end of the document" : show(text.slice(at, at + 1));
    return fail(formatIssue("json-unexpected", [], { found, position: where(text, at), expected }));
  };
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(at)) at += 1;
  };
  const child = (path: IssuePath, key: string | number): IssuePath => pathAt(path, key);

  const parseValue = (path: IssuePath, depth: number): unknown => {
    skipSpace();
    const c = text[at];
    if (c === "{") return parseObject(path, depth + 1);
    if (c === "[") return parseArray(path, depth + 1);
    if (c === '"') return parseString();
    if (c === "t") return literal("true", true);
    if (c === "f") return literal("false", false);
    if (c === "n") return literal("null", null);
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return parseNumber(path);
    return unexpected("a value");
  };

  const enter = (depth: number): void => {
    if (depth > MAX_JSON_DEPTH) {
      fail(formatIssue("json-too-deep", [], { max: MAX_JSON_DEPTH, position: where(text, at) }));
    }
  };

  const parseObject = (path: IssuePath, depth: number): Record<string, unknown> => {
    enter(depth);
    at += 1;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipSpace();
    if (text[at] === "}") {
      at += 1;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') unexpected("a quoted key");
      const keyAt = at;
      const key = parseString();
      const keyPath = child(path, key);
      if (FORBIDDEN_KEYS.includes(key)) {
        fail(formatIssue("json-reserved-key", keyPath, { key, position: where(text, keyAt) }));
      }
      if (seen.has(key)) {
        fail(formatIssue("json-duplicate-key", keyPath, { key, position: where(text, keyAt) }));
      }
      seen.add(key);
      skipSpace();
      if (text[at] !== ":") unexpected('":"');
      at += 1;
      out[key] = parseValue(keyPath, depth);
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "}") {
        at += 1;
        return out;
      }
      unexpected('"," or "}"');
    }
  };

  const parseArray = (path: IssuePath, depth: number): unknown[] => {
    enter(depth);
    at += 1;
    const out: unknown[] = [];
    skipSpace();
    if (text[at] === "]") {
      at += 1;
      return out;
    }
    for (;;) {
      out.push(parseValue(child(path, out.length), depth));
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "]") {
        at += 1;
        return out;
      }
      unexpected('"," or "]"');
    }
  };

  const parseString = (): string => {
    at += 1;
    let out = "";
    let runStart = at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code)) return unexpected('a closing "');
      if (code === 0x22) {
        out += text.slice(runStart, at);
        at += 1;
        return out;
      }
      if (code < 0x20) {
        return fail(formatIssue("json-raw-control", [], { code, position: where(text, at) }));
      }
      if (code === 0x5c) {
        out += text.slice(runStart, at);
        out += parseEscape();
        runStart = at;
        continue;
      }
      at += 1;
    }
  };

  const parseEscape = (): string => {
    const c = text[at + 1];
    const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
    if (c !== undefined && Object.prototype.hasOwnProperty.call(simple, c)) {
      at += 2;
      return simple[c] as string;
    }
    if (c === "u") {
      const hex = text.slice(at + 2, at + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        at += 6;
        return String.fromCharCode(parseInt(hex, 16));
      }
    }
    at += 1;
    return unexpected('an escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u followed by 4 hex digits)');
  };

  const parseNumber = (path: IssuePath): number => {
    numberPattern.lastIndex = at;
    const match = numberPattern.exec(text);
    if (match === null) return unexpected("a number");
    const value = Number(match[0]);
    if (!Number.isFinite(value)) {
      fail(formatIssue("json-number-too-large", path, { text: match[0], position: where(text, at) }));
    }
    at += match[0].length;
    return value;
  };

  const literal = <T>(word: string, value: T): T => {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return unexpected("a value");
  };

  try {
    const value = parseValue([], 0);
    skipSpace();
    if (at < text.length) unexpected("the end of the document");
    return { ok: true, value };
  } catch (thrown) {
    if (failure !== undefined) return { ok: false, issues: [failure] };
    // Unreachable by construction; reported rather than thrown so decoding never throws.
    return { ok: false, issues: [formatIssue("json-unreadable", [], { reason: String(thrown) })] };
  }
}
