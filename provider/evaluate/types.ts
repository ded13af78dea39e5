import type { CorsConfiguration, CorsConfigurationInput } from "../model/schema";
import type { Dialect } from "../profiles/types";

/** What a request URL names: an object, or the bucket (container) itself. */
export const REQUEST_RESOURCES = ["object", "bucket"] as const;

/** One of {@link REQUEST_RESOURCES}. */
export type RequestResource = (typeof REQUEST_RESOURCES)[number];

/**
 * One rule as a server stores it: normalized or not, and possibly holding
 * values a validator would refuse (`localhost`, `""`, `PATCH`). The evaluator
 * matches such values as plain strings and never throws on them, because AWS
 * stores them too (docs/cors-semantics.md, "2. Origin matching": loose values are accepted).
 */
export interface EvaluableRule {
  readonly id?: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly allowedMethods: readonly string[];
  readonly allowedHeaders?: readonly string[] | undefined;
  readonly exposeHeaders?: readonly string[] | undefined;
  readonly maxAgeSeconds?: number | undefined;
}

/**
 * A bucket's CORS configuration as the evaluator reads it: rules in stored
 * order (the first match wins). Functions take `null` for a bucket without one.
 */
export interface EvaluableConfig {
  readonly rules: readonly EvaluableRule[];
}

/** The request a browser (or a test) sends. */
export interface CorsRequest {
  /** HTTP method; `OPTIONS` is a preflight. */
  readonly method: string;
  /** Request headers, names in any case (`Origin`, `Access-Control-Request-Method`, `Access-Control-Request-Headers`). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * What the URL names. AWS reports it as `<ResourceType>` in a refused
   * preflight; Swift allows different methods on containers and objects.
   * @default "object"
   */
  readonly resource?: RequestResource | undefined;
}

/** How to evaluate. */
export interface EvaluateOptions {
  /**
   * Whose behaviour to reproduce (one per vendor family; `Profile.dialect` names it).
   * @default "aws"
   */
  readonly dialect?: Dialect | undefined;
  /**
   * Whether the bucket (container) exists.
   * @default true
   */
  readonly bucketExists?: boolean | undefined;
}

/** What the server answers, as far as CORS is concerned. */
export interface Evaluation {
  /** Status of an OPTIONS answer; `undefined` for other methods, whose status the operation decides. */
  status?: number;
  /** CORS headers the server sends (`access-control-*`, `vary`), names lower-case; absent when not sent. */
  headers: Record<string, string>;
  /** Index of the rule that allowed the request. */
  matchedRule?: number;
  /** Error code of a refused preflight, as the server spells it (`AccessForbidden`, `CORSResponse`...). */
  errorCode?: string;
  /** Error message of a refused preflight, exactly as the server sends it. */
  errorMessage?: string;
  /** Further elements of the error body (AWS: `Method`, `ResourceType`). */
  errorDetails?: Record<string, string>;
  /** Why: one line per step and per rule, e.g. `rules[0]: origin "https://evil.example" matches none of "https://app.example.com"`. */
  explanation: string[];
}

/** Compile-time proof that both shapes of the model can be evaluated as they are. */
export type ModelIsEvaluable = [CorsConfiguration, CorsConfigurationInput] extends [EvaluableConfig, EvaluableConfig] ? true : never;
/** @internal */
export const MODEL_IS_EVALUABLE: ModelIsEvaluable = true;
