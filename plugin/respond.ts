import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { knownSecrets, scrubSecrets } from "../provider/backends/secrets";

/*
 * How a handler's result or error reaches the engine. Every error is the provider's message,
 * scrubbed of the known secrets (the configured secret access key among them), never a stack.
 */

type Callback<T> = grpc.sendUnaryData<T>;

/** Runs `work` and answers the call with its result, or with its error as the engine should show it. */
export function answer<T>(callback: Callback<T>, work: () => Promise<T>): void {
  work().then(
    (value) => callback(null, value),
    (error: unknown) => callback(toStatus(error)),
  );
}

/** The message the engine shows for an error. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return scrubSecrets(text, knownSecrets());
}

/**
 * An error as a gRPC status. One that carries `id` and `properties` (a create or update whose write may
 * have landed, provider/lifecycle/unconfirmed.ts) is a partial failure: ErrorResourceInitFailed
 * in the status details, which the engine records as the resource's outputs with the reasons as
 * initialization errors (pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go,
 * resourceStateAndError) — what the dynamic provider host does for the same error.
 */
function toStatus(error: unknown): Partial<grpc.StatusObject> {
  const message = messageOf(error);
  const partial = partialOf(error);
  if (partial === undefined) return { code: grpc.status.UNKNOWN, details: message };
  const detail = new ErrorResourceInitFailed();
  detail.setId(partial.id);
  detail.setProperties(Struct.fromJavaScript(partial.properties as Record<string, never>));
  detail.setReasonsList(partial.reasons.map((reason) => scrubSecrets(reason, knownSecrets())));
  const any = new Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  // The Go engine reads structured details from this trailer (google.golang.org/grpc/status).
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

interface PartialFailure {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];
}

function partialOf(error: unknown): PartialFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { id, properties, reasons } = error as Record<string, unknown>;
  if (typeof id !== "string" || typeof properties !== "object" || properties === null) return undefined;
  return { id, properties: properties as Record<string, unknown>, reasons: Array.isArray(reasons) ? reasons.map(String) : [] };
}

/** The answer to a method this provider does not serve. */
export function unimplemented(name: string): Partial<grpc.StatusObject> {
  return { code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented by the bucket-cors provider` };
}
