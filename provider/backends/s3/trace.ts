import type { S3Client } from "@aws-sdk/client-s3";
import { transportSettings, traceFailure, traceRequest, traceResponse } from "../http/transport";

/** The parts of the SDK's HttpRequest and HttpResponse (@smithy/protocol-http) a trace shows. */
interface WireRequest {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query: Record<string, string | string[] | null>;
  readonly headers: Record<string, string>;
}
interface WireResponse {
  readonly statusCode: number;
  readonly reason?: string;
  readonly headers: Record<string, string>;
}

/**
 * Adds the `--debug` trace to a client: innermost in the deserialize step, so it sees each
 * attempt's signed request and the raw answer before the SDK turns an error status into an
 * exception (retries show as repeated pairs). Nothing is added when tracing is off.
 */
export function addTrace(client: S3Client): void {
  if (transportSettings().trace === undefined) return;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as WireRequest;
      traceRequest(request.method, urlOf(request), request.headers);
      try {
        const result = await next(args);
        const response = result.response as WireResponse;
        traceResponse(response.statusCode, response.reason ?? "", response.headers);
        return result;
      } catch (error) {
        traceFailure(error);
        throw error;
      }
    },
    { step: "deserialize", name: "bucketCorsTrace", priority: "low" },
  );
}

function urlOf(request: WireRequest): string {
  const query = Object.entries(request.query)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => (v === null ? key : `${key}=${v}`)))
    .join("&");
  const port = request.port === undefined ? "" : `:${request.port}`;
  return `${request.protocol}//${request.hostname}${port}${request.path}${query === "" ? "" : `?${query}`}`;
}
