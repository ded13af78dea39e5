import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import manifest from "../package.json";
import { providerService } from "./service";

/*
 * pulumi-resource-bucket-cors: the provider plugin. The engine starts it with its own address
 * as the argument and reads the port it listens on from the first line of its stdout
 * (pulumi/pulumi sdk/go/common/resource/plugin/plugin.go, execPlugin). Bundled into one file by
 * esbuild (scripts/plugin-archive.mjs) and started by Node: no ts-node, no language host.
 */

/** Messages larger than gRPC's 4 MB default: a stack of many rules stays well under this. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

async function main(): Promise<void> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE_BYTES });
  server.addService(ResourceProviderService, providerService(manifest.version, process.argv[2]));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error === null ? resolve(bound) : reject(error)));
  });
  process.stdout.write(`${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-bucket-cors could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
