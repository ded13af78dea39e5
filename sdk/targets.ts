import type * as pulumi from "@pulumi/pulumi";
import type { CephVersion } from "../provider/profiles/ceph-versions";
import type { ProfileName } from "../provider/profiles/types";
import type { R2Jurisdiction } from "../provider/targets/types";
import type { CredentialEnvNames, TargetArgs } from "./target-args";

export type { CredentialEnvNames, TargetArgs } from "./target-args";

/*
 * Every preset field is a `pulumi.Input`, so a bucket created in the same program
 * can be passed as its Output (`bucket: bucket.id`). The preset never waits for
 * them: it returns a plain object with the plain `profile` and the inputs inside,
 * which the engine sends with unknown fields marked unknown at preview.
 */

/** Fields every S3 preset takes. */
export interface S3PresetArgs {
  /** Bucket name, e.g. `"assets"` or the `id` of a bucket resource in the same program. */
  readonly bucket: pulumi.Input<string>;
  /**
   * Where credentials come from.
   * @default provider config `bucket-cors:accessKeyId`/`bucket-cors:secretAccessKey`, else the AWS default chain (`AWS_ACCESS_KEY_ID`...)
   */
  readonly credentials?: pulumi.Input<CredentialEnvNames> | undefined;
  /** Endpoint URL, overriding the vendor's. @default the vendor's endpoint for the region */
  readonly endpoint?: pulumi.Input<string> | undefined;
}

/** A preset whose endpoint depends on a region. */
export interface RegionalPresetArgs extends S3PresetArgs {
  /** Region (e.g. `eu-west-1`, `nyc3`, `de-fra-1`). */
  readonly region: pulumi.Input<string>;
}

/** The Amazon S3 preset's fields. */
export interface AwsPresetArgs extends RegionalPresetArgs {
  /**
   * AWS account id (12 digits) that must own the bucket, as Terraform's `expected_bucket_owner`: S3 refuses every CORS call (403) when another account owns it.
   * @default - no ownership check
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
   */
  readonly expectedBucketOwner?: pulumi.Input<string> | undefined;
}

/** Fields every Swift preset takes. Credentials come from the environment at operation time. */
export interface SwiftPresetArgs {
  /** Container name. */
  readonly container: pulumi.Input<string>;
  /**
   * Storage URL (`https://…/v1/AUTH_<project>`), overriding the one the auth response or catalog gives.
   * @default the storage URL from TempAuth (`X-Storage-Url`) or the Keystone catalog's public object-store endpoint
   */
  readonly endpoint?: pulumi.Input<string> | undefined;
}

/** A Swift preset on a Keystone cloud with regional storage (vStorage, OVH Swift). */
export interface KeystoneSwiftPresetArgs extends SwiftPresetArgs {
  /** Region, e.g. `hcm03` (vStorage) or `gra` (OVH). */
  readonly region: pulumi.Input<string>;
  /** Project (tenant) id filling `{projectId}` in the storage URL. @default - the Keystone catalog's storage URL */
  readonly projectId?: pulumi.Input<string> | undefined;
}

type TargetFields = { readonly [K in Exclude<keyof TargetArgs, "profile" | "bucket">]?: TargetArgs[K] | undefined };

/**
 * The target with `profile`, `bucket` and the other fields; inputs are passed on as they are,
 * never awaited. A field left `undefined` is omitted when the engine receives the target
 * (Pulumi serializes objects as JSON does: @pulumi/pulumi runtime/rpc.ts, serializeProperty).
 */
function target(profile: ProfileName, bucket: pulumi.Input<string>, fields: TargetFields): TargetArgs {
  return { profile, bucket, ...fields };
}

function s3Fields(args: S3PresetArgs): TargetFields {
  return { endpoint: args.endpoint, credentials: args.credentials };
}

/** A Swift target: the container is the target's bucket. */
function swiftTarget(
  profile: ProfileName,
  args: SwiftPresetArgs & { readonly region?: pulumi.Input<string>; readonly projectId?: pulumi.Input<string> | undefined },
): TargetArgs {
  return target(profile, args.container, { endpoint: args.endpoint, region: args.region, projectId: args.projectId });
}

/**
 * Presets that build a target (plain data, safe to store in state). Each names
 * the vendor profile whose limits and quirks apply.
 */
