/*
 * The operations layer: what the provider's lifecycle and the CLI both do to a
 * bucket, given a Backend. Callers translate their inputs and word the
 * outcome; the decisions (adopt, refuse, overwrite, confirm, roll back) are
 * made here only.
 */
export { applyPolicy, type ApplyOptions, type ApplyOutcome, type Refusal } from "./apply";
export { removePolicy, type RemoveOutcome } from "./remove";
export { planPolicy, type PlanOutcome } from "./plan";
export { diffRules, type FieldChange, type RuleChange } from "./rule-changes";
export { disagreement, verifyPolicy, type ProbeOutcome, type VerifyResult } from "./verify";
export { readBack, type Confirmation } from "./write";
export { propagationTimeout } from "./propagation";
export { describeLive, describeRules, unreadableConfiguration } from "./describe";
export { fingerprintOf, sameRules, stableJson } from "./compare";
