import type { Readable } from "node:stream";
import { BodyTooLarge } from "./failure";
import { MAX_RESPONSE_BYTES } from "./limits";

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

/** The same for a fetch `Response`: the body as text, read under the cap. */
export async function readResponseCapped(response: Response, cap: number = MAX_RESPONSE_BYTES): Promise<string> {
  const length = response.headers.get("content-length");
  if (length !== null && Number(length) > cap) {
    await response.body?.cancel();
    throw new BodyTooLarge(response.status);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const read: unknown = await reader.read();
    const { done, value } = read as { done: boolean; value: Uint8Array };
    if (done) break;
    size += value.length;
    if (size > cap) {
      await reader.cancel();
      throw new BodyTooLarge(response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Lets go of a body this package does not read, so the connection is freed without buffering it. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
