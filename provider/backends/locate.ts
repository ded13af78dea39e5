import { getProfile } from "../profiles";
import { knownLocationOf, locationOf, type Target } from "../targets";
import { DEFAULT_DEADLINES_MS, deadline, type CallOptions } from "./limits";
import { swiftSession } from "./swift/auth";

/**
 * Where the bucket a target names really is (`locationOf`'s form), asking the service's
 * login when the target alone cannot say: a Swift target without its storage URL is the
 * container under the storage URL the login returns (TempAuth's `X-Storage-Url`, the
 * Keystone catalog's object-store endpoint). So `{ container }` and `{ container, endpoint:
 * <that storage URL> }`, or a vstorage target with and without `projectId`, are one
 * container: an update, never a replace. Throws `BackendError` when the login fails.
 */
export async function locateBucket(target: Target, options?: CallOptions): Promise<string> {
  const known = knownLocationOf(target);
  if (known !== undefined) return known;
  if (getProfile(target.profile).backend.value !== "swift") return locationOf(target);
  const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation);
  const session = await swiftSession(undefined, getProfile(target.profile).title, target.bucket, { limit });
  return locationOf({ ...target, endpoint: session.storageUrl });
}
