import { CORS_METHODS, type CorsMethod } from "../model/methods";
import type { Fact, Profile, ProfileName } from "./types";

/**
 * The vendor table: one row per profile, every fact with the link it comes from
 * (docs/vendors.md, docs/test-servers.md). Built by a function and kept to plain
 * data, because a module-level schema or class instance reached from the
 * provider breaks Pulumi's closure serialization (pulumi/pulumi#5294).
 * Each call returns a fresh table.
 */
export function profileTable(): Record<ProfileName, Profile> {
  return {
    aws: aws(),
    r2: r2(),
    spaces: spaces(),
    ovh: ovh(),
    exoscale: exoscale(),
    ceph: ceph(),
    b2: b2(),
    wasabi: wasabi(),
    minio: minio(),
    s3: genericS3(),
    swift: swift(),
    vstorage: vstorage(),
    "ovh-swift": ovhSwift(),
    versitygw: versitygw(),
  };
}

/** The facts of a row other than its identity, where it lives (endpoint, region, addressing) and its alternative. */
type Rules = Omit<Profile, "name" | "title" | "endpoint" | "defaultRegion" | "addressing" | "sdkResolvesEndpoint" | "globalBucketNames" | "alternative">;

function fact<T>(value: T, source: string): Fact<T> {
  return { value, source };
}

/**
 * A fact from weak or dated evidence (docs/vendors.md, "Confidence marks"): test before relying on it.
 * `settle` says what would settle it (a live call, a page, a release note).
 */
function weak<T>(value: T, source: string, settle: string): Fact<T> {
  return { value, source, uncertain: true, settle };
}

/** The same value, marked uncertain, with a note saying why it is carried over and what would settle it. */
function assumed<T>(from: Fact<T>, note: string, settle: string): Fact<T> {
  return weak(from.value, `${from.source} (${note})`, settle);
}

function allMethods(): CorsMethod[] {
  return [...CORS_METHODS];
}

const AWS_CORS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html";
const AWS_RULE = "https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html";

