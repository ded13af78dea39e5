import { backendFor } from "../backends/for-target";
import { locateBucket } from "../backends/locate";
import { startBudget, withBudget, type BudgetRun } from "../backends/budget";
import { withDeadlines } from "../backends/with-deadlines";
import { budgetOf, deadlinesOf } from "./deadlines";
import type { Backend, LiveConfig } from "../backends/types";
import { CorsPolicyError } from "../errors";
import {
  applyPolicy,
  describeLive,
  describeRules,
  disagreement,
  fingerprintOf,
  propagationTimeout,
  removePolicy,
  sameRules,
  stableJson,
  verifyPolicy,
  type ApplyOutcome,
  type Confirmation,
} from "../operations";
import { refusalMessage } from "../operations/refusal";
import { REFUSAL_WORDS } from "../operations/words";
import { checkFrontUntil, frontDisagreement } from "../operations/front";
import { verifyModeOf } from "../operations/options";
import { describeTarget, knownLocationOf, resourceIdOf, type Target } from "../targets";
import type { PolicyInputs, PolicyOutputs } from "./types";
import { unconfirmedCreate, unconfirmedUpdate } from "./unconfirmed";

/*
 * The engine's create, read, update and delete of a CorsPolicy: each calls the operations
 * layer (`applyPolicy`, `verifyPolicy`, `removePolicy`, ../operations/) and words what it
 * answers in the resource's terms. Named for what it is beside ../operations/ (issue 21, item 2).
 */

/**
 * Creates the policy (`applyPolicy` with no claim on the bucket). A bucket that
 * already has other rules is refused unless `onExisting` says otherwise: `adopt`
 * takes over rules that already mean the same, `overwrite` replaces them. Rules
 * that already mean the same (e.g. a create whose write landed but was reported
 * failed) are taken over without writing. A failure after a write that may have
 * reached the bucket is a partial failure (`unconfirmedCreate`): the engine records
 * the policy as unconfirmed. On any other failure the bucket is left as it was.
 */
export async function createPolicy(inputs: PolicyInputs): Promise<{ id: string; outs: PolicyOutputs }> {
  const { target } = inputs;
  const run = startBudget(budgetOf("create", inputs));
  const id = resourceIdOf(target);
  const outcome = await applyPolicy(
    backendOf(inputs, run),
    target,
    { rules: inputs.rules },
    { owned: false, onExisting: inputs.onExisting, confirm: confirmation(inputs) },
  ).catch((error: unknown) => {
    throw unconfirmedCreate(error, id, () => ({ ...outputsOf(inputs), unconfirmed: unconfirmedCreateText(inputs) }));
  });
  if (outcome.kind === "refused") throw refusal(target, outcome, inputs);
  if (outcome.kind === "adopted" || outcome.kind === "unchanged") tellNothingWritten(target, outcome.kind);
  return { id, outs: { ...outputsOf(inputs), ...(await locationOf(inputs, run)) } };
}

/**
 * What a create that may have landed records as `unconfirmed`. Not the rules the bucket held before: this
 * resource did not write them, so they are not `replacedRules`, and delete leaves them (with a warning).
 */
function unconfirmedCreateText(inputs: PolicyInputs): string {
  return `a create failed after a write that may have reached ${describeTarget(inputs.target)}: it holds ${describeRules(inputs.rules)}, or what it held before, as the failure says`;
}

const EXISTING = { code: "ExistingConfiguration" } as const;

/**
 * A create that took over rules already on the bucket shows as a plain `created` in the engine,
 * which reads as a write. The provider has no channel for a note but its own output: the engine
 * shows each line a plugin writes to stderr as an info diagnostic (pulumi/pulumi
 * sdk/go/common/resource/plugin/plugin.go, Infoerrf).
 */
function tellNothingWritten(target: Target, kind: "adopted" | "unchanged"): void {
  const how = kind === "adopted" ? 'taken over as it is (onExisting: "adopt")' : "kept as it is";
  process.stderr.write(`${describeTarget(target)} already held rules that mean the same as yours: ${how}, nothing was written\n`);
}

/** The refusal of a create, in the resource's words. */
function refusal(target: Target, outcome: Extract<ApplyOutcome, { kind: "refused" }>, inputs: PolicyInputs): CorsPolicyError {
  return new CorsPolicyError(refusalMessage(target, outcome, inputs.rules, REFUSAL_WORDS.resource), EXISTING);
}

/**
 * Updates the policy in place (same bucket, possibly spelled differently: the
 * resource keeps its id). Rules that mean the same are not rewritten.
 */