export const targets = {
  /** Amazon S3. @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html */
  aws: (args: AwsPresetArgs): TargetArgs =>
    target("aws", args.bucket, { ...s3Fields(args), region: args.region, expectedBucketOwner: args.expectedBucketOwner }),
  /**
   * Cloudflare R2, through its S3 API. The jurisdiction picks the endpoint host.
   * @see https://developers.cloudflare.com/r2/buckets/cors/
   */
  r2: (args: S3PresetArgs & { readonly accountId: pulumi.Input<string>; readonly jurisdiction?: pulumi.Input<R2Jurisdiction> | undefined }): TargetArgs =>
    target("r2", args.bucket, { ...s3Fields(args), accountId: args.accountId, jurisdiction: args.jurisdiction }),
  /** DigitalOcean Spaces (region such as `nyc3`). @see https://docs.digitalocean.com/products/spaces/how-to/configure-cors/ */
  spaces: (args: RegionalPresetArgs): TargetArgs => target("spaces", args.bucket, { ...s3Fields(args), region: args.region }),
  /** OVHcloud Object Storage, S3 API (region such as `gra`). */
  ovh: (args: RegionalPresetArgs): TargetArgs => target("ovh", args.bucket, { ...s3Fields(args), region: args.region }),
  /** Exoscale SOS (zone such as `de-fra-1`). @see https://community.exoscale.com/documentation/storage/cors/ */
  exoscale: (args: S3PresetArgs & { readonly zone: pulumi.Input<string> }): TargetArgs =>
    target("exoscale", args.bucket, { ...s3Fields(args), region: args.zone }),
  /**
   * Ceph RGW, self-hosted: the endpoint is required. `version` (a release name such as `"reef"`, or `"18.2.4"`)
   * picks how RGW chooses the CORS rule: by origin alone up to 19.x squid and 20.2.2, like AWS since
   * ceph/ceph#69190; leave it out for a current release.
   */
  ceph: (
    args: S3PresetArgs & {
      readonly endpoint: pulumi.Input<string>;
      readonly region?: pulumi.Input<string> | undefined;
      readonly version?: CephVersion | undefined;
    },
  ): TargetArgs => target("ceph", args.bucket, { ...s3Fields(args), region: args.region, version: args.version }),
  /** Backblaze B2, S3 API (region such as `us-west-004`). @see https://www.backblaze.com/docs/cloud-storage-enable-cors-with-the-s3-compatible-api */
  b2: (args: RegionalPresetArgs): TargetArgs => target("b2", args.bucket, { ...s3Fields(args), region: args.region }),
  /** Wasabi (region such as `us-east-1`). @see https://docs.wasabi.com/docs/cross-origin-resource-sharing-cors */
  wasabi: (args: RegionalPresetArgs): TargetArgs => target("wasabi", args.bucket, { ...s3Fields(args), region: args.region }),
  /** Any other S3-compatible service: the endpoint is required; path-style unless told otherwise. */
  s3: (
    args: S3PresetArgs & {
      readonly endpoint: pulumi.Input<string>;
      readonly region?: pulumi.Input<string> | undefined;
      readonly forcePathStyle?: pulumi.Input<boolean> | undefined;
    },
  ): TargetArgs => target("s3", args.bucket, { ...s3Fields(args), region: args.region, forcePathStyle: args.forcePathStyle }),
  /**
   * versitygw, the self-hosted S3 gateway: the endpoint is required; path-style. `expect` and `verify` use its
   * own CORS answers (docs/cors-semantics.md, "16. versitygw"). @see https://github.com/versity/versitygw
   */
  versitygw: (args: S3PresetArgs & { readonly endpoint: pulumi.Input<string>; readonly region?: pulumi.Input<string> | undefined }): TargetArgs =>
    target("versitygw", args.bucket, { ...s3Fields(args), region: args.region }),
  /**
   * An OpenStack Swift container. Credentials from the environment: `OS_AUTH_TOKEN` + `OS_STORAGE_URL`,
   * or TempAuth `ST_AUTH`/`ST_USER`/`ST_KEY`, or Keystone v3 `OS_AUTH_URL`/`OS_USERNAME`/`OS_PASSWORD`/`OS_PROJECT_NAME`.
   * @see https://docs.openstack.org/swift/latest/cors.html
   */
  swift: (args: SwiftPresetArgs): TargetArgs => swiftTarget("swift", args),
  /**
   * A VNG Cloud vStorage container (Swift API, Keystone auth), region such as `hcm03`.
   * The storage URL is `https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId}` when `projectId` is given, else the catalog's.
   */
  vstorage: (args: KeystoneSwiftPresetArgs): TargetArgs => swiftTarget("vstorage", args),
  /** An OVHcloud Swift container (legacy Public Cloud Storage), region such as `gra`. Keystone auth like vStorage. */
  ovhSwift: (args: KeystoneSwiftPresetArgs): TargetArgs => swiftTarget("ovh-swift", args),
};
