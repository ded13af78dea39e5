import type { LiveConfig } from "../backends/types";
import type { CorsRule } from "../model/schema";

/** What a rule allows, the part every description of it starts with: `[GET,PUT] from https://a.example headers content-type`. */
function allows(rule: CorsRule): string {
  return `[${rule.allowedMethods.join(",")}] from ${rule.allowedOrigins.join(" ")}${rule.allowedHeaders === undefined ? "" : ` headers ${rule.allowedHeaders.join(",")}`}`;
}

/**
 * A one-line summary of rules for messages, e.g. `2 rules ([GET,PUT] from https://a.example max-age 600; [GET] from *)`.
 * It names max-age: a server that drops it (RGW above 32 bits) reads back rules that differ only
 * there, and a summary without it described what was wanted and what was read back identically.
 */
export function describeRules(rules: readonly CorsRule[]): string {
  const parts = rules.map((r) => `${allows(r)}${r.maxAgeSeconds === undefined ? "" : ` max-age ${r.maxAgeSeconds}`}`);
  return `${rules.length} rule${rules.length === 1 ? "" : "s"} (${parts.join("; ")})`;
}

/** One rule in full for human output: `app: [GET,PUT] from https://a.example headers content-type expose etag max-age 600`. */
export function describeRule(rule: CorsRule): string {
  const parts = [allows(rule)];
  if (rule.exposeHeaders !== undefined) parts.push(`expose ${rule.exposeHeaders.join(",")}`);
  if (rule.maxAgeSeconds !== undefined) parts.push(`max-age ${rule.maxAgeSeconds}`);
  return `${rule.id === undefined ? "" : `${rule.id}: `}${parts.join(" ")}`;
}

/**
 * A configuration a backend read but this package cannot decode, with its raw text: the one
 * wording every message uses (`<bucket> has a CORS configuration this package cannot read: …`).
 */
export function unreadableConfiguration(raw: string): string {
  return `a CORS configuration this package cannot read: ${raw}`;
}

/** What a read showed, for messages: the rules, none, no bucket, or the raw text of a configuration this package cannot decode. */
export function describeLive(live: LiveConfig): string {
  switch (live.kind) {
    case "config":
      return describeRules(live.config.rules);
    case "none":
      return "no CORS configuration";
    case "no-bucket":
      return "no bucket (it does not exist)";
    case "unreadable":
      return unreadableConfiguration(live.raw);
  }
}
