import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { codecFor, detect, parseDocument } from "../../provider/formats";
import { FORMAT_NAMES, type DecodeResult, type FormatName } from "../../provider/formats/types";
import { formatPath } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";

/**
 * Mutation fuzzing: valid encodings and golden documents, broken in the ways
 * real and hostile documents are (truncated, duplicated, swapped characters,
 * DOCTYPE and reserved-key injection, huge numbers, deep nesting), plus random
 * text and random values. Decoding must never throw, must return a config
 * exactly when there is no error, and must take under 50 ms per call.
 */

const PER_FORMAT = 10_000;
const BUDGET_MS = 50;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"] as CorsConfiguration["rules"][number]["allowedMethods"];
const SAMPLES: CorsConfiguration[] = [
  {
    rules: [
      {
        id: "uploads",
        allowedOrigins: ["https://app.example.com", "http://localhost:3000"],
        allowedMethods: ["GET", "PUT"],
        allowedHeaders: ["content-type", "x-amz-*"],
        exposeHeaders: ["etag"],
        maxAgeSeconds: 3000,
      },
      { allowedOrigins: ["*"], allowedMethods: ["GET"] },
    ],
  },
  {
    rules: [
      {
        allowedOrigins: ["https://a.example", "https://b.example"],
        allowedMethods: ALL,
        allowedHeaders: ["*"],
        exposeHeaders: ["etag", "x-request-id"],
        maxAgeSeconds: 600,
      },
    ],
  },
  { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "HEAD"], exposeHeaders: ["content-type"], maxAgeSeconds: 3600 }] },
];

function seeds(format: FormatName): string[] {
  const codec = codecFor(format);
  const encoded = SAMPLES.filter((c) => !codec.limitations(c).some((i) => i.severity === "error")).map((c) => codec.encode(c, { allowWidening: true })); // Swift seeds: what a container holds, widened
  const texts = encoded.map((e) =>
    typeof e === "string"
      ? e
      : Object.entries(e)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\r\n"),
  );
  const golden = readdirSync(join(__dirname, "golden")).map((f) => readFileSync(join(__dirname, "golden", f), "utf8"));
  return [...texts, ...golden.filter((g) => detect(g) === format)];
}

const PALETTE = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  "\\",
  "/",
  "\u0000",
  "\u0001",
  "\ud800",
  "é",
  "😀",
  "\n",
  " ",
  "a",
  "0",
  "-",
  ";",
  "#",
  "!",
  "?",
  "=",
];
const HUGE_NUMBERS = ["1e999", "9".repeat(400), "1.5", "-0", "0x10", "1e21", "-1", "NaN", "Infinity"];
const DOCTYPE = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>';

type Mutation = (doc: string, r: () => number) => string;

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)] as T;
}

function spot(doc: string, r: () => number): number {
  return Math.floor(r() * (doc.length + 1));
}

const MUTATIONS: readonly Mutation[] = [
  (d, r) => d.slice(0, spot(d, r)), // truncate
  (d, r) => {
    const a = spot(d, r);
    const b = Math.min(d.length, a + Math.floor(r() * 200));
    const at = spot(d, r);
    return d.slice(0, at) + d.slice(a, b) + d.slice(at); // duplicate a slice
  },
  (d, r) => {
    if (d.length < 2) return d;
    const i = Math.floor(r() * d.length);
    const j = Math.floor(r() * d.length);
    const chars = Array.from(d);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    return chars.join(""); // swap two characters
  },
  (d, r) => {
    const a = spot(d, r);
    return d.slice(0, a) + d.slice(a + 1 + Math.floor(r() * 20)); // delete a few characters
  },
  (d, r) => {
    const a = spot(d, r);
    return d.slice(0, a) + pick(PALETTE, r) + d.slice(a); // insert a character
  },
  (d, r) => {
    const at = r() < 0.5 ? 0 : spot(d, r);
    return d.slice(0, at) + DOCTYPE + d.slice(at); // inject a DOCTYPE
  },
  (d, r) => {
    const braces = [...d.matchAll(/\{/g)].map((m) => m.index);
    const key = pick(["__proto__", "constructor", "prototype"], r);
    if (braces.length > 0) {
      const at = pick(braces, r) + 1;
      return `${d.slice(0, at)}"${key}": {"polluted": true}, ${d.slice(at)}`;
    }
    const tags = [...d.matchAll(/<[A-Za-z][^>]*>/g)].map((m) => m.index + m[0].length);
    if (tags.length > 0) {
      const at = pick(tags, r);
      return `${d.slice(0, at)}<${key}>x</${key}>${d.slice(at)}`;
    }
    return `${key}: {"polluted": true}\n${d}`; // inject a reserved key
  },
  (d, r) => {
    const digits = [...d.matchAll(/[0-9]+/g)];
    if (digits.length === 0) return d + pick(HUGE_NUMBERS, r);
    const m = pick(digits, r);
    return d.slice(0, m.index) + pick(HUGE_NUMBERS, r) + d.slice(m.index + m[0].length); // huge or odd number
  },
  (d, r) => {
    const depth = 20 + Math.floor(r() * 2000);
    if (d.trimStart().startsWith("<")) {
      const at = d.indexOf(">") + 1;
      return d.slice(0, at) + "<a>".repeat(depth) + "</a>".repeat(r() < 0.5 ? depth : 0) + d.slice(at); // deep XML
    }
    return "[".repeat(depth) + d + "]".repeat(r() < 0.5 ? depth : 0); // deep JSON
  },
  (d, r) => d.repeat(2 + Math.floor(r() * 3)), // the whole document, repeated
  (d, r) => {
    const a = spot(d, r);
    const b = Math.min(d.length, a + 30);
    const part = d.slice(a, b);
    return d.slice(0, a) + (r() < 0.5 ? part.toUpperCase() : part.toLowerCase()) + d.slice(b); // change case
  },
];

function mutate(doc: string, r: () => number): string {
  let out = doc;
  const count = 1 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) out = pick(MUTATIONS, r)(out, r);
  return out;
}

