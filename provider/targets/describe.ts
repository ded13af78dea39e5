import { BACKEND_TRAITS, getProfile } from "../profiles";
import type { Target } from "./types";

/** How messages name a target: `Cloudflare R2 bucket "assets"`, `OpenStack Swift container "media"`. */
export function describeTarget(target: Target): string {
  const profile = getProfile(target.profile);
  return `${profile.title} ${BACKEND_TRAITS[profile.backend.value].noun} "${target.bucket}"`;
}
