import { DEFAULT_DEADLINES, type Deadlines } from "../backends/with-deadlines";
import type { PolicyInputs } from "./types";

/** A resource's `timeouts` (seconds) as {@link Deadlines}; what is not given keeps its default. */
export function deadlinesOf(timeouts: PolicyInputs["timeouts"]): Deadlines {
  return {
    operationMs: timeouts?.operationSeconds === undefined ? DEFAULT_DEADLINES.operationMs : timeouts.operationSeconds * 1000,
    probeMs: timeouts?.probeSeconds === undefined ? DEFAULT_DEADLINES.probeMs : timeouts.probeSeconds * 1000,
  };
}
