import { createRequire } from "module";
import * as path from "path";

type Grpc = typeof import("@grpc/grpc-js");
type ProviderGrpc = typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
type ProviderProto = typeof import("@pulumi/pulumi/proto/provider_pb");
type StructProto = typeof import("google-protobuf/google/protobuf/struct_pb");
type EmptyProto = typeof import("google-protobuf/google/protobuf/empty_pb");
type StatusProto = typeof import("@pulumi/pulumi/proto/status_pb");

/** The SDK's own gRPC stubs and the grpc-js / google-protobuf instances they were built against. */
export interface Protocol {
  readonly grpc: Grpc;
  readonly providerGrpc: ProviderGrpc;
  readonly providerProto: ProviderProto;
  readonly structProto: StructProto;
  readonly emptyProto: EmptyProto;
  /** google.rpc.Status, what a partial failure's details arrive in. */
  readonly statusProto: StatusProto;
}

/**
 * Loads the stubs from the `@pulumi/pulumi` that `projectDir` resolves, and grpc-js/protobuf from
 * that SDK's location, with Node's own `require` (not jest's module registry): a message class
 * from another copy of google-protobuf fails to serialize.
 */
export function loadProtocol(projectDir: string): Protocol {
  const projectRequire = createRequire(path.join(projectDir, "package.json"));
  const sdkRequire = createRequire(projectRequire.resolve("@pulumi/pulumi/package.json"));
  return {
    grpc: sdkRequire("@grpc/grpc-js") as Grpc,
    providerGrpc: sdkRequire("./proto/provider_grpc_pb") as ProviderGrpc,
    providerProto: sdkRequire("./proto/provider_pb") as ProviderProto,
    structProto: sdkRequire("google-protobuf/google/protobuf/struct_pb") as StructProto,
    emptyProto: sdkRequire("google-protobuf/google/protobuf/empty_pb") as EmptyProto,
    statusProto: sdkRequire("./proto/status_pb") as StatusProto,
  };
}

/** Path of the provider host launcher script (`pulumi-resource-pulumi-nodejs`) the project resolves. */
export function hostScript(projectDir: string): string {
  const projectRequire = createRequire(path.join(projectDir, "package.json"));
  return path.join(path.dirname(projectRequire.resolve("@pulumi/pulumi/package.json")), "pulumi-resource-pulumi-nodejs");
}
