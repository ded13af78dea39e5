import type { CorsRule } from "../model/schema";
import type { Target } from "../targets";
import type { Expectation } from "./expectations";

/** What to do when `create` finds a CORS configuration this stack does not manage yet. */
export const ON_EXISTING = ["fail", "adopt", "overwrite"] as const;

/** One of {@link ON_EXISTING}. */
export type OnExisting = (typeof ON_EXISTING)[number];

/** What `create`/`update` check after writing: nothing, a read-back, or real preflights for every `expect` entry. */
export const VERIFY_MODES = ["none", "read", "preflight"] as const;

/** One of {@link VERIFY_MODES}. */
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** Checked inputs: what `check` returns and every later call receives (normalized). */
export interface PolicyInputs {
  readonly target: Target;
  readonly rules: CorsRule[];
  readonly onExisting: OnExisting;
  readonly propagationTimeoutSeconds?: number;
  /** Swift targets: whether a wider policy than written was accepted (the rules are already widened). */
  readonly swift?: { readonly allowWidening: boolean };
  /** Expectations checked at preview against the rules, and live after apply with `verify: "preflight"`. */
  readonly expect?: Expectation[];
  /** What is checked after writing. */
  readonly verify: VerifyMode;
}

/** Outputs: the checked inputs (the host hands old outputs to `diff`) plus what was applied. */
export interface PolicyOutputs extends PolicyInputs {
  /** Stable id naming the bucket, e.g. `r2:acct/assets`. */
  readonly resourceId: string;
  /** `sha256:` + 16 hex digits of the normalized rules that were applied. */
  readonly fingerprint: string;
}

/** The string Pulumi sends for a value not known yet (preview); docs/provider-host.md, "Unknowns and preview". */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is, or contains, the unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
