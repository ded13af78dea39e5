import { CorsPolicyError } from "../../provider/errors";
import { getProfile, isProfileName, PROFILES, profileTable } from "../../provider/profiles";
import { type Fact, type Profile, PROFILE_NAMES } from "../../provider/profiles/types";

/** Dotted paths of every `Fact` field of `T`, optional ones included. */
type FactPaths<T, P extends string = ""> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends Fact<unknown>
    ? `${P}${K}`
    : NonNullable<T[K]> extends object
      ? FactPaths<NonNullable<T[K]>, `${P}${K}.`>
      : never;
}[keyof T & string];

/**
 * The optional facts: `alternative` exists only where per-bucket CORS does not;
 * `sdkResolvesEndpoint` and `globalBucketNames` only where they are true (AWS); `defaultConfigs` only where
 * "no configuration" reads back as the service's default (Wasabi); `limits.maxAgeKept` where a larger max-age
 * is silently dropped (Ceph); `wildcardEntryAlone` where `*` must stand alone, `ruleIdFormat` where rule
 * names have a format and `s3WriteReplacesNativeRules` where a native API keeps rules in the same list (B2);
 * `reuseConnections` only where reused keep-alive connections stall (Ceph RGW's beast frontend).
 */
type RequiredFactPath = Exclude<
  FactPaths<Profile>,
  | "alternative"
  | "sdkResolvesEndpoint"
  | "globalBucketNames"
  | "defaultConfigs"
  | "limits.maxAgeKept"
  | "wildcardEntryAlone"
  | "ruleIdFormat"
  | "s3WriteReplacesNativeRules"
  | "reuseConnections"
>;

const FACT_PATHS = [
  "backend",
  "endpoint",
  "defaultRegion",
  "addressing",
  "methods",
  "originWildcard",
  "headerWildcard",
  "limits.maxRules",
  "limits.maxDocumentBytes",
  "limits.maxAgeSeconds",
  "supports.perBucketCors",
  "supports.ruleIds",
  "supports.exposeHeaders",
  "supports.multipleRules",
  "supports.perRuleMethods",
  "supports.perRuleHeaders",
  "noConfigReadsAs",
  "propagationSeconds",
  "rewrites",
  "dialect",
] as const satisfies readonly RequiredFactPath[];

// Fails to compile when Profile gains a fact that FACT_PATHS does not list.
type Unlisted = Exclude<RequiredFactPath, (typeof FACT_PATHS)[number]>;
const everyFactListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** A link, or a repository reference: `owner/repo#123` or `owner/repo@path`. */
const SOURCE = /^(https:\/\/\S+|[\w.-]+\/[\w.-]+(#\d+|@[\w./-]+))/;

function at(row: Profile, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), row);
}

function isFact(node: unknown): node is Fact<unknown> {
  return typeof node === "object" && node !== null && !Array.isArray(node) && "value" in node && "source" in node;
}

/** Every Fact anywhere under `node`, with its path. */
function factsIn(node: unknown, path = ""): [string, Fact<unknown>][] {
  if (isFact(node)) return [[path, node]];
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [];
  return Object.entries(node).flatMap(([key, child]) => factsIn(child, path === "" ? key : `${path}.${key}`));
}

const rows = PROFILE_NAMES.map((name) => [name, PROFILES[name]] as const);

describe("profile table: shape", () => {
  test("the fact path list covers the Profile type", () => {
    expect(everyFactListed).toBe(true);
  });

  test("has exactly one row per profile name", () => {
    expect(Object.keys(PROFILES).sort()).toEqual([...PROFILE_NAMES].sort());
  });

  test.each(rows)("%s: name equals its key and the title is set", (name, row) => {
    expect(row.name).toBe(name);
    expect(row.title.trim()).not.toBe("");
  });

  test.each(rows)("%s: every required fact is present with a value", (_name, row) => {
    const missing = FACT_PATHS.filter((path) => {
      const node = at(row, path);
      return !isFact(node) || node.value === undefined;
    });
    expect(missing).toEqual([]);
  });

  test.each(rows)("%s: every fact has a source that is a link or a repo reference", (_name, row) => {
    const facts = factsIn(row);
    expect(facts.length).toBeGreaterThanOrEqual(FACT_PATHS.length);
    const bad = facts.filter(([, f]) => typeof f.source !== "string" || !SOURCE.test(f.source)).map(([path, f]) => `${path}: ${f.source}`);
    expect(bad).toEqual([]);
  });

  test.each(rows)("%s: every uncertain fact says what would settle it, and only those", (_name, row) => {
    const bad = factsIn(row)
      .filter(([, f]) => (f.uncertain === true) !== (typeof f.settle === "string" && f.settle.trim() !== ""))
      .map(([path]) => path);
    expect(bad).toEqual([]);
  });

  test.each(rows)("%s: uncertain is either absent or true", (_name, row) => {
    const bad = factsIn(row)
      .filter(([, f]) => "uncertain" in f && !f.uncertain)
      .map(([path]) => path);
    expect(bad).toEqual([]);
  });

  test("profileTable builds a fresh table equal to PROFILES", () => {
    const a = profileTable();
    expect(a).toEqual(PROFILES);
    expect(a).not.toBe(profileTable());
  });

  test("PROFILES is frozen all the way down", () => {
    expect(Object.isFrozen(PROFILES.aws.limits.maxRules)).toBe(true);
    expect(Object.isFrozen(PROFILES.ceph.rewrites.value)).toBe(true);
  });

  test("the table is plain data: JSON round trip keeps it whole", () => {
    expect(JSON.parse(JSON.stringify(PROFILES))).toEqual(PROFILES);
  });
});

