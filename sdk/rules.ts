import type { CorsRuleInput } from "../provider/model/types";

/**
 * Declares a rule list once, typed, for reuse across policies and stacks:
 * `const web = rules([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }])`.
 * Validation happens per target at preview (limits differ by vendor).
 */
export function rules(list: readonly CorsRuleInput[]): CorsRuleInput[] {
  return list.map((rule) => ({ ...rule }));
}
