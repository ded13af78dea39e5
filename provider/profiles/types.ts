import type { CorsMethod } from "../model/methods";
import type { CorsConfigurationInput } from "../model/types";

/** Every vendor profile we know, one row each in `table.ts`. */
export const PROFILE_NAMES = [
  "aws",
  "r2",
  "spaces",
  "ovh",
  "exoscale",
  "ceph",
  "b2",
  "wasabi",
  "minio",
  "s3",
  "swift",
  "vstorage",
  "ovh-swift",
  "versitygw",
] as const;

/** Name of a vendor profile. */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * One vendor fact with where it comes from. `source` is a link (or a repo
 * path/issue) a reader can open; `uncertain` marks weak or dated evidence
 * (docs/vendors.md, "Confidence marks"): test before relying on it.
 */
export interface Fact<T> {
  readonly value: T;
  readonly source: string;
  readonly uncertain?: boolean;
  /** For an uncertain fact: what would settle it (a live call, a page, a release note). */
  readonly settle?: string;
}

/** How the service stores CORS: the S3 `?cors` API, or Swift container metadata. */
export const BACKEND_KINDS = ["s3", "swift"] as const;

/** One of {@link BACKEND_KINDS}. */
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** How requests name the bucket: in the host (`bucket.s3.amazonaws.com`) or the path (`host/bucket`). */
export const ADDRESSING_STYLES = ["virtual-hosted", "path"] as const;

/** One of {@link ADDRESSING_STYLES}. */
export type AddressingStyle = (typeof ADDRESSING_STYLES)[number];

/**
 * Where a `*` may appear in an origin:
 * - `one-anywhere`: at most one `*` anywhere (AWS: `AllowedOrigin "*example*.com" can not have more than one wildcard.`);
 * - `one-in-host`: at most one `*`, in the host, never in the port (B2: "a single '*' as part of the domain name";
 *   R2 answers `http://localhost:*` with 400 MalformedXML);
 * - `hostname-prefix`: `*` alone, or as the first label of the host (`https://*.example.com`);
 * - `whole-value`: only a bare `*` (Swift, OVH Swift).
 */
export const ORIGIN_WILDCARD_RULES = ["one-anywhere", "one-in-host", "hostname-prefix", "whole-value"] as const;

/** One of {@link ORIGIN_WILDCARD_RULES}. */
export type OriginWildcardRule = (typeof ORIGIN_WILDCARD_RULES)[number];

/**
 * Where a `*` may appear in an allowed header:
 * - `one-anywhere`: at most one `*` per header (AWS `x-amz-*`);
 * - `prefix-only`: `*` only as the last character (Exoscale `Content-*`);
 * - `not-applicable`: the service has no allowed-headers setting (Swift allows every requested header).
 */
export const HEADER_WILDCARD_RULES = ["one-anywhere", "prefix-only", "not-applicable"] as const;

/** One of {@link HEADER_WILDCARD_RULES}. */
export type HeaderWildcardRule = (typeof HEADER_WILDCARD_RULES)[number];

/**
 * What reading the CORS config of a bucket without one returns:
 * - `not-found`: 404 NoSuchCORSConfiguration;
 * - `default-config`: the service's own default rules come back (Wasabi);
 * - `no-metadata`: Swift: the metadata headers are simply absent.
 */
export const NO_CONFIG_BEHAVIOURS = ["not-found", "default-config", "no-metadata"] as const;

/** One of {@link NO_CONFIG_BEHAVIOURS}. */
export type NoConfigBehaviour = (typeof NO_CONFIG_BEHAVIOURS)[number];

/**
 * The evaluator dialects: whose preflight answers a service reproduces (s3rver is the test server's own).
 * `ceph` is RGW with AWS-like rule matching (ceph/ceph#69190); `ceph-legacy` is RGW choosing the rule
 * by origin alone (up to 19.x squid, and 20.2.0–20.2.2), as the Ceph 16.2 here does. `versitygw` is AWS's
 * rule search with versitygw 1.8's own refusals and headers (docs/cors-semantics.md, "16. versitygw").
 */
export const DIALECTS = ["aws", "r2", "ceph", "ceph-legacy", "s3rver", "swift", "versitygw"] as const;

/** One of {@link DIALECTS}. */
export type Dialect = (typeof DIALECTS)[number];

