import { BackendError } from "../../provider/errors";
import { notImplementedHint } from "../../provider/backends/s3/capability";

/**
 * What to do about an endpoint that cannot do a CORS call at all, in the CLI's words: a
 * `NotImplemented` answer's advice names `--service swift` where the provider's names
 * `profile: "swift"` (provider/backends/s3/capability.ts). Undefined for any other failure,
 * and for `MethodNotAllowed`, whose advice names no SDK property.
 */
export function capabilityHint(error: unknown): string | undefined {
  if (!(error instanceof BackendError) || error.serviceCode !== "NotImplemented") return undefined;
  return notImplementedHint(error.operation, "--service swift");
}
