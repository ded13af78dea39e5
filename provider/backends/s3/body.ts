import { Readable } from "node:stream";
// Types only: @smithy/types comes with @aws-sdk/client-s3, whose commands' middleware stacks it describes.
import type { DeserializeMiddleware, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { readStreamCapped } from "../http/body";

/** An answer's status, content type and body text, as the service sent it (before the SDK parses it). */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
}

/** The parts of the SDK's raw HTTP response this middleware reads and replaces. */
interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/**
 * Caps the body of every answer to the command before the SDK buffers it: the
 * middleware sits right after the SDK's deserializer (so it sees the raw response
 * first), reads the body under the cap (backends/http/body.ts) and hands the SDK the
 * bytes read. The SDK has no body-size option of its own; its Node handler's
 * `requestTimeout` is an idle timeout, hence also the per-call abort signal.
 * `onAnswer` sees what the service sent, for checks the parsed output cannot make.
 */
export function capBody<I extends object, O extends MetadataBearer>(
  command: { readonly middlewareStack: MiddlewareStack<I, O> },
  onAnswer?: (answer: RawAnswer) => void,
): void {
  const middleware: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse;
    if (response.body instanceof Readable) {
      const bytes = await readStreamCapped(response.body, response.statusCode, response.headers["content-length"]);
      response.body = Readable.from([bytes]);
      onAnswer?.({ status: response.statusCode, contentType: response.headers["content-type"], text: bytes.toString("utf8") });
    }
    return result;
  };
  command.middlewareStack.addRelativeTo(middleware, { relation: "after", toMiddleware: "deserializerMiddleware", name: "bucketCorsCapBody", override: true });
}
