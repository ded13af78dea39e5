import { DIALECT_TRAITS } from "../../profiles/traits";
import type { Dialect } from "../../profiles/types";
import { rulePath } from "../describe";
import type { EvaluableRule } from "../types";
import { cephMatch, wildcardMatch, wildcardMatchIgnoringCase } from "../wildcard";
import { covers, coversIgnoringCase } from "./covers";

/**
 * The earlier rules that together take every request `rules[index]` could
 * match, so it is never reached; `undefined` when it can be reached (or when
 * the dialect has no rule order: Swift merges all rules into one).
 * - aws, r2: per origin pattern and method of the rule, one earlier rule
 *   covering that origin and method and every header the rule allows
 *   (first rule matching origin, method and headers wins, docs/cors-semantics.md, "1. First full match");
 * - ceph: per origin pattern, one earlier rule covering it (RGW picks by origin alone);
 * - s3rver: per origin pattern and method, one earlier rule covering both
 *   (s3rver picks on origin and method, then checks headers on that rule only).
 */
export function shadowedBy(rules: readonly EvaluableRule[], index: number, dialect: Dialect): number[] | undefined {
  const rule = rules[index]!;
  const choice = DIALECT_TRAITS[dialect].ruleChoice;
  if (choice === "single-rule" || rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) return undefined;
  const earlier = rules.slice(0, index);
  const byOrigin = choice === "origin";
  const methods = byOrigin ? [undefined] : rule.allowedMethods.map((m) => m.toUpperCase());
  const found = new Set<number>();
  for (const origin of rule.allowedOrigins) {
    for (const method of methods) {
      const by = earlier.findIndex((e) => takes(e, rule, origin, method, dialect));
      if (by < 0) return undefined;
      found.add(by);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function takes(earlier: EvaluableRule, later: EvaluableRule, origin: string, method: string | undefined, dialect: Dialect): boolean {
  const traits = DIALECT_TRAITS[dialect];
  const originMatch = traits.cephOriginMatch ? (p: string, v: string) => cephMatch([p], v) : wildcardMatch;
  if (!earlier.allowedOrigins.some((p) => covers(p, origin, originMatch))) return false;
  if (method === undefined) return true;
  if (!earlier.allowedMethods.some((m) => m.toUpperCase() === method)) return false;
  if (traits.ruleChoice !== "origin-method-headers") return true;
  const wide = earlier.allowedHeaders ?? [];
  return (later.allowedHeaders ?? []).every((h) => wide.some((p) => coversIgnoringCase(p, h, wildcardMatchIgnoringCase)));
}

/** `rules[0]`, `rules[0] and rules[2]`. */
export function ruleList(indexes: readonly number[]): string {
  const paths = indexes.map(rulePath);
  return paths.length <= 1 ? paths.join("") : `${paths.slice(0, -1).join(", ")} and ${paths[paths.length - 1]}`;
}
