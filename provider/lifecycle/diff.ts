import { locationOf } from "../targets";
import { sameRules, stableJson } from "../operations";
import { containsUnknown, type PolicyInputs, type PolicyOutputs } from "./types";

/** What `diff` tells the engine (the host forwards only these fields). */
export interface DiffOutcome {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
}

/**
 * A replace deletes the old configuration first. A bucket holds one CORS configuration, and two
 * spellings of one bucket cannot always be told apart here (`locationOf` knows AWS's endpoints and
 * the loopback names, not a Swift storage URL written out, which only a login reveals): created first, the new resource would overwrite (or refuse) the old
 * one's configuration and the old one's delete would then empty the bucket. Deleted first, the
 * bucket ends with the new rules whichever bucket the new target names.
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
export function diffInputs(olds: Partial<PolicyOutputs>, news: PolicyInputs): DiffOutcome {
  const none = { changes: false, replaces: [], deleteBeforeReplace: false };
  if (containsUnknown(news.target)) return replaceTarget();
  const oldTarget = olds.target;
  if (oldTarget === undefined || locationOf(oldTarget) !== locationOf(news.target)) {
    return replaceTarget();
  }
  const changed =
    stableJson(oldTarget) !== stableJson(news.target) ||
    containsUnknown(news.rules) ||
    !sameRules(olds.rules ?? [], news.rules) ||
    (olds.onExisting ?? "fail") !== news.onExisting ||
    olds.propagationTimeoutSeconds !== news.propagationTimeoutSeconds ||
    stableJson(olds.swift) !== stableJson(news.swift) ||
    stableJson(olds.expect) !== stableJson(news.expect) ||
    (olds.verify ?? "read") !== news.verify;
  return { ...none, changes: changed };
}
