import { MAX_DOCUMENT_BYTES } from "../formats/limits";

/**
 * Overall deadlines, start to end of everything an operation sends (login, retries
 * and back-offs included), not idle timeouts: a server that drips a byte every
 * second would hold an idle timeout forever. Exported so a per-resource option
 * can default to them.
 */
export const DEFAULT_DEADLINES_MS = {
  /** A read, write or removal of a configuration (the SDK's 5 attempts back off up to ~15 s). */
  operation: 60_000,
  /** One live request sent as a browser would (a preflight, or the request that follows it). */
  probe: 10_000,
} as const;

/**
 * Most bytes of an answer's body read: the largest document this package accepts,
 * plus room for the XML an S3 service wraps around rules it echoes (namespace,
 * declaration, pretty-printing). Anything larger is refused before it is buffered.
 */
export const MAX_RESPONSE_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;

/** Per-call options every backend method takes. */
export interface CallOptions {
  /** Overall deadline of the call in milliseconds. @default DEFAULT_DEADLINES_MS.operation (probe for `preflight`) */
  readonly deadlineMs?: number;
}

/** A signal that aborts when the deadline passes, and the deadline for messages. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly ms: number;
}

export function deadline(ms: number): Deadline {
  return { signal: AbortSignal.timeout(ms), ms };
}

/** How a deadline reads in a message: "60 s", or "0.5 s". */
export function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
