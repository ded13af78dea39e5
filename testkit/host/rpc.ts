import type { Metadata, ServiceError } from "@grpc/grpc-js";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { Protocol } from "./grpc";
import type { JsonObject } from "./wire";

/**
 * A partial failure: the resource exists (Create) or changed (Update) but the call failed. The
 * provider sends it as an ErrorResourceInitFailed in the error's status details
 * (sdk/go/common/resource/plugin/provider_plugin.go, `resourceStateAndError`).
 */
export interface InitFailure {
  readonly id: string;
  readonly properties: JsonObject;
  readonly reasons: string[];
}

/** A gRPC error from the host; `message` is the provider's own message (the status details). */
export class HostRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    details: string,
    /** Set when the status details carry an ErrorResourceInitFailed. */
    readonly initFailure?: InitFailure,
  ) {
    super(details);
    this.name = "HostRpcError";
  }
}

const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";

export const UNIMPLEMENTED = 12;

type Callback<T> = (err: ServiceError | null, resp?: T) => void;

/** One client connection to a host: promise-shaped unary calls with a deadline, plus Struct codecs. */
export class RpcChannel {
  readonly client: ResourceProviderClient;

  constructor(
    readonly proto: Protocol,
    port: number,
    private readonly timeoutMs: number,
  ) {
    this.client = new proto.providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, proto.grpc.credentials.createInsecure());
  }

  /** Runs `call(metadata, options, callback)`; a gRPC error becomes a HostRpcError. */
  unary<T>(method: string, call: (meta: Metadata, options: { deadline: number }, cb: Callback<T>) => unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      call(new this.proto.grpc.Metadata(), { deadline: Date.now() + this.timeoutMs }, (err, resp) => {
        if (err) reject(new HostRpcError(method, err.code, err.details || err.message, this.initFailureOf(err)));
        else if (resp === undefined) reject(new HostRpcError(method, 2, `${method} returned no response`));
        else resolve(resp);
      });
    });
  }

  /** Status code of a call that may legitimately be UNIMPLEMENTED; 0 when it succeeds. */
  async codeOf<T>(method: string, call: (meta: Metadata, options: { deadline: number }, cb: Callback<T>) => unknown): Promise<number> {
    try {
      await this.unary(method, call);
      return 0;
    } catch (e) {
      if (e instanceof HostRpcError && e.code === UNIMPLEMENTED) return UNIMPLEMENTED;
      throw e;
    }
  }

  /** The ErrorResourceInitFailed in an error's `grpc-status-details-bin`, if any. */
  private initFailureOf(err: ServiceError): InitFailure | undefined {
    const [bytes] = err.metadata.get("grpc-status-details-bin");
    if (!(bytes instanceof Buffer)) return undefined;
    const detail = this.proto.statusProto.Status.deserializeBinary(bytes)
      .getDetailsList()
      .find((any) => any.getTypeUrl().endsWith(`/${INIT_FAILED_TYPE}`) || any.getTypeUrl() === INIT_FAILED_TYPE);
    if (detail === undefined) return undefined;
    const failed = this.proto.providerProto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    return { id: failed.getId(), properties: this.json(failed.getProperties()), reasons: failed.getReasonsList() };
  }

  struct(value: JsonObject): Struct {
    return this.proto.structProto.Struct.fromJavaScript(value);
  }

  json(struct: Struct | undefined): JsonObject {
    return struct === undefined ? {} : struct.toJavaScript();
  }

  close(): void {
    this.client.close();
  }
}
