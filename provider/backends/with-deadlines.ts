import { DEFAULT_DEADLINES_MS, type CallOptions } from "./limits";
import type { Backend } from "./types";

/** The overall deadlines of one resource's (or one command's) calls, in milliseconds. */
export interface Deadlines {
  /** Each read, write or removal of the configuration. */
  readonly operationMs: number;
  /** Each request sent as a browser would (verification). */
  readonly probeMs: number;
}

/** The deadlines when none are given: {@link DEFAULT_DEADLINES_MS}. */
export const DEFAULT_DEADLINES: Deadlines = { operationMs: DEFAULT_DEADLINES_MS.operation, probeMs: DEFAULT_DEADLINES_MS.probe };

/**
 * `backend` with these deadlines for every call that does not name its own: how a
 * resource's `timeouts` reach every request the operations layer makes for it.
 */
export function withDeadlines(backend: Backend, deadlines: Deadlines): Backend {
  const operation = (options?: CallOptions): CallOptions => ({ deadlineMs: options?.deadlineMs ?? deadlines.operationMs });
  return {
    get: (target, options) => backend.get(target, operation(options)),
    put: (target, config, options) => backend.put(target, config, operation(options)),
    delete: (target, options) => backend.delete(target, operation(options)),
    preflight: (target, request, options) => backend.preflight(target, request, { deadlineMs: options?.deadlineMs ?? deadlines.probeMs }),
  };
}
