import type { CorsRule } from "../../provider/model/schema";

/** The fields of a rule in the order the SDK documents them. */
const FIELDS = ["id", "allowedOrigins", "allowedMethods", "allowedHeaders", "exposeHeaders", "maxAgeSeconds"] as const;

/**
 * The rules as a ready-to-paste `rules: [...]` for a CorsPolicy (camelCase, as the
 * SDK takes them): what a user adopting a bucket with `onExisting: "adopt"` writes,
 * like the code `pulumi import` prints for other resources.
 */
export function pulumiRulesSnippet(rules: readonly CorsRule[]): string {
  const lines = rules.map((rule) => {
    const fields = FIELDS.filter((field) => rule[field] !== undefined).map((field) => `${field}: ${JSON.stringify(rule[field])}`);
    return `  { ${fields.join(", ")} },`;
  });
  return ["rules: [", ...lines, "],"].join("\n");
}
