import type { CorsRequest, EvaluableConfig, EvaluateOptions, Evaluation } from "../provider/evaluate/types";
import type { Issue } from "../provider/model/issue";
import type { CorsConfiguration } from "../provider/model/schema";
import type { ProfileName } from "../provider/profiles";

/** The evaluator module's surface the CLI uses (`provider/evaluate`, design.md §8). */
export interface Evaluator {
  evaluate(config: EvaluableConfig, request: CorsRequest, options?: EvaluateOptions): Evaluation;
  lintPolicy?(config: CorsConfiguration, options: { readonly profile: ProfileName }): Issue[];
}

/**
 * The evaluator, or `undefined` in a build without it. Loaded lazily so that
 * commands that do not evaluate never pay for loading it.
 */
export function loadEvaluator(): Evaluator | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("../provider/evaluate") as Evaluator;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "MODULE_NOT_FOUND" && e.message.includes("provider/evaluate")) return undefined;
    throw error;
  }
}

/** A preflight for `method` from `origin` asking for `headers`, as the evaluator takes it. */
export function preflightRequest(origin: string, method: string, headers: readonly string[]): CorsRequest {
  const out: Record<string, string> = { Origin: origin, "Access-Control-Request-Method": method };
  if (headers.length > 0) out["Access-Control-Request-Headers"] = headers.join(", ");
  return { method: "OPTIONS", headers: out, resource: "object" };
}

/** True when an evaluation (or a real answer) allowed the preflight: 2xx and an Access-Control-Allow-Origin header. */
export function isAllowed(status: number | undefined, headers: Readonly<Record<string, string>>): boolean {
  return status !== undefined && status >= 200 && status < 300 && headers["access-control-allow-origin"] !== undefined;
}
