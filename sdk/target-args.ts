import type * as pulumi from "@pulumi/pulumi";
import type { PolicyArgs } from "../provider/lifecycle/types";
import type { SameType } from "../provider/model/same-type";
import type { ProfileName } from "../provider/profiles/types";
import type { R2Jurisdiction, TargetInput } from "../provider/targets/types";

/** Names of environment variables holding S3 credentials, read at operation time (never the values themselves). */
export interface CredentialEnvNames {
  /** Variable holding the access key id, e.g. `"R2_ACCESS_KEY_ID"`. @default - the next source in the chain (provider config, then the AWS default chain) */
  readonly accessKeyIdEnv?: pulumi.Input<string> | undefined;
  /** Variable holding the secret access key, e.g. `"R2_SECRET_ACCESS_KEY"`. @default - the next source in the chain (provider config, then the AWS default chain) */
  readonly secretAccessKeyEnv?: pulumi.Input<string> | undefined;
  /** Variable holding a session token, for temporary credentials. @default - no session token */
  readonly sessionTokenEnv?: pulumi.Input<string> | undefined;
}

/**
 * A target whose fields may be Pulumi inputs, as the `targets.*` presets build it:
 * `targets.aws({ bucket: bucket.id, region })`. `profile` stays a plain string because
 * preview validates the rules against the vendor profile while the other fields
 * (a bucket created in the same program) are still unknown.
 */
export interface TargetArgs {
  /** Vendor profile (`aws`, `r2`, `ceph`, `swift`...): whose limits and quirks apply. Plain, never an Output. */
  readonly profile: ProfileName;
  /** Bucket name (the container name on Swift targets). */
  readonly bucket: pulumi.Input<string>;
  /** Endpoint URL, overriding the profile's template. @default the profile's endpoint, filled from region, account or project */
  readonly endpoint?: pulumi.Input<string> | undefined;
  /** Region: fills `{region}` in the profile's endpoint and signs requests. @default the profile's default region, else `us-east-1` */
  readonly region?: pulumi.Input<string> | undefined;
  /** Cloudflare account id (R2). @default - none; R2 needs it unless `endpoint` is given */
  readonly accountId?: pulumi.Input<string> | undefined;
  /** R2 jurisdiction: picks the endpoint host. @default "default" (same as leaving it out) */
  readonly jurisdiction?: pulumi.Input<R2Jurisdiction> | undefined;
  /** Swift project (tenant) id filling `{projectId}` in storage URLs. @default - the storage URL from the auth response or catalog */
  readonly projectId?: pulumi.Input<string> | undefined;
  /** Force path-style addressing. @default the profile's addressing style */
  readonly forcePathStyle?: pulumi.Input<boolean> | undefined;
  /**
   * Ceph release of a `ceph` target (`"reef"`, `"18.2.4"`): picks how `expect` predicts RGW's answers. Plain, never an
   * Output, because preview evaluates with it. @default - the newer, AWS-like rule matching (ceph/ceph#69190)
   */
  readonly version?: string | undefined;
  /** Names of environment variables holding the credentials. @default provider config, then the AWS default chain */
  readonly credentials?: pulumi.Input<CredentialEnvNames> | undefined;
  /**
   * AWS account id (12 digits) that must own the bucket, sent as ExpectedBucketOwner on every CORS call; S3 answers 403 when another account owns it.
   * @default - no ownership check
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
   */
  readonly expectedBucketOwner?: pulumi.Input<string> | undefined;
}

/**
 * Compile-time proof that resolving every input of `TargetArgs` gives exactly the
 * provider's `TargetInput`, the target of the CorsPolicy schema's input: when one
 * changes without the other, this stops compiling.
 * @internal
 */
export const TARGET_ARGS_MATCH_SCHEMA: [
  SameType<pulumi.Unwrap<TargetArgs>, TargetInput>,
  SameType<pulumi.Unwrap<TargetArgs>, PolicyArgs["target"]>,
  SameType<pulumi.Unwrap<CredentialEnvNames>, NonNullable<TargetInput["credentials"]>>,
] = [true, true, true];
