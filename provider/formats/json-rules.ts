import type { Issue } from "../model/issue";
import type { CorsRuleInput } from "../model/schema";
import { decoded } from "./read";
import { readJsonInput } from "./safe-json";
import type { DecodeResult } from "./types";

/**
 * Decodes a JSON document whose rule list `list` finds (or reports missing) and whose rules `read` reads one
 * by one, each `undefined` (with its issues) when it cannot be read: the skeleton of the wrapped JSON codecs.
 */
export function decodeJsonRules(
  input: unknown,
  list: (value: unknown, issues: Issue[]) => unknown[] | undefined,
  read: (item: unknown, index: number, issues: Issue[]) => CorsRuleInput | undefined,
): DecodeResult {
  const parsed = readJsonInput(input);
  if (!parsed.ok) return { issues: parsed.issues };
  const issues: Issue[] = [];
  const items = list(parsed.value, issues);
  if (items === undefined) return { issues };
  const rules = items.flatMap((item: unknown, index) => {
    const rule = read(item, index, issues);
    return rule === undefined ? [] : [rule];
  });
  return decoded(rules, issues);
}
