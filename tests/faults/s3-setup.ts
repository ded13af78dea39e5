import { createHarness, type Harness } from "../../testkit/host";
import { policyProgram } from "../../testkit/policy-program";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

/** A secret only these tests use: s3rver checks the access key, not the signature (docs/test-servers.md, "s3rver"), so any secret works. */
export const SECRET = "fault-secret-7d1e-do-not-leak";
const SECRET_ENV = "BCORS_FAULT_SECRET";

/**
 * Each bucket's targets name their own access-key variable (all holding s3rver's key), so the
 * host builds one SDK client per bucket: the client's retry token bucket (500 tokens, 5 per
 * throttling retry, 14 per other retry) is then never shared between tests, and no test's
 * retries are cut short by what earlier tests spent; every count stays exact in any order.
 */
function keyEnv(bucket: string): string {
  return `BCORS_FAULT_KEY_${bucket.toUpperCase().replace(/\W/g, "_")}`;
}

/** s3rver, the fault proxy in front of it, and a provider host whose targets go through the proxy. */
export interface S3Faults {
  /** Out-of-band access straight to s3rver, bypassing the proxy. */
  readonly s3: EmbeddedS3;
  readonly proxy: FaultProxy;
  readonly harness: Harness;
  /** A program with one CorsPolicy "site" on `bucket` (one of those started with), reached through the proxy. */
  program(bucket: string, rules: unknown[], extra?: Record<string, unknown>): string;
  stop(): Promise<void>;
}

export async function startS3Faults(buckets: readonly string[]): Promise<S3Faults> {
  // The host inherits process.env when it starts, so the credentials go in first.
  for (const bucket of buckets) process.env[keyEnv(bucket)] = "S3RVER";
  process.env[SECRET_ENV] = SECRET;
  const s3 = await startS3rver();
  for (const bucket of buckets) await s3.createBucket(bucket);
  const proxy = await startFaultProxy(s3.endpoint);
  const harness = await createHarness({ project: "cors", stack: "faults-s3" });
  return {
    s3,
    proxy,
    harness,
    program: (bucket, rules, extra = {}) => {
      // One second of read-back is plenty on loopback and keeps failing confirmations short.
      const credentials = { accessKeyIdEnv: keyEnv(bucket), secretAccessKeyEnv: SECRET_ENV };
      const args = { target: { profile: "s3", bucket, endpoint: proxy.url, credentials }, rules, propagationTimeoutSeconds: 1, ...extra };
      return policyProgram({ name: "site", args });
    },
    stop: async () => {
      await harness.stop();
      await proxy.stop();
      await s3.stop();
    },
  };
}
