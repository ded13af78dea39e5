/*
 * What each surface calls the user's policy and the ways out of a refusal or of a write that
 * failed to confirm: the resource names its properties (`onExisting: "adopt"`,
 * `propagationTimeoutSeconds`), the CLI its flags (`--on-existing adopt`, `--timeout`), as
 * cli/flags/flag-wording.ts does for targets. Used by operations/refusal.ts and operations/write.ts.
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
  /** The fix for a change the service did not serve in time (a confirmation that timed out). */
  readonly slowFix: string;
  /** How to converge once a failed confirmation left the bucket in doubt. */
  readonly converge: string;
  /** How to converge after a write that may or may not have landed. */
  readonly rerun: string;
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
    slowFix: "if the service is slow to propagate, raise propagationTimeoutSeconds",
    // A create or update that may have landed is recorded in the stack as unconfirmed (lifecycle/unconfirmed.ts), a failed delete stays there.
    converge: "check it with bucket-cors get; the stack keeps this resource, so pulumi refresh reads what the bucket holds and pulumi up writes your rules",
    rerun: "run the same pulumi up (or bucket-cors apply) again",
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
    slowFix: "if the service is slow to propagate, raise --timeout",
    converge:
      "check it with bucket-cors get, then run the same command again (apply takes over rules that already match the document; --on-existing overwrite replaces whatever is there)",
    rerun: "run the same bucket-cors command again",
  },
} as const satisfies Record<string, RefusalWords>;
