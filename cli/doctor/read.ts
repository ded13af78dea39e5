import { BackendError } from "../../provider/errors";
import { unreadableConfiguration } from "../../provider/operations/describe";
import type { CorsConfiguration } from "../../provider/model/schema";
import type { Target } from "../../provider/targets";
import { backendOf } from "../backend";
import { capabilityHint } from "../output/capability-hint";
import { credentialHint, withCliHint } from "../output/credential-hint";

/**
 * Service codes that say "this endpoint, or these keys, cannot read CORS" rather than "the call
 * failed": doctor reports them as what the endpoint supports (issue 22, item 3) instead of failing.
 */
const REFUSALS = ["NotImplemented", "MethodNotAllowed", "AccessDenied"];

/** What step (1) of `doctor` found: GetBucketCors on S3, a HEAD of the container's metadata on Swift. */
export type DoctorRead =
  | { readonly kind: "rules"; readonly config: CorsConfiguration }
  | { readonly kind: "none" }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Reads the live configuration once. A refusal in {@link REFUSALS} is a finding, worded as every
 * other command words it (the CLI's credential and capability hints in place of the provider's
 * advice; a 405 keeps the provider's, which names no SDK property). A missing bucket and any other
 * failure (network, deadline, a refused login) throw: there is nothing to probe.
 */
export async function readForDoctor(target: Target): Promise<DoctorRead> {
  let read;
  try {
    read = await (await backendOf(target)).get(target);
  } catch (error) {
    if (!(error instanceof BackendError) || !REFUSALS.includes(error.serviceCode)) throw error;
    const hint = credentialHint(error, target) ?? capabilityHint(error);
    return { kind: "refused", reason: hint === undefined ? error.message : withCliHint(error, error.message, hint) };
  }
  if (read.kind === "no-bucket") throw read.error;
  if (read.kind === "none") return { kind: "none" };
  if (read.kind === "unreadable") return { kind: "unreadable", reason: `it has ${unreadableConfiguration(read.raw)}` };
  return { kind: "rules", config: read.config };
}
