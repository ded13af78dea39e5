import type { CorsRule } from "../model/schema";

/** A one-line summary of rules for messages, e.g. `2 rules ([GET,PUT] from https://a.example; [GET] from *)`. */
export function describeRules(rules: readonly CorsRule[]): string {
  const parts = rules.map((r) => `[${r.allowedMethods.join(",")}] from ${r.allowedOrigins.join(" ")}${r.allowedHeaders === undefined ? "" : ` headers ${r.allowedHeaders.join(",")}`}`);
  return `${rules.length} rule${rules.length === 1 ? "" : "s"} (${parts.join("; ")})`;
}