function randomText(r: () => number): string {
  const length = Math.floor(r() * 300);
  let out = "";
  for (let i = 0; i < length; i++) out += r() < 0.7 ? pick(PALETTE, r) : String.fromCharCode(Math.floor(r() * 0x3000));
  return out;
}

/** What must hold of every decode result. */
function shapeProblem(result: DecodeResult): string | undefined {
  if (!Array.isArray(result.issues)) return "issues is not a list";
  for (const i of result.issues) {
    if (typeof i.code !== "string" || !Array.isArray(i.path) || typeof i.message !== "string") return `malformed issue ${JSON.stringify(i)}`;
    if (i.severity !== "error" && i.severity !== "warning") return `bad severity ${String(i.severity)}`;
    if (formatPath(i.path) !== "" && !i.message.startsWith(`${formatPath(i.path)}: `)) return `message does not start with its path: ${i.message}`;
  }
  const errors = result.issues.some((i) => i.severity === "error");
  if (errors === (result.config !== undefined)) return `config ${result.config === undefined ? "missing without" : "present with"} errors`;
  return undefined;
}

function preview(input: unknown): string {
  if (typeof input === "string") return JSON.stringify(input.slice(0, 200));
  try {
    return (JSON.stringify(input) ?? String(input)).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

interface Run {
  calls: number;
  maxMs: number;
  slowest: string;
  failures: string[];
}

function run(inputs: readonly unknown[], call: (input: unknown) => DecodeResult): Run {
  const out: Run = { calls: 0, maxMs: 0, slowest: "", failures: [] };
  for (const input of inputs) {
    const start = performance.now();
    let result: DecodeResult | undefined;
    try {
      result = call(input);
    } catch (error) {
      out.failures.push(`threw ${String(error)} on ${preview(input)}`);
    }
    let ms = performance.now() - start;
    // A call over budget is timed again (best of 4): slowness in the decoder repeats,
    // a pause of the shared machine (GC, another process) does not.
    for (let retry = 0; retry < 3 && ms >= BUDGET_MS && result !== undefined; retry++) {
      const again = performance.now();
      call(input);
      ms = Math.min(ms, performance.now() - again);
    }
    out.calls += 1;
    if (ms > out.maxMs) {
      out.maxMs = ms;
      out.slowest = preview(input);
    }
    const problem = result === undefined ? undefined : shapeProblem(result);
    if (problem !== undefined) out.failures.push(`${problem} on ${preview(input)}`);
  }
  return out;
}

function corpus(format: FormatName, seed: number): unknown[] {
  const r = random(seed);
  const base = seeds(format);
  const inputs: unknown[] = [];
  for (let i = 0; i < PER_FORMAT; i++) inputs.push(mutate(pick(base, r), r));
  for (let i = 0; i < 1_000; i++) inputs.push(randomText(r));
  inputs.push(...fc.sample(fc.jsonValue({ maxDepth: 6 }), { numRuns: 500, seed }));
  inputs.push(
    ...fc.sample(fc.anything({ maxDepth: 4, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withTypedArray: true }), {
      numRuns: 300,
      seed,
    }),
  );
  return inputs;
}

describe("fuzzing the decoders", () => {
  test.each(FORMAT_NAMES.map((format, index) => [format, 0xc0ffee + index] as const))(
    "%s: 11,800 broken and random documents decode without throwing, each under 50 ms",
    (format, seed) => {
      const inputs = corpus(format, seed);
      const codec = codecFor(format);
      const result = run(inputs, (input) => codec.decode(input));
      expect(result.failures.slice(0, 5)).toEqual([]);
      expect(result.calls).toBeGreaterThanOrEqual(PER_FORMAT);
      expect({ maxMs: result.maxMs < BUDGET_MS, slowest: result.maxMs < BUDGET_MS ? "" : `${result.maxMs.toFixed(1)} ms: ${result.slowest}` }).toEqual({
        maxMs: true,
        slowest: "",
      });
    },
  );

  test("parseDocument (detection, then decoding) never throws on the same documents", () => {
    const inputs = FORMAT_NAMES.flatMap((format, index) => corpus(format, 0xbad + index).filter((_, i) => i % 4 === 0));
    const result = run(inputs, (input) => parseDocument(input));
    expect(result.failures.slice(0, 5)).toEqual([]);
    expect(result.maxMs).toBeLessThan(BUDGET_MS);
  });

  test("no fuzzed document reached Object.prototype", () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