export async function updatePolicy(id: string, olds: PolicyOutputs, news: PolicyInputs): Promise<PolicyOutputs> {
  const run = startBudget(budgetOf("update", news));
  const backend = backendOf(news, run);
  // An unconfirmed earlier update may have left other rules on the bucket: write (applyPolicy reads first and skips a write of rules already there).
  if (!sameRules(olds.rules, news.rules) || olds.unconfirmed !== undefined) {
    try {
      await applyPolicy(backend, news.target, { rules: news.rules }, { owned: true, onExisting: news.onExisting, confirm: confirmation(news) });
    } catch (error) {
      throw unconfirmedUpdate(error, id, () => unconfirmedOutputs(id, olds, news));
    }
  } else if (
    verifyModeOf(news.verify) === "preflight" &&
    (stableJson(olds.verify) !== stableJson(news.verify) || stableJson(olds.expect) !== stableJson(news.expect))
  ) {
    // Same rules, new expectations (or verification newly asked for, or another front): check them live without writing.
    const timeout = propagationTimeout(news.target, news.propagationTimeoutSeconds);
    const result = await verifyPolicy(backend, news.target, news.expect ?? [], timeout);
    if (!result.agreed) throw new CorsPolicyError(disagreement(news.target, result, timeout), { code: "NotConfirmed" });
    if (typeof news.verify !== "string") {
      const front = await checkFrontUntil(backend, news.target, news.expect ?? [], news.verify, timeout);
      if (front.findings.length > 0) throw new CorsPolicyError(frontDisagreement(news.target, front, timeout), { code: "NotConfirmed" });
    }
  }
  return { ...outputsOf(news), resourceId: id, ...(await locationOf(news, run)) };
}

/**
 * The outputs an update records when its write may have reached the bucket: the new inputs, marked
 * `unconfirmed` with both rule sets the bucket may hold, and the rules it replaced (`replacedRules`)
 * for delete to know them as this resource's if the write never landed. `location` is the old one
 * (diff made sure the bucket is the same), so no login is needed after a failure.
 */
function unconfirmedOutputs(id: string, olds: PolicyOutputs, news: PolicyInputs): PolicyOutputs {
  const location = olds.location === undefined ? {} : { location: olds.location };
  const unconfirmed = `an update failed after a write that may have reached ${describeTarget(news.target)}: it holds ${describeRules(news.rules)}, or ${describeRules(olds.rules)} as before, or what the failure named`;
  return { ...outputsOf(news), resourceId: id, ...location, unconfirmed, replacedRules: replacedRulesOf(olds, news) };
}

/**
 * Every rule set this resource wrote that the bucket may hold instead of the new rules: the state's
 * rules, and those an earlier unconfirmed update had not settled yet (neither write may have landed).
 */
function replacedRulesOf(olds: PolicyOutputs, news: PolicyInputs): PolicyInputs["rules"][] {
  const earlier = olds.unconfirmed === undefined ? [] : (olds.replacedRules ?? []);
  const kept: PolicyInputs["rules"][] = [];
  for (const rules of [olds.rules, ...earlier]) {
    if (!sameRules(rules, news.rules) && !kept.some((other) => sameRules(other, rules))) kept.push(rules);
  }
  return kept;
}

/**
 * Removes the configuration this resource wrote (its rules, or after an unconfirmed update the rules that
 * update replaced); a missing configuration or bucket is success, another writer's rules are left in place.
 */
export async function deletePolicy(props: PolicyOutputs): Promise<void> {
  // The type says a target is always there; the state of a resource written by hand (pulumi state edit) may lack it.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (props.target === undefined) {
    throw new CorsPolicyError(
      "delete: the state has no target, so there is no bucket to remove the configuration from — remove the resource from the state with pulumi state delete <urn>",
      { code: "InvalidState" },
    );
  }
  const confirm: Confirmation = {
    mode: props.verify === "none" ? "none" : "read",
    timeoutSeconds: propagationTimeout(props.target, props.propagationTimeoutSeconds),
    expectations: [],
    words: REFUSAL_WORDS.resource,
  };
  // After an unconfirmed update the bucket may hold the rules it replaced: this resource wrote those too.
  const owned = [props.rules, ...(props.unconfirmed === undefined ? [] : (props.replacedRules ?? []))].map((rules) => ({ rules }));
  const outcome = await removePolicy(backendOf(props, startBudget(budgetOf("delete", props))), props.target, confirm, owned);
  if (outcome.kind === "kept") tellKept(props.target, outcome.live);
}

/**
 * A delete that found rules this resource did not write (another stack wrote last, a resource that
 * moved onto this bucket already applied its own, a change by hand since the last refresh) leaves
 * them: the resource leaves the stack, the bucket keeps the other writer's rules. Said on the
 * provider's stderr, which the engine shows on the resource (see `tellNothingWritten`).
 */
