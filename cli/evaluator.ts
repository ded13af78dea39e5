import { preflightHeaders, type CorsRequest } from "../provider/evaluate";

/** A preflight for `method` from `origin` asking for `headers`, as the evaluator takes it. */
export function preflightRequest(origin: string, method: string, headers: readonly string[]): CorsRequest {
  return { method: "OPTIONS", headers: preflightHeaders(origin, method, headers), resource: "object" };
}
