import { locateBucket } from "../backends/locate";
import { knownLocationOf, resourceIdOf, type Target } from "../targets";
import { stableJson } from "../operations";
import { deadlinesOf } from "./deadlines";
import { propertyChange, ruleChanges, TARGET_REPLACED, type PropertyChange } from "./detailed-diff";
import type { PolicyInputs, PolicyOutputs } from "./types";
import { containsUnknown } from "./unknown";

/** What `diff` tells the engine: the dynamic host forwards the first three; the plugin sends `detail` too. */
export interface DiffOutcome {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
  /** The input paths that change (detailed-diff.ts); empty when nothing does. */
  readonly detail: readonly PropertyChange[];
}

/**
 * A replace deletes the old configuration first. A bucket holds one CORS configuration: created
 * first, the new resource would overwrite (or refuse) the old one's configuration and the old
 * one's delete would then empty the bucket. Deleted first, the bucket ends with the new rules
 * whichever bucket the new target names.
 */
function replaceTarget(): DiffOutcome {
  return { changes: true, replaces: ["target"], deleteBeforeReplace: true, detail: TARGET_REPLACED };
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
  const detail = [
    ...(stableJson(olds.target) === stableJson(news.target) ? [] : [propertyChange("target", olds.target, news.target)]),
    ...rulesChange(olds, news),
    ...changedSettings(olds, news),
  ];
  return { changes: detail.length > 0, replaces: [], deleteBeforeReplace: false, detail };
}

/**
 * The rules' paths. An update that may have reached the bucket failed: whatever the program
 * says now must be written (lifecycle/unconfirmed.ts), so the rules change even when equal.
 */
function rulesChange(olds: Partial<PolicyOutputs>, news: PolicyInputs): PropertyChange[] {
  if (containsUnknown(news.rules)) return [{ path: "rules", kind: "update" }];
  const paths = ruleChanges(olds.rules ?? [], news.rules);
  return paths.length === 0 && olds.unconfirmed !== undefined ? [{ path: "rules", kind: "update" }] : paths;
}

/** The other inputs, each compared whole (`verify` defaults to "read", `onExisting` to "fail"). */
function changedSettings(olds: Partial<PolicyOutputs>, news: PolicyInputs): PropertyChange[] {
  const settings: [string, unknown, unknown][] = [
    ["onExisting", olds.onExisting ?? "fail", news.onExisting],
    ["propagationTimeoutSeconds", olds.propagationTimeoutSeconds, news.propagationTimeoutSeconds],
    ["timeouts", olds.timeouts, news.timeouts],
    ["swift", olds.swift, news.swift],
    ["expect", olds.expect, news.expect],
    ["verify", olds.verify ?? "read", news.verify],
  ];
  return settings.filter(([, before, after]) => stableJson(before) !== stableJson(after)).map(([path, before, after]) => propertyChange(path, before, after));
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
