import type { CorsRule } from "../model/schema";
import { describeTarget, type Target } from "../targets";
import type { ApplyOutcome } from "./apply";
import { describeRules, unreadableConfiguration } from "./describe";
import type { RefusalWords } from "./words";

/*
 * The one wording of `applyPolicy`'s refusals (a bucket holding rules this call may not
 * replace), in the words of the caller's surface (operations/words.ts). Callers wrap the text
 * in their own error.
 */

/**
 * Why nothing was written onto `target`, in `words`; `desired` is the policy the caller wanted
 * written. `changed` (only with `expectCurrent`, whose flag the CLI words itself) reads as `different`.
 */
export function refusalMessage(target: Target, outcome: Extract<ApplyOutcome, { kind: "refused" }>, desired: readonly CorsRule[], words: RefusalWords): string {
  const where = describeTarget(target);
  const { previous } = outcome;
  if (previous.kind === "unreadable") return `${where} has ${unreadableConfiguration(previous.raw)}; nothing was changed — ${words.unreadableFix}`;
  const live = previous.kind === "config" ? describeRules(previous.config.rules) : "";
  if (outcome.reason === "foreign") {
    return `${where} already has a CORS configuration${words.unmanaged}: ${live}; nothing was changed — ${words.foreignFix}`;
  }
  return `${where} has a CORS configuration that differs from ${words.policy}, so it ${words.notAdoptable}: it has ${live}, ${words.policyHas} ${describeRules(desired)}; nothing was changed — ${words.differentFix}`;
}
