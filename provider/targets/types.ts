import type { ProfileName } from "../profiles/types";

/*
 * A target's data types, written out without zod so that no public declaration
 * file reaches zod (see ../model/types.ts); `schema.ts` proves at compile time
 * that its schema infers exactly these.
 */

/** R2 jurisdictions (https://developers.cloudflare.com/r2/reference/data-location/#jurisdictional-restrictions). */
export const R2_JURISDICTIONS = ["default", "eu", "fedramp", "us"] as const;

/** One of {@link R2_JURISDICTIONS}; `default` is the same as leaving it out. */
export type R2Jurisdiction = (typeof R2_JURISDICTIONS)[number];

/** Names of environment variables holding the credentials (never the values). */
export interface TargetCredentials {
  /** The variable holding the access key id, e.g. `"R2_ACCESS_KEY_ID"`. */
  accessKeyIdEnv?: string | undefined;
  /** The variable holding the secret access key, e.g. `"R2_SECRET_ACCESS_KEY"`. */
  secretAccessKeyEnv?: string | undefined;
  /** The variable holding a session token (temporary credentials). @default - no session token */
  sessionTokenEnv?: string | undefined;
}

/**
 * A target as a user writes it: which bucket (or Swift container) on which
 * service. Plain data, serializable, and never credentials: `credentials` only
 * names the environment variables to read them from at call time.
 */
export interface TargetInput {
  /** Vendor profile (`aws`, `r2`, `ceph`, `swift`...). */
  profile: ProfileName;
  /** Bucket name (the container name on Swift targets). */
  bucket: string;
  /** Endpoint URL; overrides the profile's template. */
  endpoint?: string | undefined;
  /**
   * Region (fills `{region}` in the profile's endpoint and signs requests): letters, digits and
   * "-", with "." only between parts, since it becomes part of a host (targets/host-parts.ts).
   */
  region?: string | undefined;
  /** Cloudflare account id (R2): 32 hex digits, the dashboard's Account ID. */
  accountId?: string | undefined;
  /** R2 jurisdiction; `default` is the same as leaving it out. */
  jurisdiction?: R2Jurisdiction | undefined;
  /** Swift project (tenant) id filling `{projectId}` in storage URLs: letters, digits, "-" and "_", with "." only between them. */
  projectId?: string | undefined;
  /** Force path-style addressing; defaults to the profile's addressing style. */
  forcePathStyle?: boolean | undefined;
  /**
   * Ceph release of a `ceph` target, a name (`"reef"`) or a number (`"18.2.4"`): RGW before
   * ceph/ceph#69190 chose the CORS rule by origin alone. Absent: the newer, AWS-like matching.
   */
  version?: string | undefined;
  /** Names of environment variables holding the credentials (never the values). */
  credentials?: TargetCredentials | undefined;
  /** AWS account id (12 digits) that must own the bucket: sent as `x-amz-expected-bucket-owner`. */
  expectedBucketOwner?: string | undefined;
}

/** A checked, normalized target (the schema checks shape only, so it has the same fields). */
export type Target = TargetInput;
