import type { TargetInput } from "../provider/targets/types";

/** Names of environment variables holding S3 credentials, read at operation time (never the values themselves). */
export interface CredentialEnvNames {
  /** Variable holding the access key id, e.g. `"R2_ACCESS_KEY_ID"`. */
  readonly accessKeyIdEnv?: string;
  /** Variable holding the secret access key, e.g. `"R2_SECRET_ACCESS_KEY"`. */
  readonly secretAccessKeyEnv?: string;
  /** Variable holding a session token, for temporary credentials. */
  readonly sessionTokenEnv?: string;
}

/** Fields every S3 preset takes. */
export interface S3PresetArgs {
  /** Bucket name. */
  readonly bucket: string;
  /**
   * Where credentials come from.
   * @default provider config `bucket-cors:accessKeyId`/`bucket-cors:secretAccessKey`, else the AWS default chain (`AWS_ACCESS_KEY_ID`...)
   */
  readonly credentials?: CredentialEnvNames;
  /** Endpoint URL, overriding the vendor's. @default the vendor's endpoint for the region */
  readonly endpoint?: string;
}

/** A preset whose endpoint depends on a region. */
export interface RegionalPresetArgs extends S3PresetArgs {
  /** Region (e.g. `eu-west-1`, `nyc3`, `de-fra-1`). */
  readonly region: string;
}

function target(profile: TargetInput["profile"], args: S3PresetArgs & { region?: string }, extra: Partial<TargetInput> = {}): TargetInput {
  const out: Record<string, unknown> = { profile, bucket: args.bucket, ...extra };
  if (args.region !== undefined) out["region"] = args.region;
  if (args.endpoint !== undefined) out["endpoint"] = args.endpoint;
  if (args.credentials !== undefined) out["credentials"] = { ...args.credentials };
  return out as unknown as TargetInput;
}

/** Fields every Swift preset takes. Credentials come from the environment at operation time. */
export interface SwiftPresetArgs {
  /** Container name. */
  readonly container: string;
  /**
   * Storage URL (`https://…/v1/AUTH_<project>`), overriding the one the auth response or catalog gives.
   * @default the storage URL from TempAuth (`X-Storage-Url`) or the Keystone catalog's public object-store endpoint
   */
  readonly endpoint?: string;
}

function swiftTarget(profile: "swift" | "vstorage" | "ovh-swift", args: SwiftPresetArgs & { region?: string; projectId?: string }): TargetInput {
  const out: Record<string, unknown> = { profile, bucket: args.container };
  if (args.endpoint !== undefined) out["endpoint"] = args.endpoint;
  if (args.region !== undefined) out["region"] = args.region;
  if (args.projectId !== undefined) out["projectId"] = args.projectId;
  return out as unknown as TargetInput;
}

/**
 * Presets that build a target (plain data, safe to store in state). Each names
 * the vendor profile whose limits and quirks apply.
 */
export const targets = {
  /** Amazon S3. @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html */
  aws: (args: RegionalPresetArgs): TargetInput => target("aws", args),
  /**
   * Cloudflare R2, through its S3 API. The jurisdiction picks the endpoint host.
   * @see https://developers.cloudflare.com/r2/buckets/cors/
   */
  r2: (args: S3PresetArgs & { readonly accountId: string; readonly jurisdiction?: "default" | "eu" | "fedramp" | "us" }): TargetInput =>
    target("r2", args, { accountId: args.accountId, ...(args.jurisdiction === undefined ? {} : { jurisdiction: args.jurisdiction }) }),
  /** DigitalOcean Spaces (region such as `nyc3`). @see https://docs.digitalocean.com/products/spaces/how-to/configure-cors/ */
  spaces: (args: RegionalPresetArgs): TargetInput => target("spaces", args),
  /** OVHcloud Object Storage, S3 API (region such as `gra`). */
  ovh: (args: RegionalPresetArgs): TargetInput => target("ovh", args),
  /** Exoscale SOS (zone such as `de-fra-1`). @see https://community.exoscale.com/documentation/storage/cors/ */
  exoscale: (args: S3PresetArgs & { readonly zone: string }): TargetInput => target("exoscale", { ...args, region: args.zone }),
  /** Ceph RGW, self-hosted: the endpoint is required. */
  ceph: (args: S3PresetArgs & { readonly endpoint: string; readonly region?: string }): TargetInput => target("ceph", args),
  /** Backblaze B2, S3 API (region such as `us-west-004`). @see https://www.backblaze.com/docs/cloud-storage-enable-cors-with-the-s3-compatible-api */
  b2: (args: RegionalPresetArgs): TargetInput => target("b2", args),
  /** Wasabi (region such as `us-east-1`). @see https://docs.wasabi.com/docs/cross-origin-resource-sharing-cors */
  wasabi: (args: RegionalPresetArgs): TargetInput => target("wasabi", args),
  /** Any other S3-compatible service: the endpoint is required; path-style unless told otherwise. */
  s3: (args: S3PresetArgs & { readonly endpoint: string; readonly region?: string; readonly forcePathStyle?: boolean }): TargetInput =>
    target("s3", args, args.forcePathStyle === undefined ? {} : { forcePathStyle: args.forcePathStyle }),
  /**
   * An OpenStack Swift container. Credentials from the environment: `OS_AUTH_TOKEN` + `OS_STORAGE_URL`,
   * or TempAuth `ST_AUTH`/`ST_USER`/`ST_KEY`, or Keystone v3 `OS_AUTH_URL`/`OS_USERNAME`/`OS_PASSWORD`/`OS_PROJECT_NAME`.
   * @see https://docs.openstack.org/swift/latest/cors.html
   */
  swift: (args: SwiftPresetArgs): TargetInput => swiftTarget("swift", args),
  /**
   * A VNG Cloud vStorage container (Swift API, Keystone auth), region such as `hcm03`.
   * The storage URL is `https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId}` when `projectId` is given, else the catalog's.
   */
  vstorage: (args: SwiftPresetArgs & { readonly region: string; readonly projectId?: string }): TargetInput => swiftTarget("vstorage", args),
  /** An OVHcloud Swift container (legacy Public Cloud Storage), region such as `gra`. Keystone auth like vStorage. */
  ovhSwift: (args: SwiftPresetArgs & { readonly region: string; readonly projectId?: string }): TargetInput => swiftTarget("ovh-swift", args),
};