describe("profile table: facts", () => {
  test("AWS: 100 rules, 64 KB, no max-age maximum, virtual-hosted", () => {
    const aws = PROFILES.aws;
    expect([aws.limits.maxRules.value, aws.limits.maxDocumentBytes.value, aws.limits.maxAgeSeconds.value]).toEqual([100, 65536, null]);
    expect(aws.addressing.value).toBe("virtual-hosted");
    expect(aws.defaultRegion.value).toBe("us-east-1");
  });

  test("R2: max-age 86400, 30 s propagation, region auto, account endpoint", () => {
    const r2 = PROFILES.r2;
    expect(r2.limits.maxAgeSeconds.value).toBe(86400);
    expect(r2.propagationSeconds.value).toBe(30);
    expect(r2.defaultRegion.value).toBe("auto");
    expect(r2.endpoint.value).toBe("https://{accountId}.r2.cloudflarestorage.com");
    expect(r2.limits.maxRules).toMatchObject({ value: null, uncertain: true });
  });

  test("Exoscale: header wildcards are prefix-only", () => {
    expect(PROFILES.exoscale.headerWildcard.value).toBe("prefix-only");
  });

  test("Spaces: origin wildcard only as the first host label", () => {
    expect(PROFILES.spaces.originWildcard.value).toBe("hostname-prefix");
  });

  test.each(["swift", "vstorage", "ovh-swift"] as const)("%s: one implicit rule, whole-value origin wildcard, 256-byte value", (name) => {
    const p = PROFILES[name];
    expect(p.backend.value).toBe("swift");
    expect(p.originWildcard.value).toBe("whole-value");
    expect(p.headerWildcard.value).toBe("not-applicable");
    expect([p.supports.multipleRules.value, p.supports.perRuleMethods.value, p.supports.perRuleHeaders.value, p.supports.ruleIds.value]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(p.limits.maxDocumentBytes.value).toBe(256);
    expect(p.noConfigReadsAs.value).toBe("no-metadata");
    expect(p.dialect.value).toBe("swift");
  });

  test("MinIO community: no per-bucket CORS, with the global alternative", () => {
    const minio = PROFILES.minio;
    expect(minio.supports.perBucketCors.value).toBe(false);
    expect(minio.alternative?.value).toContain("MINIO_API_CORS_ALLOW_ORIGIN");
    expect(minio.alternative?.value).toContain("mc admin config set");
    expect(minio.alternative?.source).toBe("minio/minio#20995; minio/minio#21332; https://docs.min.io/enterprise/aistor-object-store/reference/cli/mc-cors");
    expect(minio.alternative?.value).toContain("MinIO AIStor has per-bucket CORS (`mc cors set`): target it with the s3 profile");
  });

  test("only MinIO carries an alternative", () => {
    expect(rows.filter(([, p]) => p.alternative !== undefined).map(([name]) => name)).toEqual(["minio"]);
  });

  test("Ceph: 100 rules, path addressing, rewrites listed", () => {
    const ceph = PROFILES.ceph;
    expect(ceph.limits.maxRules.value).toBe(100);
    expect(ceph.addressing.value).toBe("path");
    expect(ceph.endpoint.value).toBeNull();
    expect(ceph.rewrites.value).toHaveLength(4);
  });

  test("B2: 86400 max-age and duplicate methods aggregated", () => {
    expect(PROFILES.b2.limits.maxAgeSeconds.value).toBe(86400);
    expect(PROFILES.b2.rewrites.value).toEqual(["duplicate methods aggregated on read"]);
  });

  test("Wasabi: a default config reads back when none is set (uncertain)", () => {
    expect(PROFILES.wasabi.noConfigReadsAs).toMatchObject({ value: "default-config", uncertain: true });
  });

  test("defaultConfigs exactly where no configuration reads back as the service's default", () => {
    const withDefaults = rows.filter(([, p]) => p.defaultConfigs !== undefined).map(([name]) => name);
    const defaultConfig = rows.filter(([, p]) => p.noConfigReadsAs.value === "default-config").map(([name]) => name);
    expect(withDefaults).toEqual(defaultConfig);
  });

  test("OVH S3: rule IDs flagged as possibly refused", () => {
    expect(PROFILES.ovh.supports.ruleIds).toMatchObject({ value: false, uncertain: true });
  });
});

describe("getProfile and isProfileName", () => {
  test("returns the row for a known name", () => {
    expect(getProfile("r2")).toBe(PROFILES.r2);
  });

  test("fails when the profile name is unknown, naming every allowed profile", () => {
    expect(() => getProfile("gcs")).toThrow(CorsPolicyError);
    expect(() => getProfile("gcs")).toThrow(
      'profile: "gcs" is not a known profile; allowed are aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw — use one of them, or "s3" for any other S3-compatible service',
    );
  });

  test("fails when the name is an Object.prototype key", () => {
    expect(() => getProfile("constructor")).toThrow(/^profile: "constructor" is not a known profile/);
  });

  test.each<[unknown, boolean]>([
    ["aws", true],
    ["ovh-swift", true],
    ["AWS", false],
    ["toString", false],
    [42, false],
    [undefined, false],
  ])("isProfileName(%p) is %p", (x, expected) => {
    expect(isProfileName(x)).toBe(expected);
  });
});
