import type { CorsRule } from "../model/schema";
import { sameRules } from "./compare";

/** The fields of a rule, in the order a diff lists them. */
const FIELDS = ["id", "allowedOrigins", "allowedMethods", "allowedHeaders", "exposeHeaders", "maxAgeSeconds"] as const;

/** One field that differs: its live and desired values (`null` when unset). */
export interface FieldChange {
  readonly field: (typeof FIELDS)[number];
  readonly live: unknown;
  readonly desired: unknown;
}

/** One difference between the live and the desired rule lists. */
export type RuleChange =
  | { readonly change: "added"; readonly rule: number; readonly value: CorsRule }
  | { readonly change: "removed"; readonly liveRule: number; readonly value: CorsRule }
  | { readonly change: "changed"; readonly rule: number; readonly liveRule: number; readonly fields: FieldChange[] }
  /** The same rule (same ID, same meaning) at another position: a change, since the first matching rule wins. */
  | { readonly change: "moved"; readonly rule: number; readonly liveRule: number };

/**
 * Rule-by-rule differences from `live` to `desired`, both normalized. Equal
 * rules are paired in order (longest common subsequence, since rule order is
 * meaning: first match wins). Of the rest, rules with the same ID are paired
 * wherever they are (moved, or changed); between two pairs, a removed and an
 * added rule without IDs in the same position are one changed rule. Equality is
 * `sameRules`, so re-ordered or re-cased values and a server's ID rewrites are no change.
 */
export function diffRules(live: readonly CorsRule[], desired: readonly CorsRule[]): RuleChange[] {
  const same = (a: CorsRule, b: CorsRule) => sameRules([a], [b]);
  const pairs = commonPairs(live, desired, same);
  const pairedLive = new Set(pairs.map(([l]) => l));
  const pairedDesired = new Set(pairs.map(([, d]) => d));
  const changes: RuleChange[] = [];
  // Pair by ID first: an edited or moved rule keeps its ID.
  for (const d of range(0, desired.length).filter((k) => !pairedDesired.has(k))) {
    const id = desired[d]!.id;
    if (id === undefined) continue;
    const l = range(0, live.length).find((k) => !pairedLive.has(k) && live[k]!.id !== undefined && sameId(live[k]!.id, id));
    if (l === undefined) continue;
    pairedLive.add(l);
    pairedDesired.add(d);
    const fields = fieldChanges(live[l]!, desired[d]!);
    changes.push(fields.length === 0 ? { change: "moved", rule: d, liveRule: l } : { change: "changed", rule: d, liveRule: l, fields });
  }
  let li = 0;
  let di = 0;
  for (const [lEnd, dEnd] of [...pairs, [live.length, desired.length] as const]) {
    const removed = range(li, lEnd).filter((k) => !pairedLive.has(k));
    const added = range(di, dEnd).filter((k) => !pairedDesired.has(k));
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const l = removed[k]!;
      const d = added[k]!;
      changes.push({ change: "changed", rule: d, liveRule: l, fields: fieldChanges(live[l]!, desired[d]!) });
    }
    for (const l of removed.slice(paired)) changes.push({ change: "removed", liveRule: l, value: live[l]! });
    for (const d of added.slice(paired)) changes.push({ change: "added", rule: d, value: desired[d]! });
    li = lEnd + 1;
    di = dEnd + 1;
  }
  return changes.sort((a, b) => positionOf(a) - positionOf(b));
}

/** Where a change is listed: at its rule in the document, a removed rule at its live position. */
function positionOf(change: RuleChange): number {
  return change.change === "removed" ? change.liveRule : change.rule;
}

/** IDs as servers rewrite them (s3rver stores "007" as "7"): compared through sameRules. */
function sameId(a: string, b: string): boolean {
  return sameRules([{ id: a, allowedOrigins: [], allowedMethods: [] }], [{ id: b, allowedOrigins: [], allowedMethods: [] }]);
}

/** Index pairs of equal rules, in order (classic LCS table; rule lists hold at most ~100 rules). */
function commonPairs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = equal(a[i]!, b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (equal(a[i]!, b[j]!)) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function fieldChanges(live: CorsRule, desired: CorsRule): FieldChange[] {
  return FIELDS.flatMap((field) => {
    // Compare one field at a time through sameRules, so IDs are compared the way servers rewrite them.
    const probe = (rule: CorsRule): CorsRule => ({ allowedOrigins: [], allowedMethods: [], ...(rule[field] === undefined ? {} : { [field]: rule[field] }) });
    if (sameRules([probe(live)], [probe(desired)])) return [];
    return [{ field, live: live[field] ?? null, desired: desired[field] ?? null }];
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
