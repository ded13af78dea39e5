import { rulePath } from "./describe";
import { headersStep, methodStep, originStep, runSteps } from "./steps";
import type { EvaluableRule } from "./types";
import { wildcardMatch, wildcardMatchIgnoringCase } from "./wildcard";

/** What a rule is matched against. */
export interface MatchInput {
  readonly origin: string;
  readonly method: string;
  readonly requestedHeaders: readonly string[];
}

/** The rule that matched (if any) and one explanation line per rule. */
export interface MatchOutcome {
  readonly index: number | undefined;
  readonly lines: string[];
}

/**
 * AWS: the first rule whose origin, method and every requested header match
 * (docs/cors-semantics.md, "1. First full match"; a failure on any one moves on to the next rule).
 * Origins are compared case-sensitively with wildcards, methods exactly
 * (AllowedMethod values are upper-case; the case of a non-standard
 * Access-Control-Request-Method is not recorded on AWS, and Ceph RGW
 * refuses `put`), headers case-insensitively with wildcards.
 */
export function firstFullMatch(rules: readonly EvaluableRule[], input: MatchInput): MatchOutcome {
  const lines: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const outcome = runSteps(index, [
      () => originStep(rule.allowedOrigins, input.origin, wildcardMatch),
      () => methodStep(rule.allowedMethods, input.method, (allowed, method) => allowed.toUpperCase() === method),
      () => headersStep(rule.allowedHeaders ?? [], input.requestedHeaders, wildcardMatchIgnoringCase),
    ]);
    lines.push(outcome.line);
    if (outcome.ok) {
      lines.push(...notChecked(rules.length, index));
      return { index, lines };
    }
  }
  return { index: undefined, lines };
}

/** `rules[j]: not checked; rules[i] was chosen first` for every rule after the chosen one. */
export function notChecked(count: number, chosen: number): string[] {
  const lines: string[] = [];
  for (let j = chosen + 1; j < count; j++) lines.push(`${rulePath(j)}: not checked; ${rulePath(chosen)} was chosen first`);
  return lines;
}
