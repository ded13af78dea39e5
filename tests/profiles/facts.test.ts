import type { CorsRuleInput } from "../../provider/model/schema";
import { PROFILES } from "../../provider/profiles";
import type { ProfileName } from "../../provider/profiles/types";
import { validate } from "../../provider/validate/validate";

// One row per vendor fact that validation uses: the policy the fact refuses, with the exact message and severity,
// and the policy just inside it, which passes. Sources are in provider/profiles/table.ts and docs/vendors.md.

const APP = "https://app.example.com";

function rule(fields: Partial<CorsRuleInput> = {}): CorsRuleInput {
  return { allowedOrigins: [APP], allowedMethods: ["GET"], ...fields };
}

function rules(count: number): CorsRuleInput[] {
  return Array.from({ length: count }, (_, i) => rule({ allowedOrigins: [`https://site-${i}.example.com`] }));
}

/** `severity message` of every issue. */
function issues(profile: ProfileName, config: CorsRuleInput[]): string[] {
  return validate({ rules: config }, { profile }).map((i) => `${i.severity} ${i.message}`);
}

type Row = readonly [fact: string, profile: ProfileName, refused: CorsRuleInput[], expected: string[], inside: CorsRuleInput[]];

const ROWS: readonly Row[] = [
  [
    "R2: MaxAgeSeconds at most 86400",
    "r2",
    [rule({ maxAgeSeconds: 86401 })],
    ["error rules[0].maxAgeSeconds: 86401 is more than 86400, the most Cloudflare R2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)"],
    [rule({ maxAgeSeconds: 86400 })],
  ],
  [
    "R2: a wildcard port is refused with 400 MalformedXML (cloudflare/cloudflare-docs#32888)",
    "r2",
    [rule({ allowedOrigins: ["http://localhost:*"] })],
    [
      'error rules[0].allowedOrigins[0]: "http://localhost:*" has "*" in the port; Cloudflare R2 accepts a "*" only in the host, never in the port — list each port, e.g. "http://localhost:3000"',
    ],
    [rule({ allowedOrigins: ["http://localhost:3000", "https://*-myapp.sub.workers.dev", "https://*.sub.workers.dev"] })],
  ],
  [
    "B2: one '*' as part of the domain name, never the port",
    "b2",
    [rule({ allowedOrigins: ["https://app.example.com:*"] })],
    [
      'error rules[0].allowedOrigins[0]: "https://app.example.com:*" has "*" in the port; Backblaze B2 accepts a "*" only in the host, never in the port — list each port, e.g. "https://app.example.com:3000"',
    ],
    [rule({ allowedOrigins: ["https://*.example.com", "https://*:8443"] })],
  ],
  [
    "B2: an allowed header may only end with '*'",
    "b2",
    [rule({ allowedHeaders: ["x-*-id"] })],
    ['error rules[0].allowedHeaders[0]: "x-*-id" has "*" before its end; Backblaze B2 allows a header wildcard only as a prefix match — use "x-*"'],
    [rule({ allowedHeaders: ["x-bz-info-*"] })],
  ],
  [
    "B2: a bare '*' origin must be the only entry",
    "b2",
    [rule({ allowedOrigins: [APP, "*"] })],
    [
      'error rules[0].allowedOrigins[1]: "*" stands with 1 other entry; Backblaze B2 requires "*" to be the only entry of allowedOrigins — keep ["*"] alone, or remove "*"',
    ],
    [rule({ allowedOrigins: ["*"] })],
  ],
  [
    "B2: a bare '*' header must be the only entry",
    "b2",
    [rule({ allowedHeaders: ["*", "content-type", "x-bz-info-*"] })],
    [
      'error rules[0].allowedHeaders[0]: "*" stands with 2 other entries; Backblaze B2 requires "*" to be the only entry of allowedHeaders — keep ["*"] alone, or remove "*"',
    ],
    [rule({ allowedHeaders: ["*"] })],
  ],
  [
    "B2: MaxAgeSeconds in [0, 86400]",
    "b2",
    [rule({ maxAgeSeconds: 86401 })],
    ["error rules[0].maxAgeSeconds: 86401 is more than 86400, the most Backblaze B2 accepts — use 7200 (Chrome caches a preflight for at most 7200 s)"],
    [rule({ maxAgeSeconds: 86400 })],
  ],
  [
    "B2: up to 100 rules",
    "b2",
    rules(101),
    ["error rules: 101 rules is more than the 100 Backblaze B2 accepts — merge rules that allow the same methods and headers"],
    rules(100),
  ],
  [
    "B2: rule names are 6 to 50 letters, digits and '-' (uncertain that the S3 ID becomes the name: a warning)",
    "b2",
    [rule({ id: "app" }), rule({ id: "b2-public" })],
    [
      'warning rules[0].id: "app" may be refused; Backblaze B2 rule names are 6 to 50 letters, digits and "-", not starting with "b2-", if it stores the ID as one — rename it, or remove the ID',
      'warning rules[1].id: "b2-public" may be refused; Backblaze B2 rule names are 6 to 50 letters, digits and "-", not starting with "b2-", if it stores the ID as one — rename it, or remove the ID',
    ],
    [rule({ id: "public-read" }), rule({ id: "a".repeat(50) })],
  ],
  [
    "Spaces: a wildcard only at the start of the hostname",
    "spaces",
    [rule({ allowedOrigins: ["https://app.*.example.com"] })],
    [
      'error rules[0].allowedOrigins[0]: "https://app.*.example.com" has "*" inside the host; DigitalOcean Spaces allows a wildcard only as the first label of the host — use "https://*.example.com"',
    ],
    [rule({ allowedOrigins: ["https://*.example.com"] })],
  ],
  [
    "Exoscale: header wildcards are prefix matches",
    "exoscale",
    [rule({ allowedHeaders: ["*-type"] })],
    ['error rules[0].allowedHeaders[0]: "*-type" has "*" before its end; Exoscale SOS allows a header wildcard only as a prefix match — use "*"'],
    [rule({ allowedHeaders: ["Content-*"] })],
  ],
  [
    "Ceph RGW: up to 100 rules (rgw_cors_rules_max_num)",
    "ceph",
    rules(101),
    ["error rules: 101 rules is more than the 100 Ceph RGW accepts — merge rules that allow the same methods and headers"],
    rules(100),
  ],
  [
    "Ceph RGW: a max-age above 32 bits is accepted and dropped (refused: the bucket would hold other rules than written)",
    "ceph",
    [rule({ maxAgeSeconds: 4294967295 })],
    [
      "error rules[0].maxAgeSeconds: 4294967295 is more than 4294967294, the most Ceph RGW keeps: it answers the put with 200 and stores the rule without any max-age, so browsers would cache the preflight for their default 5 s — use 7200 (Chrome's cap)",
    ],
    [rule({ maxAgeSeconds: 4294967294 })],
  ],
  [
    "OVH S3: rule IDs were seen refused with MalformedXML (uncertain: a warning)",
    "ovh",
    [rule({ id: "app" })],
    [
      'warning rules[0].id: "app" may be refused; OVHcloud Object Storage has been seen rejecting rule IDs (ovh/public-cloud-roadmap#457 (rules with ID and several origins rejected with MalformedXML; closed)) — remove the ID if the put fails with MalformedXML',
    ],
    [rule()],
  ],
  [
    "MinIO community: no per-bucket CORS, the global setting or AIStor instead",
    "minio",
    [rule()],
    [
      'error MinIO (community) has no per-bucket CORS configuration; community MinIO answers PutBucketCors with NotImplemented — set the global MINIO_API_CORS_ALLOW_ORIGIN environment variable, or run `mc admin config set ALIAS api cors_allow_origin="https://app.example.com"`; MinIO AIStor has per-bucket CORS (`mc cors set`): target it with the s3 profile',
    ],
    [],
  ],
];

