import type { Backend, LiveConfig } from "../backends/types";
import { BackendError, CorsPolicyError, rewrap, unsettled } from "../errors";
import type { Expectation } from "./expectations";
import type { VerifyMode, VerifyThrough } from "./options";
import { checkFrontUntil, frontDisagreement } from "./front";
import type { CorsConfiguration } from "../model/schema";
import { describeTarget, type Target } from "../targets";
import { describeLive, describeRules } from "./describe";
import { holds, waitUntilServed } from "./propagation";
import { droppedFields } from "./rewrite";
import { failedExpectations } from "./verify";
import { REFUSAL_WORDS, type RefusalWords } from "./words";

/** How a write is confirmed before the operation succeeds. */
export interface Confirmation {
  readonly mode: VerifyMode;
  readonly timeoutSeconds: number;
  /** Sent as real preflights when `mode` is `preflight`. */
  readonly expectations: readonly Expectation[];
  /** With `preflight`: the expectations are then sent through this front too (operations/front.ts). */
  readonly through?: VerifyThrough;
  /** Whose words a failure uses for its fixes: the resource's properties or the CLI's flags. */
  readonly words: RefusalWords;
}

/** A bare timeout: confirm by reading back (the CLI's apply and delete, so its fixes name flags). */
export function readBack(timeoutSeconds: number): Confirmation {
  return { mode: "read", timeoutSeconds, expectations: [], words: REFUSAL_WORDS.cli };
}

/**
 * Puts `desired` (or deletes, for `null`) and confirms it: with `read`, until a
 * read shows it; with `preflight`, also until real preflights answer as every
 * expectation says. If confirmation fails (not served in time, a read that keeps
 * failing, preflights that disagree), the bucket is re-read and `previous` is put
 * back only while the bucket still holds what this call wrote (or, not yet
 * propagated, still `previous`): rules another writer put meanwhile are never
 * undone. Every failure says what the bucket may hold now.
 */
export async function writeConfirmed(
  backend: Backend,
  target: Target,
  desired: CorsConfiguration | null,
  previous: LiveConfig,
  confirm: Confirmation,
): Promise<void> {
  try {
    await write(backend, target, desired);
  } catch (error) {
    if (refusedOutright(error)) {
      // A 404 says the bucket itself is gone, so what it held before is no longer what it holds.
      const still = error.status === 404 ? "" : `: ${describeTarget(target)} still holds ${describeLive(previous)}`;
      throw rewrap(error, (reason) => `${reason}\nNothing was ${desired === null ? "removed" : "written"}${still}`);
    }
    // A write answered with an error (or cut off) may still have landed: say what the bucket may hold and how to converge.
    throw unsettled(
      rewrap(
        error,
        (reason) =>
          `${reason}\nThe ${desired === null ? "removal" : "write"} may still have reached the bucket: ${describeTarget(target)} holds either ${describeConfig(desired)} or ${describeLive(previous)} — ${confirm.words.rerun}: rules that already mean the same are taken over without a write`,
      ),
    );
  }
  if (confirm.mode === "none") return;
  try {
    await confirmWrite(backend, target, desired, confirm);
  } catch (error) {
    throw await rollBack(backend, target, desired, previous, error, confirm.words);
  }
}

async function confirmWrite(backend: Backend, target: Target, desired: CorsConfiguration | null, confirm: Confirmation): Promise<void> {
  const served = await waitUntilServed(backend, target, desired, confirm.timeoutSeconds);
  if (!served.matched) {
    const wanted = desired === null ? "no CORS configuration" : describeRules(desired.rules);
    const dropped = droppedFields(served.live, desired);
    const advice =
      dropped === undefined
        ? `${confirm.words.slowFix}; if it rewrote the rules, it cannot hold them as written`
        : `the service stored them without ${dropped.join(", ")}, so it cannot hold these rules as written: change or remove ${dropped.length === 1 ? "that value" : "those values"}`;
    throw new CorsPolicyError(
      `${describeTarget(target)} did not serve the new CORS configuration within ${confirm.timeoutSeconds} s: wanted ${wanted}, read back ${describeLive(served.live)} — ${advice}`,
      { code: "NotConfirmed" },
    );
  }
  if (confirm.mode === "preflight" && confirm.expectations.length > 0) {
    const failed = await failedExpectations(backend, target, confirm.expectations, confirm.timeoutSeconds);
    if (failed !== undefined) throw new CorsPolicyError(failed, { code: "NotConfirmed" });
    if (confirm.through !== undefined) {
      // Only once the bucket answers as expected: what is left to find is the front's doing.
      const front = await checkFrontUntil(backend, target, confirm.expectations, confirm.through, confirm.timeoutSeconds);
      if (front.findings.length > 0) throw new CorsPolicyError(frontDisagreement(target, front, confirm.timeoutSeconds), { code: "NotConfirmed" });
    }
  }
}

