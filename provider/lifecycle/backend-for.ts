import { s3Backend } from "../backends/s3";
import type { Backend } from "../backends/types";
import { getProfile } from "../profiles";
import type { Target } from "../targets";

/** The backend that speaks a target's API (the profile table says which). */
export function backendFor(target: Target): Backend {
  const kind = getProfile(target.profile).backend.value;
  if (kind === "s3") return s3Backend;
  throw new Error(`target.profile: ${JSON.stringify(target.profile)} needs the Swift backend, which this version does not include yet — use an S3-compatible profile`);
}
