import type { Backend } from "./types";
import { getProfile } from "../profiles";
import type { Target } from "../targets";

/**
 * The backend that speaks a target's API (the profile table says which). Each is required on
 * first use, not imported: the S3 one loads the AWS SDK (about half of the provider's load
 * time, issue 21, item 5), which check and diff, and every Swift target, never need.
 */
export function backendFor(target: Target): Backend {
  const kind = getProfile(target.profile).backend.value;
  return kind === "swift"
    ? (require("./swift/backend") as typeof import("./swift/backend")).swiftBackend
    : (require("./s3/backend") as typeof import("./s3/backend")).s3Backend;
}
