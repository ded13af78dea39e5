import { stripSecrets } from "./secrets";
import type { Json, JsonObject } from "./wire";

/** Equal as the engine compares property values: secrets unwrapped, key order ignored. */
export function sameValue(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** Top-level keys whose values differ between two property maps, sorted. */
export function changedKeys(olds: JsonObject, news: JsonObject): string[] {
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !sameValue(olds[k], news[k])).sort();
}

function canonical(value: Json | undefined): string {
  return JSON.stringify(sortKeys(value === undefined ? null : stripSecrets(value)));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k]!)]),
    );
  }
  return value;
}
