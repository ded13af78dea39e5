import { createHarness, type Harness } from "../../testkit/host";
import { policyProgram } from "../../testkit/policy-program";
import type { SwiftInfo } from "../servers/real-servers";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

/** The real Swift behind the fault proxy, and a provider host whose targets go through it. */
export interface SwiftFaults {
  /** In front of the storage URL: where the faults are. */
  readonly proxy: FaultProxy;
  /** In front of TempAuth, forwarding everything: it only counts logins. */
  readonly auth: FaultProxy;
  /** Out-of-band access straight to Swift, bypassing both proxies. */
  readonly swift: SwiftOps;
  readonly harness: Harness;
  /** A program with one CorsPolicy "media" on `container`, reached through the proxy. */
  program(container: string, rules: unknown[]): string;
  stop(): Promise<void>;
}

export async function startSwiftFaults(info: SwiftInfo, containers: readonly string[]): Promise<SwiftFaults> {
  const swift = await swiftOps(info.authUrl, info.user, info.key);
  for (const container of containers) await swift.createContainer(container);
  const storage = new URL(info.storageUrl);
  const login = new URL(info.authUrl);
  const proxy = await startFaultProxy(storage.origin);
  const auth = await startFaultProxy(login.origin);
  // The host inherits process.env when it starts: TempAuth goes to the real server through the
  // counting proxy, and the target's endpoint (the storage URL) overrides the one login returns.
  Object.assign(process.env, { ST_AUTH: `${auth.url}${login.pathname}`, ST_USER: info.user, ST_KEY: info.key });
  const harness = await createHarness({ project: "cors", stack: "faults-swift" });
  return {
    proxy,
    auth,
    swift,
    harness,
    program: (container, rules) => {
      // One second of read-back is plenty on loopback and keeps failing confirmations short.
      const args = { target: { profile: "swift", bucket: container, endpoint: `${proxy.url}${storage.pathname}` }, rules, propagationTimeoutSeconds: 1 };
      return policyProgram({ name: "media", args });
    },
    stop: async () => {
      await harness.stop();
      await proxy.stop();
      await auth.stop();
    },
  };
}
