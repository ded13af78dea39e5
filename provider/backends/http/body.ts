import type { Readable } from "node:stream";
import { BodyTooLarge } from "../failure";
import { MAX_RESPONSE_BYTES } from "../limits";

/**
 * Reads a Node stream to its end, refusing (and destroying the stream) as soon as
 * it passes `cap` bytes, or at once when Content-Length already says so. Never
 * holds more than `cap` bytes.
 */
export async function readStreamCapped(
  stream: Readable,
  status: number | undefined,
  contentLength: string | undefined,
  cap: number = MAX_RESPONSE_BYTES,
): Promise<Buffer> {
  if (contentLength !== undefined && Number(contentLength) > cap) {
    stream.destroy();
    throw new BodyTooLarge(status);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > cap) {
      stream.destroy();
      throw new BodyTooLarge(status);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
