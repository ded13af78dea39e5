import { z } from "zod";
import { PROFILE_NAMES } from "../profiles/types";

/** R2 jurisdictions (https://developers.cloudflare.com/r2/reference/data-location/#jurisdictional-restrictions). */
export const R2_JURISDICTIONS = ["default", "eu", "fedramp", "us"] as const;

/**
 * Schema of a target: which bucket (or Swift container) on which service. Plain
 * data, serializable, and never credentials: `credentials` only names the
 * environment variables to read them from at call time.
 */
export function targetSchema() {
  return z.strictObject({
    /** Vendor profile (`aws`, `r2`, `ceph`, `swift`...). */
    profile: z.enum(PROFILE_NAMES),
    /** Bucket name (the container name on Swift targets). */
    bucket: z.string().min(1),
    /** Endpoint URL; overrides the profile's template. */
    endpoint: z.string().optional(),
    /** Region (fills `{region}` in the profile's endpoint and signs requests). */
    region: z.string().optional(),
    /** Cloudflare account id (R2). */
    accountId: z.string().optional(),
    /** R2 jurisdiction; `default` is the same as leaving it out. */
    jurisdiction: z.enum(R2_JURISDICTIONS).optional(),
    /** Swift project (tenant) id filling `{projectId}` in storage URLs. */
    projectId: z.string().optional(),
    /** Force path-style addressing; defaults to the profile's addressing style. */
    forcePathStyle: z.boolean().optional(),
    /** Names of environment variables holding the credentials (never the values). */
    credentials: z
      .strictObject({
        accessKeyIdEnv: z.string().min(1).optional(),
        secretAccessKeyEnv: z.string().min(1).optional(),
        sessionTokenEnv: z.string().min(1).optional(),
      })
      .optional(),
  });
}

/** A target as a user writes it. */
export type TargetInput = z.input<ReturnType<typeof targetSchema>>;

/** A checked, normalized target. */
export type Target = z.output<ReturnType<typeof targetSchema>>;
