import type { CorsMethod } from "./methods";

/*
 * The canonical model's data types, written out without zod. They are the
 * package's public types: a declaration file that imports zod makes users'
 * projects compile zod's own .d.cts files, which fail without `esModuleInterop`
 * and `skipLibCheck` (the `pulumi new typescript` tsconfig sets neither).
 * `schema.ts` proves at compile time that the schemas infer exactly these types.
 */

/** A rule as a user may write it (methods in any case, optional lists). */
export interface CorsRuleInput {
  /** Rule identifier (S3 `ID`). @default - no identifier */
  id?: string | undefined;
  /** Origins allowed: `*`, or `scheme://host[:port]` with at most one `*`. */
  allowedOrigins: string[];
  /** Methods allowed, any case on input (normalized to upper case). */
  allowedMethods: string[];
  /** Request headers a preflight may ask for; at most one `*` each. @default - none: only simple requests */
  allowedHeaders?: string[] | undefined;
  /** Response headers the browser may read. @default - none beyond the CORS-safelisted ones */
  exposeHeaders?: string[] | undefined;
  /** How long a browser may cache the preflight answer, in seconds. @default - the browser's default: 5 s (https://fetch.spec.whatwg.org/#http-access-control-max-age) */
  maxAgeSeconds?: number | undefined;
}

/** A configuration as a user may write it: an ordered list of rules (first match wins). */
export interface CorsConfigurationInput {
  rules: CorsRuleInput[];
}

/** A normalized rule: the canonical model every codec and backend speaks. Methods are upper-case members of `CORS_METHODS`. */
export interface CorsRule {
  id?: string | undefined;
  allowedOrigins: string[];
  allowedMethods: CorsMethod[];
  allowedHeaders?: string[] | undefined;
  exposeHeaders?: string[] | undefined;
  maxAgeSeconds?: number | undefined;
}

/** A normalized configuration. */
export interface CorsConfiguration {
  rules: CorsRule[];
}
