import { evaluate, lintPolicy, type EvaluableConfig } from "../../provider/evaluate";
import { CorsPolicyError, CorsValidationError } from "../../provider/errors";

// Issue 23, item 11: evaluate and lintPolicy threw TypeError on values of the wrong type (JavaScript
// callers, a program's `any`). Now evaluate throws a CorsPolicyError naming the field, and lintPolicy,
// documented never to throw, returns the problem as an issue.

const PREFLIGHT = { method: "OPTIONS", headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "GET" } };
/** Typed as the API's argument: these are what a JavaScript caller can pass. */
const asConfig = (value: unknown) => value as EvaluableConfig;

/** The error `run` threw; fails when it returned. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("returned, but a failure was expected");
}

describe("evaluate on arguments of the wrong type", () => {
  test.each([
    [
      { rules: [{ allowedOrigins: "https://app.example.com", allowedMethods: ["GET"] }] },
      'rules[0].allowedOrigins: "https://app.example.com" is a string; expected a list — change its type',
    ],
    [
      { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: [7] }] },
      "rules[0].allowedMethods[0]: 7 is a number; expected a string — change its type",
    ],
    [{ rules: "all" }, 'rules: "all" is a string; expected a list — change its type'],
    [{}, "rules: is missing; it is required — add a list"],
    [{ rules: [null] }, "rules[0]: null is null; expected an object — change its type"],
  ])("fails with each field's path, not a TypeError, for %j", (config, message) => {
    const error = thrown(() => evaluate(asConfig(config), PREFLIGHT));
    expect(error).toBeInstanceOf(CorsValidationError);
    expect((error as CorsValidationError).message).toBe(`evaluate: config is not a CORS configuration:\n  - ${message}`);
  });

  test.each([
    [
      { method: "OPTIONS" },
      'evaluate: request.headers: is missing; expected an object of header names to strings, e.g. { Origin: "https://app.example.com" } — set it',
    ],
    [{ method: 5, headers: {} }, 'evaluate: request.method: is a number; expected a string such as "OPTIONS" or "GET" — set it'],
    [{ method: "GET", headers: { Origin: ["a"] } }, 'evaluate: request.headers["Origin"]: is a list; expected a string — pass the header\'s value as text'],
    [null, "evaluate: request: is null; expected { method, headers } — pass the request a browser sends"],
  ])("fails naming the request field for %j", (request, message) => {
    const error = thrown(() => evaluate({ rules: [] }, request as never));
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect((error as Error).message).toBe(message);
  });

  test("a rule with an extra field is evaluated as before (a dialect ignores it)", () => {
    const config = asConfig({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], note: "x" }] });
    expect(evaluate(config, PREFLIGHT).status).toBe(200);
  });
});

describe("lintPolicy on a configuration of the wrong type: never throws", () => {
  test("returns the shape problems as errors with their paths", () => {
    const issues = lintPolicy(
      asConfig({
        rules: [
          { allowedOrigins: "*", allowedMethods: ["PUT"] },
          { allowedOrigins: ["*"], allowedMethods: "GET" },
        ],
      }),
    );
    expect(issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      ["wrong-type", "error", 'rules[0].allowedOrigins: "*" is a string; expected a list — change its type'],
      ["wrong-type", "error", 'rules[1].allowedMethods: "GET" is a string; expected a list — change its type'],
    ]);
  });

  test("a throwing getter is a problem, not an exception", () => {
    const config = asConfig({
      get rules(): never {
        throw new Error("boom");
      },
    });
    expect(lintPolicy(config).map((i) => i.message)).toEqual([
      "the policy could not be read (boom) — pass plain data, not values whose properties throw when read",
    ]);
  });

  test("a maxAgeSeconds that is text names the field and says what it takes", () => {
    const issues = lintPolicy(asConfig({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], maxAgeSeconds: "600" }] }));
    expect(issues.map((i) => i.message)).toEqual(['rules[0].maxAgeSeconds: "600" is a string; expected a number — change its type']);
  });

  test.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("maxAgeSeconds: %p is named as what it is, not as null (JSON's spelling)", (maxAgeSeconds, shown) => {
    const issues = lintPolicy(asConfig({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], maxAgeSeconds }] }));
    expect(issues.map((i) => i.message)).toEqual([
      `rules[0].maxAgeSeconds: ${shown} is not a finite number; maxAgeSeconds is a finite whole number of seconds — use e.g. 3600, or omit it`,
    ]);
  });
});