function tellKept(target: Target, live: LiveConfig): void {
  process.stderr.write(
    `warning: ${describeTarget(target)} holds a CORS configuration this resource did not write: ${describeLive(live)}; it was left in place and only this resource was removed — if nobody owns those rules, remove them with bucket-cors delete\n`,
  );
}

/** What `read` returns: empty when the configuration (or bucket) is gone; `inputs` only when the live rules differ from the stored ones. */
export type ReadOutcome = { id: string; props: PolicyOutputs; inputs?: PolicyInputs } | Record<string, never>;

/**
 * Reads the live configuration. Gone (no configuration, or no bucket) → `{}`, which
 * the engine treats as deleted. When the live rules mean the same as the stored
 * ones, the stored form (and the stored inputs) are kept so a server's rewrites never show as drift.
 */
export async function readPolicy(id: string, props: PolicyOutputs): Promise<ReadOutcome> {
  // `pulumi import` reads with an empty state (pulumi/pulumi#16175), whatever the type says.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (props.target === undefined) {
    throw new CorsPolicyError(
      `read of "${id}": the state has no target; CorsPolicy resources cannot be imported with pulumi import (pulumi/pulumi#16175) — declare the resource with onExisting: "adopt" instead`,
      { code: "InvalidState" },
    );
  }
  const live = await backendOf(props, startBudget(budgetOf("read", props))).get(props.target);
  const location = props.location === undefined ? {} : { location: props.location };
  if (live.kind === "none" || live.kind === "no-bucket") return {};
  if (live.kind === "unreadable") {
    // Drift, not a crash: refresh shows the rules gone and the raw text; the next up writes the rules over it.
    const outs = { ...outputsOf({ ...props, rules: [] }), resourceId: id, ...location, liveUnreadable: live.raw };
    return { id, props: outs, inputs: inputsOf(outs) };
  }
  if (sameRules(live.config.rules, props.rules)) {
    // No drift: no `inputs`, so the engine keeps the stored ones, as the program wrote them
    // (check), and the next `preview --diff` compares like with like.
    return { id, props: { ...outputsOf(props), resourceId: id, ...location } };
  }
  const outs = { ...outputsOf({ ...props, rules: live.config.rules }), resourceId: id, ...location };
  return { id, props: outs, inputs: inputsOf(outs) };
}

/** The backend of the inputs' target, with the inputs' `timeouts` as the deadline of every call, each spent from the operation's budget. */
function backendOf(inputs: PolicyInputs, run: BudgetRun): Backend {
  return withDeadlines(withBudget(backendFor(inputs.target), run), deadlinesOf(inputs.timeouts));
}

/**
 * The `location` output: where the bucket is, recorded only when the target alone cannot say
 * (a Swift target without its storage URL), for `diff` to know a later spelling of it. The login
 * it needs was made by the write just before, so this reuses its session.
 */
async function locationOf(inputs: PolicyInputs, run: BudgetRun): Promise<{ location?: string }> {
  if (knownLocationOf(inputs.target) !== undefined) return {};
  return { location: await run.call("login", deadlinesOf(inputs.timeouts).operationMs, (options) => locateBucket(inputs.target, options)) };
}

/** How to confirm a write of these inputs. */
function confirmation(inputs: PolicyInputs): Confirmation {
  return {
    mode: verifyModeOf(inputs.verify),
    timeoutSeconds: propagationTimeout(inputs.target, inputs.propagationTimeoutSeconds),
    expectations: inputs.expect ?? [],
    words: REFUSAL_WORDS.resource,
    ...(typeof inputs.verify === "string" ? {} : { through: inputs.verify }),
  };
}

/** The outputs: the checked inputs, which they carry over (the host gives `diff` old outputs, not old inputs), plus id and fingerprint. */
function outputsOf(inputs: PolicyInputs): PolicyOutputs {
  return { ...inputsOf(inputs), resourceId: resourceIdOf(inputs.target), fingerprint: fingerprintOf(inputs.rules) };
}

function inputsOf(values: PolicyInputs): PolicyInputs {
  const { target, rules, onExisting, verify, propagationTimeoutSeconds, timeouts, swift, expect } = values;
  return {
    target,
    rules,
    onExisting,
    verify,
    ...(propagationTimeoutSeconds === undefined ? {} : { propagationTimeoutSeconds }),
    ...(timeouts === undefined ? {} : { timeouts }),
    ...(swift === undefined ? {} : { swift }),
    ...(expect === undefined ? {} : { expect }),
  };
}
