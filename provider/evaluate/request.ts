import type { CorsRequest, RequestResource } from "./types";

/** The parts of a request CORS evaluation looks at, read once. */
export interface RequestView {
  /** The method, upper-cased (HTTP clients send standard methods upper-case; fetch normalizes `get`). */
  readonly method: string;
  readonly isPreflight: boolean;
  /** `Origin`, `undefined` when the header is absent. */
  readonly origin: string | undefined;
  /** `Access-Control-Request-Method`, as sent (not upper-cased: servers differ on its case). */
  readonly requestMethod: string | undefined;
  /** `Access-Control-Request-Headers`, the raw list. */
  readonly requestHeaders: string | undefined;
  /** Whether an `Authorization` header is present (Ceph RGW answers `*` only to anonymous requests). */
  readonly authorized: boolean;
  readonly resource: RequestResource;
}

/** Reads a request; header names are matched case-insensitively (RFC 9110 §5.1). */
export function viewRequest(request: CorsRequest): RequestView {
  const method = request.method.toUpperCase();
  return {
    method,
    isPreflight: method === "OPTIONS",
    origin: header(request.headers, "origin"),
    requestMethod: header(request.headers, "access-control-request-method"),
    requestHeaders: header(request.headers, "access-control-request-headers"),
    authorized: header(request.headers, "authorization") !== undefined,
    resource: request.resource ?? "object",
  };
}

/** The value of header `name` (lower-case), whatever case the caller wrote it in. */
export function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** Most servers treat an empty header like a missing one (s3rver `ctx.get`, Swift `if not value`, LocalStack's AWS model). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
