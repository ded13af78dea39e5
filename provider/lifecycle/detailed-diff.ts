import type { CorsRule } from "../model/schema";
import { diffRules, sameRules, type RuleChange } from "../operations";

/*
 * The engine's detailed diff: which input properties change, by path, so `preview --diff` shows
 * what `diff` decided rather than its own element-by-element comparison of old and new inputs
 * (pulumi/pulumi proto/pulumi/provider.proto, DiffResponse.detailedDiff; paths as
 * sdk/go/common/resource/property_path.go parses them). A rule added in front is one `+`, not a
 * `~` on every later rule; a reordered origin list is no change at all. The plugin sends it; the
 * dynamic provider interface has no field for it.
 */

/** One input property path that changes, and how (a replace only on `target`). */
export interface PropertyChange {
  readonly path: string;
  readonly kind: "add" | "delete" | "update" | "update-replace";
}

/** The whole target is replaced (another bucket, or one not known at preview). */
export const TARGET_REPLACED: readonly PropertyChange[] = [{ path: "target", kind: "update-replace" }];

/**
 * A changed top-level property as one path: added when it was unset, deleted when it is unset
 * now. `before`/`after` are undefined when unset.
 */
export function propertyChange(path: string, before: unknown, after: unknown): PropertyChange {
  return { path, kind: before === undefined ? "add" : after === undefined ? "delete" : "update" };
}

/**
 * Rule-by-rule paths from the old rules to the new, both normalized (normalization keeps rule
 * order, so an index is the same in the rules as written): an added rule `rules[i]`, a removed
 * one at its old index, an edited rule's fields `rules[i].field`, a moved rule or one edited in
 * another position as a whole `rules[i]`. Never empty when the lists differ.
 */
export function ruleChanges(olds: readonly CorsRule[], news: readonly CorsRule[]): PropertyChange[] {
  // diff runs for every resource at every preview: the rule-by-rule pairing (quadratic) only when something changed.
  if (sameRules(olds, news)) return [];
  const paths = diffRules(olds, news).flatMap(pathsOf);
  return paths.length > 0 ? paths : [{ path: "rules", kind: "update" }];
}

function pathsOf(change: RuleChange): PropertyChange[] {
  switch (change.change) {
    case "added":
      return [{ path: `rules[${change.rule}]`, kind: "add" }];
    case "removed":
      return [{ path: `rules[${change.liveRule}]`, kind: "delete" }];
    case "moved":
      return [{ path: `rules[${change.rule}]`, kind: "update" }];
    case "changed":
      if (change.rule !== change.liveRule) return [{ path: `rules[${change.rule}]`, kind: "update" }];
      return change.fields.map((f) => propertyChange(`rules[${change.rule}].${f.field}`, f.live ?? undefined, f.desired ?? undefined));
  }
}
