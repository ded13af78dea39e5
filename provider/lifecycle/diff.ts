import { locateBucket } from "../backends/locate";
import { knownLocationOf, resourceIdOf, type Target } from "../targets";
import { sameRules, stableJson } from "../operations";
import { deadlinesOf } from "./deadlines";
import type { PolicyInputs, PolicyOutputs } from "./types";
import { containsUnknown } from "./unknown";

/** What `diff` tells the engine (the host forwards only these fields). */
export interface DiffOutcome {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
}

/**
 * A replace deletes the old configuration first. A bucket holds one CORS configuration: created
 * first, the new resource would overwrite (or refuse) the old one's configuration and the old
 * one's delete would then empty the bucket. Deleted first, the bucket ends with the new rules
 * whichever bucket the new target names.
 */
function replaceTarget(): DiffOutcome {
  return { changes: true, replaces: ["target"], deleteBeforeReplace: true };
}

/**
 * Compares old outputs with new checked inputs. Rules are compared semantically
 * (order of origins, method case and server ID rewrites are no change); a target
 * naming another bucket is a replace (delete first), another spelling of the same bucket an update;
 * an unknown value (preview) may be a change, and an unknown target may name another bucket.
 */
export async function diffPolicy(olds: Partial<PolicyOutputs>, news: PolicyInputs): Promise<DiffOutcome> {
  if (containsUnknown(news.target) || olds.target === undefined) return replaceTarget();
  if (!(await sameBucket(olds.target, olds.location, news.target, news.timeouts))) return replaceTarget();
  const changed =
    // An update that may have reached the bucket failed: whatever the program says now must be written (lifecycle/unconfirmed.ts).
    olds.unconfirmed !== undefined ||
    stableJson(olds.target) !== stableJson(news.target) ||
    containsUnknown(news.rules) ||
    !sameRules(olds.rules ?? [], news.rules) ||
    (olds.onExisting ?? "fail") !== news.onExisting ||
    olds.propagationTimeoutSeconds !== news.propagationTimeoutSeconds ||
    stableJson(olds.timeouts) !== stableJson(news.timeouts) ||
    stableJson(olds.swift) !== stableJson(news.swift) ||
    stableJson(olds.expect) !== stableJson(news.expect) ||
    stableJson(olds.verify ?? "read") !== stableJson(news.verify);
  return { changes: changed, replaces: [], deleteBeforeReplace: false };
}

/**
 * Whether two targets name one bucket. The old location is the one recorded when the
 * policy was applied (`location`), else what its target says. When either side can only be
 * known by logging in (a Swift target without its storage URL), the login answers; a login
 * that fails leaves them different, which is safe: a replace deletes first.
 */
async function sameBucket(oldTarget: Target, recorded: string | undefined, newTarget: Target, timeouts: PolicyInputs["timeouts"]): Promise<boolean> {
  const before = recorded ?? knownLocationOf(oldTarget);
  const after = knownLocationOf(newTarget);
  if (before !== undefined && after !== undefined) return before === after;
  if (before === undefined && after === undefined && resourceIdOf(oldTarget) === resourceIdOf(newTarget)) return true;
  if (oldTarget.bucket !== newTarget.bucket || oldTarget.profile !== newTarget.profile) return false;
  try {
    const deadlineMs = deadlinesOf(timeouts).operationMs;
    return (before ?? (await locateBucket(oldTarget, { deadlineMs }))) === (after ?? (await locateBucket(newTarget, { deadlineMs })));
  } catch {
    return false;
  }
}