/**
 * Restores `previous` after a failed confirmation, when that undoes only this call's write; returns the error to throw,
 * marked `unsettled` unless the bucket is known to hold `previous` again.
 */
async function rollBack(
  backend: Backend,
  target: Target,
  desired: CorsConfiguration | null,
  previous: LiveConfig,
  error: unknown,
  words: RefusalWords,
): Promise<Error> {
  // The confirmation's own failure (a service error while reading back, or NotConfirmed) keeps its class and code, with what happened next added.
  const settled = (next: string): Error => rewrap(error, (reason) => `${reason}\n${next}`);
  const fail = (next: string): Error => unsettled(rewrap(error, (reason) => `${reason}\n${next}`));
  const where = describeTarget(target);
  const converge = words.converge;
  let now: LiveConfig;
  try {
    now = await backend.get(target);
  } catch (readError) {
    return fail(
      `The bucket could not be re-read to restore the previous configuration (${message(readError)}), so it was left as is — ${where} may hold ${describeConfig(desired)} or ${describeLive(previous)}; ${converge}`,
    );
  }
  // Still the previous configuration: the write may not have propagated yet, so it is put back all the same. This
  // call's write as the server stored it (a field dropped) is this call's write too, not another writer's.
  if (!holds(now, desired) && !same(now, previous) && droppedFields(now, desired) === undefined) {
    return fail(`Another writer changed the bucket meanwhile: ${where} now holds ${describeLive(now)}; it was left as is — ${converge}`);
  }
  if (previous.kind === "unreadable") {
    return fail(`The previous configuration could not be read, so it cannot be put back: ${where} holds ${describeLive(now)} — ${converge}`);
  }
  try {
    await write(backend, target, configOf(previous));
  } catch (restoreError) {
    return fail(`Restoring the previous configuration also failed: ${message(restoreError)} — ${where} may hold ${describeConfig(desired)}; ${converge}`);
  }
  return settled(`The previous configuration was restored (${describeLive(previous)}).`);
}

/** True when two reads show the same configuration (raw text for unreadable ones). */
function same(a: LiveConfig, b: LiveConfig): boolean {
  if (b.kind === "unreadable") return a.kind === "unreadable" && a.raw === b.raw;
  return holds(a, configOf(b));
}

function configOf(live: LiveConfig): CorsConfiguration | null {
  return live.kind === "config" ? live.config : null;
}

function describeConfig(config: CorsConfiguration | null): string {
  return config === null ? "no CORS configuration" : describeRules(config.rules);
}

/**
 * True when the service refused the one request sent (a 4xx after a single attempt): it was not
 * applied, so nothing changed. After retries an earlier attempt, answered 5xx or cut off, may
 * have landed; a 3xx was never followed and is no answer about the write (RGW answers a
 * MaxAgeSeconds it cannot parse with 400 MalformedXML: issue 23, item 9).
 */
/**
 * A refusal to the one request sent: a 4xx, or 501 Not Implemented ("the server does not support
 * the functionality required to fulfill the request", RFC 9110 §15.6.2: community MinIO's
 * PutBucketCors, Swift's s3api `?cors`). The write did not happen.
 */
function refusedOutright(error: unknown): error is BackendError & { status: number } {
  if (!(error instanceof BackendError) || error.status === undefined || error.attempts !== 1) return false;
  return (error.status >= 400 && error.status < 500) || error.status === 501;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function write(backend: Backend, target: Target, config: CorsConfiguration | null): Promise<void> {
  return config === null ? backend.delete(target) : backend.put(target, config);
}