/** AWS S3's own rules: the baseline for every S3-compatible row. */
function awsRules(): Rules {
  return {
    backend: fact("s3", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html"),
    methods: fact(allMethods(), AWS_RULE),
    originWildcard: fact(
      "one-anywhere",
      `${AWS_CORS}; error text "AllowedOrigin \\"*example*.com\\" can not have more than one wildcard." quoted in versity/versitygw#1870`,
    ),
    headerWildcard: fact("one-anywhere", `${AWS_CORS} (each AllowedHeader may contain one "*", e.g. x-amz-*)`),
    limits: {
      maxRules: fact(100, AWS_CORS),
      maxDocumentBytes: fact(65536, 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html ("limited to 64 KB")'),
      maxAgeSeconds: fact(null, `${AWS_RULE} (an integer, no documented maximum)`),
    },
    supports: {
      perBucketCors: fact(true, AWS_CORS),
      ruleIds: fact(true, `${AWS_RULE} (ID, up to 255 characters)`),
      exposeHeaders: fact(true, AWS_RULE),
      multipleRules: fact(true, AWS_CORS),
      perRuleMethods: fact(true, AWS_RULE),
      perRuleHeaders: fact(true, AWS_RULE),
    },
    noConfigReadsAs: fact("not-found", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketCors.html (NoSuchCORSConfiguration)"),
    // Not documented; Terraform re-reads after a put because a GetBucketCors right after may still show the old rules.
    propagationSeconds: weak(
      5,
      "hashicorp/terraform-provider-aws@internal/service/s3/bucket_cors_configuration.go (retries the read after put)",
      "timing GetBucketCors and preflights right after PutBucketCors",
    ),
    rewrites: fact([], "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketCors.html (returns the rules as stored)"),
    dialect: fact("aws", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html (first rule matching origin, method and every requested header)"),
  };
}

/**
 * The AWS rules for a service whose own documentation says nothing about them:
 * same values, marked uncertain, each source saying it is the AWS rule.
 */
function awsAssumed(vendor: string): Rules {
  const a = awsRules();
  const note = "AWS rule, assumed: this service documents nothing else";
  const settle = `PutBucketCors, GetBucketCors and preflights against a real ${vendor} bucket`;
  return {
    backend: a.backend,
    methods: assumed(a.methods, note, settle),
    originWildcard: assumed(a.originWildcard, note, settle),
    headerWildcard: assumed(a.headerWildcard, note, settle),
    limits: {
      maxRules: assumed(a.limits.maxRules, note, settle),
      maxDocumentBytes: assumed(a.limits.maxDocumentBytes, note, settle),
      maxAgeSeconds: assumed(a.limits.maxAgeSeconds, note, settle),
    },
    supports: {
      perBucketCors: assumed(a.supports.perBucketCors, note, settle),
      ruleIds: assumed(a.supports.ruleIds, note, settle),
      exposeHeaders: assumed(a.supports.exposeHeaders, note, settle),
      multipleRules: assumed(a.supports.multipleRules, note, settle),
      perRuleMethods: assumed(a.supports.perRuleMethods, note, settle),
      perRuleHeaders: assumed(a.supports.perRuleHeaders, note, settle),
    },
    noConfigReadsAs: assumed(a.noConfigReadsAs, note, settle),
    propagationSeconds: assumed(a.propagationSeconds, note, settle),
    rewrites: assumed(a.rewrites, note, settle),
    dialect: assumed(a.dialect, note, settle),
  };
}

function aws(): Profile {
  return {
    name: "aws",
    title: "Amazon S3",
    endpoint: fact("https://s3.{region}.amazonaws.com", "https://docs.aws.amazon.com/general/latest/gr/s3.html"),
    defaultRegion: fact("us-east-1", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html (no LocationConstraint means us-east-1)"),
    // AWS is retiring path-style requests; virtual-hosted is the documented form.
    addressing: fact("virtual-hosted", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html"),
    sdkResolvesEndpoint: fact(
      true,
      "https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html (the SDK resolves the S3 endpoint from region, FIPS and dual-stack settings)",
    ),
    globalBucketNames: fact(
      true,
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (bucket names are unique across all AWS accounts in a partition)",
    ),
    ...awsRules(),
  };
}

const R2_CORS = "https://developers.cloudflare.com/r2/buckets/cors/";
const R2_S3 = "https://developers.cloudflare.com/r2/api/s3/api/";
const R2_API = "https://developers.cloudflare.com/api/resources/r2/subresources/buckets/subresources/cors/methods/update/";

function r2(): Profile {
  return {
    name: "r2",
    title: "Cloudflare R2",
    backend: fact("s3", `${R2_S3} (PutBucketCors, GetBucketCors, DeleteBucketCors supported)`),
    // Jurisdiction buckets live on https://{accountId}.{jurisdiction}.r2.cloudflarestorage.com; targets/endpoint.ts inserts the jurisdiction label.
    endpoint: fact(
      "https://{accountId}.r2.cloudflarestorage.com",
      `${R2_S3}; jurisdiction variant https://{accountId}.{jurisdiction}.r2.cloudflarestorage.com (https://developers.cloudflare.com/r2/reference/data-location/#jurisdictional-restrictions)`,
    ),
    defaultRegion: fact("auto", `${R2_S3}#bucket-region (region "auto"; us-east-1 and empty alias to it)`),
    // Path-style keeps one host per account (and per jurisdiction) for every bucket name,
    // so TLS and DNS never depend on the bucket; R2 answers virtual-hosted requests too.
    addressing: fact("path", `${R2_S3} (both addressing styles accepted)`),
    methods: fact(allMethods(), `${R2_API} (AllowedMethods enum GET, PUT, POST, DELETE, HEAD)`),
    // One "*" in the host (a whole label or part of one); a "*" port is refused. A "*" scheme is no valid origin anyway.
    // Uncertain: one user's test, and a docs change still open; settled when cloudflare/cloudflare-docs#33226 is merged.
    originWildcard: weak(
      "one-in-host",
      "cloudflare/cloudflare-docs#32888 (docs say exact match, yet https://*-myapp.<sub>.workers.dev and https://*.<sub>.workers.dev are accepted and matched; http://localhost:* is rejected with 400 MalformedXML); cloudflare/cloudflare-docs#33226 (open: documents one wildcard per origin, ports listed explicitly)",
      "cloudflare/cloudflare-docs#33226 merged, or PutBucketCors with a port and a scheme wildcard on a real bucket",
    ),
    headerWildcard: weak(
      "one-anywhere",
      `${R2_CORS} (AllowedHeaders "*" reported rejected in 2022, used without error in cloudflare/terraform-provider-cloudflare#5607)`,
      'PutBucketCors with AllowedHeaders ["*"] and ["x-*"] on a real bucket, then a preflight asking for a custom header',
    ),
    limits: {
      maxRules: weak(
        null,
        "https://developers.cloudflare.com/r2/platform/limits/ (no CORS rule count listed)",
        "PutBucketCors with 101 rules on a real bucket",
      ),
      maxDocumentBytes: weak(
        null,
        "https://developers.cloudflare.com/r2/platform/limits/ (no CORS document size listed)",
        "PutBucketCors with a document above 64 KB on a real bucket",
      ),
      maxAgeSeconds: fact(86400, `${R2_CORS} (MaxAgeSeconds at most 86400; browsers may cap it at 2 hours)`),
    },
    supports: {
      perBucketCors: fact(true, R2_CORS),
      ruleIds: weak(
        true,
        `${R2_API} (rules[].id in the Cloudflare API; read-back over the S3 API not verified)`,
        "GetBucketCors after a PutBucketCors with IDs",
      ),
      exposeHeaders: fact(true, R2_CORS),
      multipleRules: fact(true, R2_CORS),
      perRuleMethods: fact(true, R2_CORS),
      perRuleHeaders: fact(true, R2_CORS),
    },
    noConfigReadsAs: weak("not-found", `${R2_S3} (NoSuchCORSConfiguration presumed; the Cloudflare API answers 404)`, "GetBucketCors on a new bucket"),
    propagationSeconds: fact(30, `${R2_CORS} ("CORS rule propagation can, in rare cases, take up to 30 seconds")`),
    rewrites: weak(
      [],
      `${R2_CORS} (no read-back rewrites reported; untested)`,
      "GetBucketCors after a PutBucketCors with unsorted, duplicated and lower-case values",
    ),
    dialect: fact("r2", `${R2_CORS}; cloudflare/cloudflare-docs#32888 (partial origin wildcards match)`),
  };
}

const DO_CORS = "https://docs.digitalocean.com/products/spaces/how-to/configure-cors/";
const DO_TF = "digitalocean/terraform-provider-digitalocean@digitalocean/spaces/resource_spaces_bucket_cors_configuration.go";

function spaces(): Profile {
  const a = awsAssumed("DigitalOcean Spaces");
  return {
    ...a,
    name: "spaces",
    title: "DigitalOcean Spaces",
    backend: fact("s3", "https://docs.digitalocean.com/products/spaces/how-to/use-aws-sdks/"),
    endpoint: fact("https://{region}.digitaloceanspaces.com", "https://docs.digitalocean.com/products/spaces/how-to/use-aws-sdks/"),
    defaultRegion: fact(null, "https://docs.digitalocean.com/products/spaces/how-to/use-aws-sdks/ (each Space lives in a named region, e.g. nyc3)"),
    addressing: fact("virtual-hosted", "https://docs.digitalocean.com/products/spaces/how-to/use-aws-sdks/ (BUCKET.REGION.digitaloceanspaces.com)"),
    methods: fact(allMethods(), DO_CORS),
    originWildcard: fact("hostname-prefix", `${DO_CORS} (a wildcard only at the start of the hostname, https://*.example.com)`),
    limits: { ...a.limits, maxRules: fact(100, `${DO_TF} (cors_rule MaxItems 100)`) },
    supports: {
      ...a.supports,
      perBucketCors: fact(true, DO_CORS),
      ruleIds: weak(true, `${DO_TF} (id in the schema; not in DO's CORS docs)`, "GetBucketCors after a PutBucketCors with IDs"),
      exposeHeaders: weak(
        true,
        "digitalocean/terraform-provider-digitalocean#322 (left out in 2019 as undocumented; in the schema since, never confirmed honoured)",
        "a GET with an Origin on a real Space, looking for Access-Control-Expose-Headers",
      ),
    },
    noConfigReadsAs: weak("not-found", `${DO_TF} (Read fails when no configuration exists; inferred)`, "GetBucketCors on a new Space"),
    propagationSeconds: weak(
      5,
      "digitalocean/terraform-provider-digitalocean#1129 (updated origins reported as not taking effect)",
      "timing preflights after PutBucketCors on a real Space",
    ),
  };
}

const OVH_S3_CORS = "https://help.ovhcloud.com/csm/pt-public-cloud-storage-s3-cors?id=kb_article_view&sysparm_article=KB0058281";

function ovh(): Profile {
  const a = awsAssumed("OVHcloud");
  return {
    ...a,
    name: "ovh",
    title: "OVHcloud Object Storage",
    backend: fact("s3", OVH_S3_CORS),
    endpoint: fact("https://s3.{region}.io.cloud.ovh.net", "ovh/docs@pages/storage_and_backup/object_storage/s3_location/guide.en-gb.md"),
    defaultRegion: fact(null, "ovh/docs@pages/storage_and_backup/object_storage/s3_location/guide.en-gb.md (one endpoint per region, e.g. gra)"),
    // Path-style works for every bucket name, dots included, under the regional certificate.
    addressing: weak("path", "ovh/docs@pages/storage_and_backup/object_storage/s3_location/guide.en-gb.md", "a path-style PutBucketCors on a real bucket"),
    supports: {
      ...a.supports,
      perBucketCors: fact(true, OVH_S3_CORS),
      multipleRules: fact(true, OVH_S3_CORS),
      // Closed without a statement that it was fixed: keep warning about IDs.
      ruleIds: weak(
        false,
        "ovh/public-cloud-roadmap#457 (rules with ID and several origins rejected with MalformedXML; closed)",
        "PutBucketCors of a rule with an ID and two origins on a real bucket",
      ),
    },
    dialect: weak(
      "aws",
      `${OVH_S3_CORS} (describes AWS matching: origin, method, then every requested header)`,
      "preflights against two rules sharing an origin on a real bucket",
    ),
  };
}

const EXO_CORS = "https://community.exoscale.com/documentation/storage/cors/";

function exoscale(): Profile {
  const a = awsAssumed("Exoscale SOS");
  return {
    ...a,
    name: "exoscale",
    title: "Exoscale SOS",
    backend: fact("s3", EXO_CORS),
    endpoint: fact("https://sos-{region}.exo.io", "https://community.exoscale.com/documentation/storage/ (zone endpoints such as sos-ch-gva-2.exo.io)"),
    defaultRegion: fact(null, "https://community.exoscale.com/documentation/storage/ (one endpoint per zone)"),
    addressing: weak("path", "https://community.exoscale.com/documentation/storage/", "a path-style PutBucketCors on a real bucket"),
    methods: fact(allMethods(), `${EXO_CORS} (HEAD, GET, POST, PUT, DELETE; an older page lacks DELETE)`),
    originWildcard: weak(
      "one-anywhere",
      `${EXO_CORS} ("*" allowed in origins; its position is not documented)`,
      "PutBucketCors with *.example.com, *-app.example.com and a port wildcard on a real bucket",
    ),
    headerWildcard: fact("prefix-only", `${EXO_CORS} (header wildcards are prefix matches, e.g. Content-*); exoscale/pithos#74`),
    supports: {
      ...a.supports,
      perBucketCors: fact(true, EXO_CORS),
      multipleRules: fact(true, EXO_CORS),
      exposeHeaders: weak(
        true,
        `${EXO_CORS} (ExposeHeader called "a comma-separated list"; semantics untested)`,
        "a GET with an Origin on a real bucket, looking for Access-Control-Expose-Headers",
      ),
    },
  };
}

const CEPH_CORS_H = "ceph/ceph@src/rgw/rgw_cors.h";

function ceph(): Profile {
  return {
    name: "ceph",
    title: "Ceph RGW",
    backend: fact("s3", "https://docs.ceph.com/en/latest/radosgw/s3/"),
    endpoint: fact(null, "https://docs.ceph.com/en/latest/radosgw/s3/ (self-hosted: the operator's URL)"),
    defaultRegion: fact(null, "https://docs.ceph.com/en/latest/radosgw/multisite/ (zonegroup names are chosen by the operator)"),
    // Virtual-hosted buckets need rgw_dns_name and wildcard DNS, which most deployments lack.
    addressing: fact("path", "https://docs.ceph.com/en/latest/radosgw/s3/commons/#bucket-and-host-name"),
    methods: fact(allMethods(), `${CEPH_CORS_H} (RGW_CORS_* method bits; PATCH rejected with MalformedXML)`),
    originWildcard: fact("one-anywhere", 'ceph/ceph@src/rgw/rgw_cors_s3.cc (two "*" in one origin rejected with MalformedXML)'),
    headerWildcard: weak("one-anywhere", "ceph/ceph@src/rgw/rgw_cors_s3.cc", "PutBucketCors with a two-wildcard AllowedHeader on the RGW here"),
    limits: {
      maxRules: fact(
        100,
        "ceph/ceph@src/rgw/rgw_rest_s3.cc (RGWPutCORS_ObjStore_S3::get_params: rgw_cors_rules_max_num, default 100; 101 rules → 400 InvalidRequest)",
      ),
      maxDocumentBytes: fact(null, "ceph/ceph@src/rgw/rgw_rest_s3.cc (bounded only by rgw_max_put_param_size, an operator setting)"),
      maxAgeSeconds: fact(null, `${CEPH_CORS_H} (uint32 max_age; out-of-range values are accepted and dropped, not rejected)`),
      // 0xffffffff is RGW's "unset" marker (CEPH_MAX_AGE_INVALID in evaluate/ceph-headers.ts); observed on 16.2.15.
      // Above it validation refuses: the bucket would hold other rules than written (issue 23, item 9).
      maxAgeKept: fact(
        4294967294,
        `${CEPH_CORS_H} (uint32 max_age, CORS_MAX_AGE_INVALID = 0xffffffff: 99999999999 was accepted and never served); measured on RGW 16.2.15: PutBucketCors with MaxAgeSeconds 4294967296 answers 200 and GetBucketCors reads the rule back without it, 1e+308 answers 400 MalformedXML (tests/engine/rgw-rewrites.test.ts)`,
      ),
    },
    supports: {
      perBucketCors: fact(true, "https://docs.ceph.com/en/latest/radosgw/s3/bucketops/"),
      ruleIds: fact(true, `${CEPH_CORS_H} (RGWCORSRule::id)`),
      exposeHeaders: fact(true, `${CEPH_CORS_H} (exposable_hdrs)`),
      multipleRules: fact(true, CEPH_CORS_H),
      perRuleMethods: fact(true, CEPH_CORS_H),
      perRuleHeaders: fact(true, CEPH_CORS_H),
    },
    noConfigReadsAs: fact("not-found", 'ceph/ceph#19104 (NoSuchCORSConfiguration; older builds said "Not Found")'),
    // One RGW applies a put at once; multisite zones sync bucket metadata asynchronously.
    propagationSeconds: weak(2, "https://docs.ceph.com/en/latest/radosgw/multisite/", "timing preflights on a secondary zone after a put on the master"),
    rewrites: fact(
      [
        "origins de-duplicated and sorted",
        "allowed headers sorted byte-wise",
        "methods de-duplicated and re-ordered (PUT,GET,GET reads back as GET,PUT); lower-case methods stored upper-case",
        "MaxAgeSeconds out of range (negative, or above 32 bits) accepted and dropped",
      ],
      `${CEPH_CORS_H} (std::set for origins and headers, a bit mask for methods, uint32 max_age)`,
    ),
    reuseConnections: fact(
      false,
      "https://docs.ceph.com/en/latest/radosgw/frontends/ (beast option tcp_nodelay, default 0: Nagle's algorithm on); measured on RGW 16.2.15 (docs/vendors.md, Ceph RGW): on a reused keep-alive connection each GetBucketCors body came 38–48 ms after its headers, on a fresh connection or with tcp_nodelay=1 within 1.5 ms",
    ),
    // The newer generation by default; `targets.ceph({ version })` picks `ceph-legacy` for older releases (profiles/ceph-versions.ts).
    dialect: fact(
      "ceph",
      "ceph/ceph#69190 (first rule matching origin, method and headers; in main since June 2026, tentacle via ceph/ceph#69647 after 20.2.2, umbrella via https://tracker.ceph.com/issues/77585; squid ceph/ceph#69648 open, reef ceph/ceph#69649 closed: those choose by origin alone, the ceph-legacy dialect)",
    ),
  };
}

const B2_S3_CORS = "https://www.backblaze.com/docs/cloud-storage-enable-cors-with-the-s3-compatible-api";
const B2_RULES = "https://www.backblaze.com/docs/cloud-storage-cross-origin-resource-sharing-rules";

function b2(): Profile {
  const a = awsAssumed("Backblaze B2");
  return {
    ...a,
    name: "b2",
    title: "Backblaze B2",
    backend: fact("s3", "https://www.backblaze.com/apidocs/s3-put-bucket-cors"),
    endpoint: fact(
      "https://s3.{region}.backblazeb2.com",
      "https://www.backblaze.com/apidocs/s3-put-bucket-cors (PUT https://s3.<your-region>.backblazeb2.com/<bucket>/?cors)",
    ),
    defaultRegion: fact(null, "https://www.backblaze.com/apidocs/s3-put-bucket-cors (the region is part of the account's endpoint)"),
    addressing: fact("path", "https://www.backblaze.com/apidocs/s3-put-bucket-cors (example uses /<bucket>/?cors)"),
    methods: fact(allMethods(), `${B2_RULES} (s3_get, s3_head, s3_put, s3_post, s3_delete)`),
    // S3 rules are B2 rules whose allowedOperations are s3_*: the rules page's origin and header formats apply to both APIs.
    originWildcard: fact(
      "one-in-host",
      `${B2_RULES} ("The origin may have a single '*' as part of the domain name, such as https://*.example.com, https://*:8443 or https://*")`,
    ),
    headerWildcard: fact("prefix-only", `${B2_RULES} (allowedHeaders: a complete name, a name ending with an asterisk such as x-bz-info-*, or a single '*')`),
    wildcardEntryAlone: fact(true, `${B2_RULES} ("If any entry is "*", it must be the only entry", for allowedOrigins and allowedHeaders)`),
    // corsRuleName's format; that an S3 rule ID is stored as the corsRuleName is presumed (b2.supports.ruleIds).
    ruleIdFormat: weak(
      { pattern: "^(?!b2-)[A-Za-z0-9-]{6,50}$", description: '6 to 50 letters, digits and "-", not starting with "b2-"' },
      `${B2_RULES} (corsRuleName: "at least 6 characters long, and can be at most 50"; letters, numbers and "-"; "Names that start with "b2-" are reserved")`,
      'PutBucketCors with the ID "app" on a real bucket, then b2_get_bucket',
    ),
    limits: {
      maxRules: fact(100, `${B2_RULES} ("up to 100 CORS rules")`),
      // "100 KB", read as 1024-byte kilobytes like AWS's "64 KB".
      maxDocumentBytes: weak(
        102400,
        `${B2_S3_CORS} ("The size limit for CORS rules XML input is 100 KB")`,
        "PutBucketCors with documents of 100000 and 102400 bytes on a real bucket",
      ),
      maxAgeSeconds: fact(86400, `${B2_S3_CORS} (MaxAgeSeconds range [0, 86400])`),
    },
    supports: {
      ...a.supports,
      perBucketCors: fact(true, B2_S3_CORS),
      multipleRules: fact(true, B2_RULES),
      exposeHeaders: fact(true, `${B2_RULES} (exposeHeaders)`),
      ruleIds: weak(
        true,
        "https://www.backblaze.com/apidocs/s3-put-bucket-cors (example rule carries an ID; stored as corsRuleName presumably)",
        "GetBucketCors and b2_get_bucket after a PutBucketCors with a short ID (corsRuleName needs 6 to 50 characters)",
      ),
    },
    rewrites: fact(["duplicate methods aggregated on read"], `${B2_S3_CORS} ("Duplicate elements of the same method are aggregated on GetBucketCors calls")`),
    // Native (b2_update_bucket) and S3 rules share one corsRules list, and PutBucketCors replaces the configuration:
    // native b2_* rules go with it. What GetBucketCors shows of them is not stated (docs/vendors.md, "Backblaze B2").
    s3WriteReplacesNativeRules: weak(
      true,
      `https://www.backblaze.com/apidocs/s3-put-bucket-cors ("If the configuration exists, it is replaced") and ${B2_RULES} (s3_* and b2_* operations in one corsRules list)`,
      "a native rule with only b2_* operations, then PutBucketCors, then b2_get_bucket",
    ),
  };
}

const WASABI_CORS = "https://docs.wasabi.com/docs/cross-origin-resource-sharing-cors";
const WASABI_URLS = "https://docs.wasabi.com/docs/what-are-the-service-urls-for-wasabi-s-different-storage-regions";

function wasabi(): Profile {
  const a = awsAssumed("Wasabi");
  return {
    ...a,
    name: "wasabi",
    title: "Wasabi",
    backend: weak("s3", `${WASABI_CORS} (console JSON documented; S3 PutBucketCors presumed)`, "PutBucketCors on a real bucket"),
    endpoint: fact("https://s3.{region}.wasabisys.com", WASABI_URLS),
    defaultRegion: fact("us-east-1", `${WASABI_URLS} (s3.wasabisys.com is us-east-1)`),
    addressing: weak("path", WASABI_URLS, "a path-style PutBucketCors on a real bucket"),
    methods: weak(
      allMethods(),
      `${WASABI_CORS} (GET, HEAD, PUT, POST, DELETE; the console doc also names MOVE)`,
      "PutBucketCors with each method on a real bucket",
    ),
    supports: { ...a.supports, perBucketCors: fact(true, WASABI_CORS) },
    // The docs say deleting a custom configuration brings back Wasabi's default one; what GetBucketCors returns then is untested.
    noConfigReadsAs: weak(
      "default-config",
      `${WASABI_CORS} ("If you delete a custom CORS configuration, the default configuration is used"; whether GetBucketCors returns it or NoSuchCORSConfiguration is not documented)`,
      "GetBucketCors on a new bucket",
    ),
    // Empty until its rules are recorded: the docs show the default only in the console, not as text. Apps use Wasabi
    // without any configuration of their own (faisalsayed10/firefiles#71, citing Wasabi's knowledge base), so it is permissive.
    defaultConfigs: weak(
      [],
      `${WASABI_CORS} ("Wasabi maintains a default CORS configuration"; its rules are not published as text); faisalsayed10/firefiles#71`,
      "GetBucketCors on a new bucket, its answer listed here",
    ),
  };
}

const MINIO_DUMMY = "minio/minio@cmd/dummy-handlers.go";

function minio(): Profile {
  const a = awsAssumed("MinIO");
  return {
    ...a,
    name: "minio",
    title: "MinIO (community)",
    backend: fact("s3", MINIO_DUMMY),
    endpoint: fact(null, "minio/minio#21332 (self-hosted: the operator's URL)"),
    defaultRegion: weak(
      "us-east-1",
      "minio/minio@docs/config/README.md (region blank unless MINIO_REGION is set; SDKs sign for us-east-1 then)",
      "a signed request to a MinIO server without MINIO_REGION",
    ),
    // Virtual-hosted buckets need MINIO_DOMAIN set; path-style always works.
    addressing: fact("path", "minio/minio@docs/config/README.md (virtual-host style only with MINIO_DOMAIN)"),
    supports: {
      ...a.supports,
      perBucketCors: fact(
        false,
        `minio/minio#20995 (PutBucketCors → NotImplemented; "Cors is implemented in AiStor MinIO"); minio/minio#21332; ${MINIO_DUMMY}`,
      ),
    },
    noConfigReadsAs: fact("not-found", `${MINIO_DUMMY} (GetBucketCors is a dummy answering NoSuchCORSConfiguration)`),
    // The global setting is read by the server itself: nothing to wait for per bucket.
    propagationSeconds: weak(0, "minio/minio#21332 (global cors_allow_origin only)", "a preflight right after `mc admin config set … api cors_allow_origin`"),
    alternative: fact(
      'community MinIO answers PutBucketCors with NotImplemented — set the global MINIO_API_CORS_ALLOW_ORIGIN environment variable, or run `mc admin config set ALIAS api cors_allow_origin="https://app.example.com"`; MinIO AIStor has per-bucket CORS (`mc cors set`): target it with the s3 profile',
      "minio/minio#20995; minio/minio#21332; https://docs.min.io/enterprise/aistor-object-store/reference/cli/mc-cors",
    ),
  };
}

function genericS3(): Profile {
  return {
    name: "s3",
    title: "S3-compatible storage",
    endpoint: fact(null, "https://docs.aws.amazon.com/AmazonS3/latest/API/Welcome.html (any S3-compatible server: the user gives its URL)"),
    defaultRegion: weak(
      "us-east-1",
      "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html (a signing region is required; us-east-1 is what most S3-compatible servers accept)",
      "the target's own server: set region when it refuses us-east-1",
    ),
    // Path-style needs no wildcard DNS for bucket hosts, which self-hosted servers rarely have.
    addressing: fact("path", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html#path-style-access"),
    // Generic targets are checked against AWS's rules, the strictest common ground.
    ...awsRules(),
  };
}

const SWIFT_CORS = "openstack/swift@doc/source/cors.rst";
const SWIFT_API = "https://docs.openstack.org/api-ref/object-store/";

/** Stock OpenStack Swift: CORS is container metadata, one implicit rule per container. */
function swiftRules(): Rules {
  return {
    backend: fact("swift", `${SWIFT_CORS} (X-Container-Meta-Access-Control-Allow-Origin, -Max-Age, -Expose-Headers)`),
    // Swift allows every method the resource supports; the five CORS methods are what a rule can name.
    methods: fact(allMethods(), `${SWIFT_CORS} (no per-container method setting)`),
    originWildcard: fact("whole-value", `${SWIFT_CORS} (space-separated exact origins; only a bare "*"); ovh/docs#2348`),
    headerWildcard: fact("not-applicable", `${SWIFT_CORS} (no allowed-headers setting: every requested header is echoed)`),
    limits: {
      // One implicit rule: several rules are merged or refused by checkRuleExpressible, not counted here.
      maxRules: fact(null, `${SWIFT_CORS} (one implicit rule per container)`),
      maxDocumentBytes: fact(256, "openstack/swift@swift/common/constraints.py (max_meta_value_length, default 256 bytes per metadata value)"),
      maxAgeSeconds: fact(null, `${SWIFT_CORS} (Max-Age stored verbatim, not validated)`),
    },
    supports: {
      perBucketCors: fact(true, SWIFT_CORS),
      ruleIds: fact(false, `${SWIFT_CORS} (metadata has no rule list, so no IDs)`),
      exposeHeaders: fact(true, `${SWIFT_CORS} (X-Container-Meta-Access-Control-Expose-Headers, merged with a fixed default list)`),
      multipleRules: fact(false, SWIFT_CORS),
      perRuleMethods: fact(false, SWIFT_CORS),
      perRuleHeaders: fact(false, SWIFT_CORS),
    },
    noConfigReadsAs: fact("no-metadata", `${SWIFT_CORS} (no CORS metadata means no CORS)`),
    // A container POST clears the proxy's cached container info; other proxies with their own memcache may lag.
    propagationSeconds: fact(2, "openstack/swift@swift/proxy/controllers/base.py (clear_info_cache on container POST)"),
    rewrites: fact([], `${SWIFT_API} (metadata values are stored verbatim)`),
    dialect: fact("swift", SWIFT_CORS),
  };
}

function swift(): Profile {
  return {
    name: "swift",
    title: "OpenStack Swift",
    endpoint: fact(null, `${SWIFT_API} (the storage URL comes from the auth response or catalog)`),
    defaultRegion: fact(null, `${SWIFT_API} (regions are the cloud's own catalog names)`),
    addressing: fact("path", `${SWIFT_API} (/v1/{account}/{container})`),
    ...swiftRules(),
  };
}

const VNG_ACCESS =
  "https://docs.vngcloud.vn/vng-cloud-document/vstorage/object-storage/vstorage-hcm03/identity-and-access-management/managing-access-to-vstorage-resources/access-permissions-and-working-through-vstorage";
const VNG_SWIFT =
  "https://docs.vngcloud.vn/vng-cloud-document/vstorage/object-storage/vstorage-hcm03/api-developers/vstorage-swift-rest-api/using-swift-rest-api";

function vstorage(): Profile {
  const s = swiftRules();
  const note = "stock Swift behaviour, assumed: vStorage's CORS details page was not retrieved";
  const settle = "vStorage's CORS details page, or a container POST and preflights on vStorage";
  return {
    name: "vstorage",
    title: "VNG Cloud vStorage",
    // Swift metadata, because Swift's s3api middleware answers ?cors with NotImplemented.
    backend: weak("swift", `${VNG_ACCESS} ("CORS for a container"); ${SWIFT_CORS}`, settle),
    endpoint: weak(
      "https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId}",
      `${VNG_SWIFT} (storage URL from the Keystone catalog; public object URLs seen as https://hcm03.vstorage.vngcloud.vn/v1/AUTH_<project>/...)`,
      "the object-store endpoint of a vStorage project's Keystone catalog",
    ),
    defaultRegion: fact(null, `${VNG_SWIFT} (each project lives in one region, e.g. hcm03)`),
    addressing: fact("path", VNG_SWIFT),
    methods: assumed(s.methods, note, settle),
    originWildcard: assumed(s.originWildcard, note, settle),
    headerWildcard: assumed(s.headerWildcard, note, settle),
    limits: {
      maxRules: assumed(s.limits.maxRules, note, settle),
      maxDocumentBytes: assumed(s.limits.maxDocumentBytes, note, settle),
      maxAgeSeconds: assumed(s.limits.maxAgeSeconds, note, settle),
    },
    supports: {
      perBucketCors: fact(true, `${VNG_ACCESS} ("CORS for a container")`),
      ruleIds: assumed(s.supports.ruleIds, note, settle),
      exposeHeaders: assumed(s.supports.exposeHeaders, note, settle),
      multipleRules: assumed(s.supports.multipleRules, note, settle),
      perRuleMethods: assumed(s.supports.perRuleMethods, note, settle),
      perRuleHeaders: assumed(s.supports.perRuleHeaders, note, settle),
    },
    noConfigReadsAs: assumed(s.noConfigReadsAs, note, settle),
    propagationSeconds: assumed(s.propagationSeconds, note, settle),
    rewrites: assumed(s.rewrites, note, settle),
    dialect: assumed(s.dialect, note, settle),
  };
}

const OVH_SWIFT_CORS = "https://help.ovhcloud.com/csm/en-au-public-cloud-storage-pcs-cors?id=kb_article_view&sysparm_article=KB0034409";

function ovhSwift(): Profile {
  const s = swiftRules();
  return {
    ...s,
    name: "ovh-swift",
    title: "OVHcloud Swift",
    backend: fact("swift", `${OVH_SWIFT_CORS} (three container metadata; "CORS is not compatible with the S3 API")`),
    endpoint: weak(
      "https://storage.{region}.cloud.ovh.net/v1/AUTH_{projectId}",
      `${OVH_SWIFT_CORS} (account AUTH_<project>; host from the Keystone catalog, e.g. storage.gra.cloud.ovh.net)`,
      "the object-store endpoint of an OVH project's Keystone catalog",
    ),
    defaultRegion: fact(null, `${OVH_SWIFT_CORS} (each project's containers live in a named region)`),
    addressing: fact("path", `${SWIFT_API} (/v1/{account}/{container})`),
    originWildcard: fact("whole-value", `${OVH_SWIFT_CORS} ("*" works, *.example.com does not); ovh/docs#2348`),
    limits: {
      ...s.limits,
      maxDocumentBytes: assumed(
        s.limits.maxDocumentBytes,
        "Swift's default; OVH's cluster setting not published",
        "a container POST with a 257-byte origin list",
      ),
    },
    propagationSeconds: assumed(s.propagationSeconds, "Swift proxy behaviour; OVH's proxy fleet untested", "timing preflights after a container POST on OVH"),
  };
}

const VERSITYGW = "versity/versitygw@v1.8.0";

/**
 * versitygw, the self-hosted S3 gateway the server tests run (docs/test-servers.md, "versitygw"):
 * AWS's rules for what it stores, its own answers to preflights (docs/cors-semantics.md, "16. versitygw").
 */
function versitygw(): Profile {
  return {
    name: "versitygw",
    title: "versitygw",
    endpoint: fact(null, `${VERSITYGW} README (self-hosted: the user gives the gateway's URL, --port)`),
    defaultRegion: fact("us-east-1", `${VERSITYGW} cmd/versitygw/main.go (--region, default "us-east-1")`),
    // Virtual-hosted buckets need --virtual-domain and wildcard DNS; path-style always works.
    addressing: fact("path", `${VERSITYGW} cmd/versitygw/main.go (--virtual-domain enables virtual-hosted buckets; path-style otherwise)`),
    ...awsRules(),
    methods: fact(allMethods(), `${VERSITYGW} auth/bucket_cors.go (CORSHTTPMethod.IsValid: GET, HEAD, PUT, POST, DELETE, case-sensitive)`),
    originWildcard: fact("one-anywhere", `${VERSITYGW} auth/bucket_cors.go (CORSOrigin.Validate: more than one "*" is refused)`),
    rewrites: fact([], `${VERSITYGW} (GetBucketCors returns the stored XML as sent; tests/servers/smoke.test.ts)`),
    dialect: fact("versitygw", `${VERSITYGW} auth/bucket_cors.go, s3api/controllers/options.go; tests/evaluate/versitygw-differential.test.ts`),
  };
}

/** Freezes plain data all the way down (arrays and objects only). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every profile, frozen so that no caller can change what `getProfile` answers.
 * Last in the file: building it reads the source constants above.
 */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = deepFreeze(profileTable());