/** One row of the vendor table: everything code may ask about a vendor. */
export interface Profile {
  readonly name: ProfileName;
  /** Human name used in messages, e.g. "Cloudflare R2". */
  readonly title: string;
  readonly backend: Fact<BackendKind>;
  /**
   * Endpoint template with `{placeholders}` (`{region}`, `{accountId}`, `{jurisdiction}`...);
   * `null` when the user must always give an endpoint (generic S3, self-hosted Ceph).
   */
  readonly endpoint: Fact<string | null>;
  /** Default region when the target gives none (`auto` for R2). */
  readonly defaultRegion: Fact<string | null>;
  /** S3 addressing style (`path` also for Swift, whose URLs are always path-based). */
  readonly addressing: Fact<AddressingStyle>;
  /**
   * The AWS SDK computes the endpoint from the region itself (the legacy
   * us-east-1 host, FIPS and dual-stack variants): `endpoint` is documentation
   * only and targets without one leave the SDK to choose.
   * @default - absent: the endpoint is `endpoint` filled from the target
   */
  readonly sdkResolvesEndpoint?: Fact<boolean>;
  /**
   * Bucket names are unique across the whole service, so a bucket's identity
   * is its name alone (no account, region or endpoint in it).
   * @default - absent: names are unique per account, region or endpoint
   */
  readonly globalBucketNames?: Fact<boolean>;
  /** Methods the service accepts in a rule. */
  readonly methods: Fact<readonly CorsMethod[]>;
  readonly originWildcard: Fact<OriginWildcardRule>;
  readonly headerWildcard: Fact<HeaderWildcardRule>;
  readonly limits: {
    /** Most rules in one configuration; `null` when not documented. */
    readonly maxRules: Fact<number | null>;
    /** Most bytes of the rendered document (S3 XML or Swift header value); `null` when not documented. */
    readonly maxDocumentBytes: Fact<number | null>;
    /** Highest MaxAgeSeconds accepted; `null` when there is no documented maximum. */
    readonly maxAgeSeconds: Fact<number | null>;
    /**
     * Highest MaxAgeSeconds the service keeps: a larger one is accepted and silently dropped
     * (Ceph RGW stores it in a uint32), so browsers fall back to their 5 s default.
     * @default - absent: what is accepted is kept
     */
    readonly maxAgeKept?: Fact<number>;
  };
  readonly supports: {
    /** The service has per-bucket (per-container) CORS at all. */
    readonly perBucketCors: Fact<boolean>;
    /** Rule IDs are stored and read back. */
    readonly ruleIds: Fact<boolean>;
    /** ExposeHeaders are honoured. */
    readonly exposeHeaders: Fact<boolean>;
    /** Several rules with different settings (false: one implicit rule per container). */
    readonly multipleRules: Fact<boolean>;
    /** Methods can be restricted per rule (false: every method the resource supports is allowed). */
    readonly perRuleMethods: Fact<boolean>;
    /** Allowed request headers can be restricted per rule (false: every requested header is allowed). */
    readonly perRuleHeaders: Fact<boolean>;
  };
  /**
   * What a rule ID must look like beyond AWS's 255 characters (B2 rule names: 6 to 50 letters,
   * digits and "-", not starting with "b2-"), as a description and a pattern.
   * @default - absent: any ID of up to 255 characters
   */
  readonly ruleIdFormat?: Fact<{ readonly pattern: string; readonly description: string }>;
  /**
   * A bare `*` must be the only entry of its list (AllowedOrigins, AllowedHeaders): B2's
   * "If any entry is "*", it must be the only entry".
   * @default - absent: `*` may stand next to other entries
   */
  readonly wildcardEntryAlone?: Fact<boolean>;
  readonly noConfigReadsAs: Fact<NoConfigBehaviour>;
  /**
   * When `noConfigReadsAs` is `default-config`: the configurations the service reads back for a
   * bucket without one of its own. A read equal to one of them (normalized) means "no
   * configuration" to create, refresh and delete (backends/no-config.ts).
   * @default - absent: the service has no default configuration
   */
  readonly defaultConfigs?: Fact<readonly CorsConfigurationInput[]>;
  /** Seconds a change may take before every edge serves it. */
  readonly propagationSeconds: Fact<number>;
  /** Rewrites the server applies to a stored config, as read back (absorbed by normalization). */
  readonly rewrites: Fact<readonly string[]>;
  /**
   * The native API keeps its own CORS rules in the same list the S3 API writes, so a PutBucketCors
   * replaces them too (Backblaze B2's `b2_*` rules). Lint warns on such targets.
   * @default - no native rules (the S3 API's configuration is the bucket's only one)
   */
  readonly s3WriteReplacesNativeRules?: Fact<boolean>;
  /**
   * Keep-alive connections are worth reusing. False where the server leaves Nagle's algorithm on
   * and writes a response's headers and body apart (Ceph RGW's beast frontend by default): on a
   * reused connection each body then waits for the client's delayed ACK, so every request after
   * the first takes a fresh connection, whose first segments Linux acknowledges at once.
   * @default - absent: connections are reused (keep-alive)
   */
  readonly reuseConnections?: Fact<boolean>;
  /** Evaluator dialect for `expect` and `explain`. */
  readonly dialect: Fact<Dialect>;
  /**
   * When `supports.perBucketCors` is false: what to do instead, quoted in the
   * validation error (MinIO community: the global `MINIO_API_CORS_ALLOW_ORIGIN`).
   */
  readonly alternative?: Fact<string>;
}
