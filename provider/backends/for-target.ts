import { s3Backend } from "./s3";
import { swiftBackend } from "./swift";
import type { Backend } from "./types";
import { getProfile } from "../profiles";
import type { Target } from "../targets";

/** The backend that speaks a target's API (the profile table says which). */
export function backendFor(target: Target): Backend {
  const kind = getProfile(target.profile).backend.value;
  return kind === "swift" ? swiftBackend : s3Backend;
}
