import type { BackendKind, Dialect } from "./types";

/** What messages call the thing that holds the objects. */
export const STORAGE_NOUNS = ["bucket", "container"] as const;

/** One of {@link STORAGE_NOUNS}. */
export type StorageNoun = (typeof STORAGE_NOUNS)[number];

/** What differs between the two ways services store CORS. */
export interface BackendTraits {
  /** What the service calls the thing that holds the objects. */
  readonly noun: StorageNoun;
}

/** One row per backend kind (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html; https://docs.openstack.org/swift/latest/cors.html). */
export const BACKEND_TRAITS: Readonly<Record<BackendKind, BackendTraits>> = {
  s3: { noun: "bucket" },
  swift: { noun: "container" },
};

/**
 * How a server picks the rule that answers a request (docs/cors-semantics.md, "1. First full match"):
 * - `origin-method-headers`: the first rule matching origin, method and every requested header;
 * - `origin-method`: the first rule matching origin and method; headers are checked on that rule only;
 * - `origin`: the first rule whose origin matches, whatever the method;
 * - `single-rule`: there is one rule (Swift merges everything into one container setting).
 */
export const RULE_CHOICES = ["origin-method-headers", "origin-method", "origin", "single-rule"] as const;

/** One of {@link RULE_CHOICES}. */
export type RuleChoice = (typeof RULE_CHOICES)[number];

/** What differs between evaluator dialects, for code that reasons about rules without evaluating a request. */
export interface DialectTraits {
  /** How the answering rule is picked. */
  readonly ruleChoice: RuleChoice;
  /** Origin patterns match like Ceph RGW's (`*` spans anything, case-sensitive prefix/suffix) rather than AWS's single-wildcard match. */
  readonly cephOriginMatch: boolean;
  /** A specific origin is answered with `Access-Control-Allow-Credentials: true` (docs/cors-semantics.md, "4. Allow-Credentials"). */
  readonly sendsCredentials: boolean;
  /**
   * The first AllowedOrigin entry that matches decides between `*` and the echoed origin (versitygw,
   * docs/cors-semantics.md, "16. versitygw"); otherwise a rule listing `*` answers `*` (section 3).
   */
  readonly firstOriginEntryDecides: boolean;
  /** Where the facts come from. */
  readonly source: string;
}

/** One row per dialect. */
export const DIALECT_TRAITS: Readonly<Record<Dialect, DialectTraits>> = {
  aws: {
    ruleChoice: "origin-method-headers",
    cephOriginMatch: false,
    sendsCredentials: true,
    firstOriginEntryDecides: false,
    source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html",
  },
  r2: {
    ruleChoice: "origin-method-headers",
    cephOriginMatch: false,
    sendsCredentials: true,
    firstOriginEntryDecides: false,
    source: "https://developers.cloudflare.com/r2/buckets/cors/",
  },
  ceph: {
    ruleChoice: "origin-method-headers",
    cephOriginMatch: true,
    sendsCredentials: false,
    firstOriginEntryDecides: false,
    source: "ceph/ceph#69190 (RGWCORSConfiguration::match_rule: the first rule matching origin, method and every requested header)",
  },
  "ceph-legacy": {
    ruleChoice: "origin",
    cephOriginMatch: true,
    sendsCredentials: false,
    firstOriginEntryDecides: false,
    source: 'ceph/ceph#69190 (RGW chose the rule by origin alone before it); docs/cors-semantics.md, "13. Ceph RGW"',
  },
  s3rver: {
    ruleChoice: "origin-method",
    cephOriginMatch: false,
    sendsCredentials: true,
    firstOriginEntryDecides: false,
    source: 'docs/cors-semantics.md, "14. s3rver" (picks on origin and method, then checks headers on that rule only)',
  },
  swift: {
    ruleChoice: "single-rule",
    cephOriginMatch: false,
    sendsCredentials: false,
    firstOriginEntryDecides: false,
    source: "https://docs.openstack.org/swift/latest/cors.html",
  },
  versitygw: {
    ruleChoice: "origin-method-headers",
    cephOriginMatch: false,
    sendsCredentials: true,
    firstOriginEntryDecides: true,
    source: "versity/versitygw@v1.8.0 auth/bucket_cors.go (CORSConfiguration.IsAllowed: the first rule matching origin, method and every requested header)",
  },
};
