import type { CorsRule } from "../model/schema";
import { describeTarget, type Target } from "../targets";
import type { ApplyOutcome } from "./apply";
import { describeRules, unreadableConfiguration } from "./describe";

/*
 * The one wording of `applyPolicy`'s refusals (a bucket holding rules this call may not
 * replace), with a small table of words per surface: the resource names its properties
 * (`onExisting: "adopt"`), the CLI its flags (`--on-existing adopt`), as cli/flags/flag-wording.ts
 * does for targets. Callers wrap the text in their own error.
 */

/** What one surface calls the user's policy and the ways out of a refusal. */
export interface RefusalWords {
  /** The user's policy, after "differs from". */
  readonly policy: string;
  /** How the user's policy is quoted beside the bucket's: "<policyHas> 1 rule (…)". */
  readonly policyHas: string;
  /** Said of a configuration nobody claimed (the resource knows it is this stack's job to manage it). */
  readonly unmanaged: string;
  /** Said of rules that differ and so cannot be adopted. */
  readonly notAdoptable: string;
  /** The fix for a configuration this package cannot read. */
  readonly unreadableFix: string;
  /** The fix for a configuration the caller does not own. */
  readonly foreignFix: string;
  /** The fix for a configuration that cannot be adopted because it differs. */
  readonly differentFix: string;
}

/**
 * The safe route for the common case behind a refusal: the document was edited after it was applied.
 * Named before adopt and overwrite, since overwrite would also replace someone else's change unseen;
 * --expect-current replaces only what this document's previous version put there, and is idempotent.
 */
const EDITED_FILE_ROUTE =
  "if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules";

/** The words of each surface. */
export const REFUSAL_WORDS = {
  /** The CorsPolicy resource: its properties. */
  resource: {
    policy: "your rules",
    policyHas: "your rules are",
    unmanaged: " that this stack does not manage",
    notAdoptable: "cannot be adopted as is",
    unreadableFix: 'set onExisting: "overwrite" to replace it with your rules',
    foreignFix: 'set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it',
    differentFix: 'make the rules match (bucket-cors get prints them) or set onExisting: "overwrite"',
  },
  /** `bucket-cors apply`: its flags. */
  cli: {
    policy: "the document",
    policyHas: "the document has",
    unmanaged: "",
    notAdoptable: "cannot be adopted",
    unreadableFix: "use --on-existing overwrite to replace it with the document",
    foreignFix: `${EDITED_FILE_ROUTE}; else use --on-existing adopt to accept it when it already matches the document, or --on-existing overwrite to replace whatever it holds`,
    differentFix: `run bucket-cors plan to see the differences; ${EDITED_FILE_ROUTE}; else use --on-existing overwrite`,
  },
} as const satisfies Record<string, RefusalWords>;

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
