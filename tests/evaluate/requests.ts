import type { CorsRequest } from "../../provider/evaluate";

/** A preflight; `undefined` leaves a header out. */
export function preflight(origin: string | undefined, method: string | undefined, headers?: string, resource?: "object" | "bucket"): CorsRequest {
  const h: Record<string, string> = {};
  if (origin !== undefined) h["Origin"] = origin;
  if (method !== undefined) h["Access-Control-Request-Method"] = method;
  if (headers !== undefined) h["Access-Control-Request-Headers"] = headers;
  return resource === undefined ? { method: "OPTIONS", headers: h } : { method: "OPTIONS", headers: h, resource };
}

/** A non-OPTIONS request with the given headers. */
export function actual(method: string, headers: Record<string, string> = {}): CorsRequest {
  return { method, headers };
}

/** `Vary` AWS, cloudserver and s3rver send on every match. */
export const AWS_VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

export const NOT_ALLOWED =
  "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";
