import type { Target } from "../../provider/targets";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import type { FaultRule } from "./fault-plan";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

/** s3rver with the fault proxy in front, for tests that call the S3 backend or the CLI directly (no provider host: s3-setup.ts). */
export interface ProxiedS3 {
  /** Out-of-band access straight to s3rver, bypassing the proxy. */
  s3(): EmbeddedS3;
  proxy(): FaultProxy;
  /** An `s3` target on `bucket` through the proxy, signing with the keys in the variables given. */
  target(bucket: string): Target;
}

/**
 * Starts s3rver with `buckets` and the proxy in front of it before the file's tests, stops both
 * after them, and before each test sets the proxy's plan to `rules` and clears its log. Registers
 * the jest hooks itself, so call it at the top of a file or a describe.
 */
export function proxiedS3rver(
  buckets: readonly string[],
  keys: { readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string },
  ...rules: FaultRule[]
): ProxiedS3 {
  let s3: EmbeddedS3 | undefined;
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    s3 = await startS3rver();
    for (const bucket of buckets) await s3.createBucket(bucket);
    proxy = await startFaultProxy(s3.endpoint);
  });
  afterAll(async () => {
    await proxy?.stop();
    await s3?.stop();
  });
  beforeEach(() => {
    proxy?.plan(...rules);
    proxy?.clearLog();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("s3rver and the proxy start in beforeAll");
    return value;
  };
  return {
    s3: () => started(s3),
    proxy: () => started(proxy),
    target: (bucket) => ({ profile: "s3", bucket, endpoint: started(proxy).url, credentials: keys }),
  };
}
