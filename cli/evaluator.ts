import type { CorsRequest } from "../provider/evaluate";

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