describe.each(ROWS)("%s", (_fact, profile, refused, expected, inside) => {
  test("the policy the fact refuses is refused, with the vendor's rule and the fix", () => {
    expect(issues(profile, refused)).toEqual(expected);
  });

  if (inside.length > 0) {
    test("the policy just inside passes", () => {
      expect(issues(profile, inside)).toEqual([]);
    });
  }
});

describe("the same policies on AWS, whose rules differ", () => {
  test.each([
    ["a wildcard port", [rule({ allowedOrigins: ["http://localhost:*"] })]],
    ["a bare * next to an origin", [rule({ allowedOrigins: [APP, "*"], allowedHeaders: ["*", "x-*-id"] })]],
    ["a max-age above 86400 and 32 bits", [rule({ maxAgeSeconds: 4294967295 })]],
  ])("%s passes", (_name, config) => {
    expect(issues("aws", config)).toEqual([]);
  });

  test("the rows above use facts the table holds", () => {
    expect([PROFILES.r2.originWildcard.value, PROFILES.b2.originWildcard.value, PROFILES.b2.wildcardEntryAlone?.value]).toEqual([
      "one-in-host",
      "one-in-host",
      true,
    ]);
    expect(PROFILES.ceph.limits.maxAgeKept?.value).toBe(4294967294);
  });
});

describe("one-in-host: where a wildcard port is recognised", () => {
  test.each([
    [
      "http://[::1]:*",
      'error rules[0].allowedOrigins[0]: "http://[::1]:*" has "*" in the port; Cloudflare R2 accepts a "*" only in the host, never in the port — list each port, e.g. "http://[::1]:3000"',
    ],
    [
      "https://*.example.com:8*",
      'error rules[0].allowedOrigins[0]: "https://*.example.com:8*" has 2 "*"; an origin may contain at most one "*" — keep one, e.g. "https://*.example.com:8"',
    ],
  ])("%s", (origin, expected) => {
    expect(issues("r2", [rule({ allowedOrigins: [origin] })])).toEqual([expected]);
  });

  test.each(["https://*", "https://*:8443", "http://[::1]:3000"])("%s passes", (origin) => {
    expect(issues("r2", [rule({ allowedOrigins: [origin] })])).toEqual([]);
  });
});
