import { CorsPolicyError } from "../errors";
import type { PolicyOutputs } from "./types";

/**
 * The key under which the dynamic provider host keeps the serialized provider in a resource's inputs and
 * outputs. The host adds it to what create and update return, but not to the properties of a failed
 * one, and destroy finds the provider in the stored outputs (@pulumi/pulumi cmd/dynamic-provider/index.js,
 * `resultIncludingProvider`, `grpcResponseFromError`).
 */
const PROVIDER_KEY = "__provider";

/**
 * A create or update that failed after its write may have reached the bucket. The host turns an error with `id`
 * and `properties` into ErrorResourceInitFailed, for create as for update (@pulumi/pulumi
 * cmd/dynamic-provider/index.js, `grpcResponseFromError`; the plugin: plugin/respond.ts), and the engine then
 * stores these outputs and the reasons as initialization errors (pulumi/pulumi pkg/backend/snapshot.go: a
 * partially failed update keeps "old inputs and new outputs"; a partially failed create is recorded with its
 * new inputs). A resource with initialization errors is updated by the next `up` even when nothing changed
 * (pkg/resource/deploy/step_generator.go), so a program reverted to the old rules writes them again instead
 * of passing over a bucket holding the new ones (issue 23, item 10), and a create that may have landed is the
 * stack's, not rules the next `up` finds without knowing it wrote them.
 */
export class UnconfirmedWrite extends CorsPolicyError {
  override readonly name = "UnconfirmedWrite";
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(error: CorsPolicyError, id: string, outputs: PolicyOutputs, recorded: string) {
    super(`${error.message}\n${recorded}`, { code: error.code, cause: error });
    this.id = id;
    this.properties = { ...outputs };
    // The engine prints the reasons of a partial failure, not its message (seen with pulumi v3.248.0).
    this.reasons = [this.message];
  }

  /** The same failure with the serialized provider the engine's next calls need (read from the call's raw inputs). */
  withProvider(news: unknown): this {
    const provider = typeof news === "object" && news !== null ? (news as Record<string, unknown>)[PROVIDER_KEY] : undefined;
    if (provider !== undefined) this.properties[PROVIDER_KEY] = provider;
    return this;
  }
}

/** What a failed update's message adds: how the state now stands and what the next run does. */
const RECORDED_UPDATE =
  "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules again, even if they are the previous ones, and pulumi refresh reads what the bucket holds";

/** What a failed create's message adds; destroy removes only the rules it may have written (lifecycle/crud.ts, `deletePolicy`). */
const RECORDED_CREATE =
  "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only";

/** The error an update throws when `error` may have left the bucket changed: an {@link UnconfirmedWrite} carrying `outputs`, else `error` as it is. */
export function unconfirmedUpdate(error: unknown, id: string, outputs: () => PolicyOutputs): unknown {
  if (!(error instanceof CorsPolicyError) || !error.bucketUnsettled) return error;
  return new UnconfirmedWrite(error, id, outputs(), RECORDED_UPDATE);
}

/** The error a create throws when `error` may have left the bucket changed: an {@link UnconfirmedWrite} carrying `outputs`, else `error` as it is. */
export function unconfirmedCreate(error: unknown, id: string, outputs: () => PolicyOutputs): unknown {
  if (!(error instanceof CorsPolicyError) || !error.bucketUnsettled) return error;
  return new UnconfirmedWrite(error, id, outputs(), RECORDED_CREATE);
}
