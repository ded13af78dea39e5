import type { ConstructRequest } from "@pulumi/pulumi/proto/provider_pb";
import { constructPolicySet } from "./construct";
import { withConstructRuntime } from "./runtime";

/*
 * Construct, as the plugin's second bundle (dist/plugin/construct.js, scripts/plugin-archive.mjs):
 * @pulumi/pulumi's runtime, which only Construct needs, is 6.5 MB of the 8.7 MB one bundle would
 * be, and parsing it took the plugin's start from ~2 s to ~4–5 s on 2 loaded cores, at every
 * operation, for programs that construct nothing. service.ts loads this file on the first Construct.
 */

/** The component's URN and its state, plain (the caller builds the response with its own protobuf classes). */
export function construct(request: ConstructRequest, engineAddress: string): Promise<{ readonly urn: string; readonly state: Record<string, unknown> }> {
  return withConstructRuntime(request, engineAddress, constructPolicySet);
}
