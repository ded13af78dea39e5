import * as pulumi from "@pulumi/pulumi";
import { CorsPolicyError } from "../provider/errors";

/**
 * A UTF-16 surrogate without its other half. google-protobuf's UTF-8 writer, which @pulumi/pulumi
 * uses to send inputs to the engine, drops a high surrogate not followed by a low one
 * (google-protobuf.js, the BinaryEncoder's string writer), so `check` never sees it and `up`
 * writes another value than the program's: "https://a\uD800.example" arrives as
 * "https://a.example" (issue 23, item 11).
 */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, in the program before anything is sent, every plain string of `args` that holds a lone
 * surrogate, with its property path, the value escaped, and what the engine would have made of it.
 * Values not known yet (Outputs, promises) are not looked into: they reach the engine unseen.
 */
export function refuseLoneSurrogates(resource: string, args: Readonly<Record<string, unknown>>): void {
  const found: string[] = [];
  for (const [key, value] of Object.entries(args)) walk(value, key, found, 0);
  if (found.length === 0) return;
  const error = new CorsPolicyError(`${resource}: ${found.join("; ")}`);
  // Marked as @pulumi/pulumi's RunError (errors.js, RunError.isInstance reads this member), so the
  // program's failure shows the message alone, not a stack trace through this package (cmd/run/run.js).
  Object.defineProperty(error, "__pulumiRunError", { value: true });
  throw error;
}

function walk(value: unknown, path: string, found: string[], depth: number): void {
  if (typeof value === "string") {
    if (LONE.test(value)) found.push(problem(path, value));
    return;
  }
  // Deep enough for any policy; a cycle or a giant structure is check's to refuse.
  if (depth > 8 || typeof value !== "object" || value === null || pulumi.Output.isInstance(value) || value instanceof Promise) return;
  if (Array.isArray(value)) value.forEach((item: unknown, i) => walk(item, `${path}[${i}]`, found, depth + 1));
  else for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, found, depth + 1);
}

function problem(path: string, value: string): string {
  const lone = LONE.exec(value)?.[0] ?? "";
  const code = `\\u${lone.charCodeAt(0).toString(16).toUpperCase()}`;
  const shown = JSON.stringify(value.length > 200 ? `${value.slice(0, 197)}...` : value);
  return `${path}: ${shown} holds a lone surrogate (${code}), half of a UTF-16 pair, which Pulumi cannot send as written (its encoder drops or garbles it, so the bucket would get another value) — remove it, or write the whole character`;
}
