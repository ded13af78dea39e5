import { quote, quoteList, rulePath } from "./describe";

/** One check of a rule against a request: whether it passed, and why, in words. */
export interface Step {
  readonly ok: boolean;
  readonly text: string;
}

/** Does the request's origin match one of the rule's AllowedOrigins? */
export function originStep(allowed: readonly string[], origin: string, matches: (pattern: string, value: string) => boolean): Step {
  const hit = allowed.find((pattern) => matches(pattern, origin));
  return hit === undefined
    ? { ok: false, text: `origin ${quote(origin)} matches none of ${quoteList(allowed)}` }
    : { ok: true, text: `origin ${quote(origin)} matches ${quote(hit)}` };
}

/** Is the method one of the rule's AllowedMethods (compared as `equal` says)? */
export function methodStep(allowed: readonly string[], method: string, equal: (allowedMethod: string, method: string) => boolean): Step {
  return allowed.some((m) => equal(m, method))
    ? { ok: true, text: `method ${quote(method)} is allowed` }
    : { ok: false, text: `method ${quote(method)} is not one of ${quoteList(allowed)}` };
}

/** Does every requested header match one of the rule's AllowedHeaders? All or nothing. */
export function headersStep(allowed: readonly string[], requested: readonly string[], matches: (pattern: string, header: string) => boolean): Step {
  if (requested.length === 0) return { ok: true, text: "no headers requested" };
  const refused = requested.find((h) => !allowed.some((pattern) => matches(pattern, h)));
  if (refused === undefined) {
    return { ok: true, text: `${requested.length === 1 ? "header" : "headers"} ${quoteList(requested)} allowed` };
  }
  if (allowed.length === 0) return { ok: false, text: `the rule allows no headers and the request asks for ${quote(refused)}` };
  return { ok: false, text: `header ${quote(refused)} matches none of ${quoteList(allowed)}` };
}

/**
 * Runs `steps` in order until one fails, and describes the rule:
 * `rules[1]: origin "…" matches "*", but method "PUT" is not one of "GET"`, or
 * `rules[1]: matches: origin …, method …, no headers requested`.
 */
export function runSteps(index: number, steps: ReadonlyArray<() => Step>): { ok: boolean; line: string } {
  const passed: string[] = [];
  for (const step of steps) {
    const result = step();
    if (!result.ok) {
      const line = passed.length === 0 ? result.text : `${passed.join(", ")}, but ${result.text}`;
      return { ok: false, line: `${rulePath(index)}: ${line}` };
    }
    passed.push(result.text);
  }
  return { ok: true, line: `${rulePath(index)}: matches: ${passed.join(", ")}` };
}
