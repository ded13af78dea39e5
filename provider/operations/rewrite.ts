import type { LiveConfig } from "../backends/types";
import type { CorsConfiguration, CorsRule } from "../model/schema";
import { sameRules } from "./compare";

/** The optional fields of a rule a server may store without (RGW drops a MaxAgeSeconds above 32 bits; other servers drop IDs). */
const DROPPABLE = ["id", "allowedHeaders", "exposeHeaders", "maxAgeSeconds"] as const satisfies readonly (keyof CorsRule)[];

/**
 * The fields the server left out when it stored `desired`, as paths (`rules[0].maxAgeSeconds`),
 * when `live` is exactly `desired` without them; undefined when `live` is anything else (or
 * `desired` itself). This tells a server's own rewrite of this call's write from another
 * writer's rules: RGW 16.2 answers 200 to a MaxAgeSeconds of 2³² and reads the rule back without
 * it (issue 23, item 9), which was blamed on "another writer" and left on the bucket.
 */
export function droppedFields(live: LiveConfig, desired: CorsConfiguration | null): string[] | undefined {
  if (desired === null || live.kind !== "config" || live.config.rules.length !== desired.rules.length) return undefined;
  const stored = live.config.rules;
  const dropped: string[] = [];
  const without = desired.rules.map((rule, index) => {
    const gone = DROPPABLE.filter((key) => rule[key] !== undefined && stored[index]?.[key] === undefined);
    dropped.push(...gone.map((key) => `rules[${index}].${key}`));
    return Object.fromEntries(Object.entries(rule).filter(([key]) => !(gone as readonly string[]).includes(key))) as CorsRule;
  });
  return dropped.length > 0 && sameRules(stored, without) ? dropped : undefined;
}
