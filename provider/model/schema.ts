import * as z from "zod";
import { CORS_METHODS } from "./methods";
import type { SameType } from "./same-type";
import type { CorsConfiguration, CorsConfigurationInput, CorsRule, CorsRuleInput } from "./types";

export type { CorsConfiguration, CorsConfigurationInput, CorsRule, CorsRuleInput } from "./types";

/**
 * Zod schema factories for the canonical model. They are functions, not
 * module-level constants: a zod schema reachable from the serialized provider
 * breaks Pulumi's closure serialization (pulumi/pulumi#5294).
 *
 * The schemas check shape only (which fields, which JSON types). The rules a
 * server applies (origin syntax, wildcards, limits) are in `../validate/validate.ts`,
 * which reports them with paths and fixes.
 *
 * They are `@internal`: no declaration file of the package mentions zod (see types.ts).
 * @internal
 */
export function corsRuleSchema() {
  const list = z.array(z.string());
  return z.strictObject({
    /** Rule identifier (S3 `ID`). */
    id: z.string().optional(),
    /** Origins allowed: `*`, or `scheme://host[:port]` with at most one `*`. */
    allowedOrigins: list,
    /** Methods allowed, any case on input (normalized to upper case). */
    allowedMethods: list,
    /** Request headers a preflight may ask for; at most one `*` each. */
    allowedHeaders: list.optional(),
    /** Response headers the browser may read. */
    exposeHeaders: list.optional(),
    /** How long a browser may cache the preflight answer, in seconds. */
    maxAgeSeconds: z.number().optional(),
  });
}

/**
 * Schema of a whole CORS configuration: an ordered list of rules (first match wins).
 * @internal
 */
export function corsConfigurationSchema() {
  return z.strictObject({ rules: z.array(corsRuleSchema()) });
}

/**
 * Schema of a normalized rule (what `normalize()` returns and state stores):
 * methods are upper-case members of {@link CORS_METHODS}.
 * @internal
 */
export function normalizedCorsRuleSchema() {
  const list = z.array(z.string());
  return z.strictObject({
    id: z.string().optional(),
    allowedOrigins: list,
    allowedMethods: z.array(z.enum(CORS_METHODS)),
    allowedHeaders: list.optional(),
    exposeHeaders: list.optional(),
    maxAgeSeconds: z.number().optional(),
  });
}

/**
 * Schema of a normalized configuration.
 * @internal
 */
export function normalizedCorsConfigurationSchema() {
  return z.strictObject({ rules: z.array(normalizedCorsRuleSchema()) });
}

/**
 * Compile-time proof that the plain types in types.ts are exactly what the schemas
 * infer: when one changes without the other, this stops compiling.
 * @internal
 */
export const SCHEMAS_MATCH_TYPES: [
  SameType<CorsRuleInput, z.input<ReturnType<typeof corsRuleSchema>>>,
  SameType<CorsConfigurationInput, z.input<ReturnType<typeof corsConfigurationSchema>>>,
  SameType<CorsRule, z.output<ReturnType<typeof normalizedCorsRuleSchema>>>,
  SameType<CorsConfiguration, z.output<ReturnType<typeof normalizedCorsConfigurationSchema>>>,
] = [true, true, true, true];
