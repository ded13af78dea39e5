import type { LiveConfig } from "../backends/types";
import type { CorsRule } from "../model/schema";

/**
 * A one-line summary of rules for messages, e.g. `2 rules ([GET,PUT] from https://a.example max-age 600; [GET] from *)`.
 * It names max-age: a server that drops it (RGW above 32 bits) reads back rules that differ only
 * there, and a summary without it described what was wanted and what was read back identically.
 */
export function describeRules(rules: readonly CorsRule[]): string {
  const parts = rules.map(
    (r) =>
      `[${r.allowedMethods.join(",")}] from ${r.allowedOrigins.join(" ")}${r.allowedHeaders === undefined ? "" : ` headers ${r.allowedHeaders.join(",")}`}${r.maxAgeSeconds === undefined ? "" : ` max-age ${r.maxAgeSeconds}`}`,
  );
  return `${rules.length} rule${rules.length === 1 ? "" : "s"} (${parts.join("; ")})`;
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
      return `a configuration this package cannot read: ${live.raw}`;
  }
}
