import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { FORBIDDEN_KEYS, MAX_JSON_DEPTH, sizeIssue } from "./limits";
import { at as pathAt } from "./read";

/**
 * Applies the JSON parser's guards (safe-json.ts) to a value that is already parsed (an
 * object a program passes in): depth (which also stops cycles), approximate
 * size, and reserved own keys. Returns every reserved key found.
 */
export function checkJsonValue(root: unknown): Issue[] {
  const issues: Issue[] = [];
  let bytes = 0;
  let stopped = false;
  const visit = (value: unknown, path: IssuePath, depth: number): void => {
    if (stopped) return;
    if (typeof value === "string") bytes += value.length + 2;
    else if (value === null || typeof value !== "object") bytes += String(value).length;
    else if (depth >= MAX_JSON_DEPTH) {
      issues.push(formatIssue("value-too-deep", path, { max: MAX_JSON_DEPTH }));
      stopped = true;
    } else if (Array.isArray(value)) {
      bytes += 2;
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
    } else {
      bytes += 2;
      for (const key of Object.keys(value)) {
        const keyPath = pathAt(path, key);
        bytes += key.length + 4;
        if (FORBIDDEN_KEYS.includes(key)) {
          issues.push(formatIssue("value-reserved-key", keyPath, { key }));
          continue;
        }
        visit((value as Record<string, unknown>)[key], keyPath, depth + 1);
      }
    }
    const large = stopped ? undefined : sizeIssue(bytes, true);
    if (large !== undefined) {
      issues.push(large);
      stopped = true;
    }
  };
  visit(root, [], 0);
  return issues;
}
