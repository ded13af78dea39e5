import { cephDialectFor, getProfile } from "../../provider/profiles";
import { checkInputs } from "../../provider/lifecycle/check";
import { checkTarget, targetDialect, targetProfile } from "../../provider/targets";
import { lintPolicy } from "../../provider/evaluate";

// RGW chose the CORS rule by origin alone until ceph/ceph#69190; tentacle got it after 20.2.2 (ceph/ceph#69647).

describe("cephDialectFor: which RGW generation a release is", () => {
  test.each([
    ["pacific", "ceph-legacy"],
    ["reef", "ceph-legacy"],
    ["squid", "ceph-legacy"],
    ["tentacle", "ceph"],
    ["umbrella", "ceph"],
    ["16", "ceph-legacy"],
    ["16.2.15", "ceph-legacy"],
    ["19.2.3", "ceph-legacy"],
    ["20.1.0", "ceph-legacy"],
    ["20.2.2", "ceph-legacy"],
    ["20.2.3", "ceph"],
    ["20.2", "ceph"],
    ["20", "ceph"],
    ["21.2.0", "ceph"],
  ])("%s → %s", (version, dialect) => {
    expect(cephDialectFor(version)).toBe(dialect);
  });

  test.each(["Reef", "v18", "18.x", "11", "18.2.4.1", ""])("%j names no release", (version) => {
    expect(cephDialectFor(version)).toBeUndefined();
  });
});

describe("a ceph target's version", () => {
  const ceph = { profile: "ceph", bucket: "media", endpoint: "http://127.0.0.1:7480" } as const;

  test("picks the dialect; without one the newer matching applies", () => {
    expect(targetDialect(ceph)).toBe("ceph");
    expect(targetDialect({ ...ceph, version: "reef" })).toBe("ceph-legacy");
    expect(targetDialect({ ...ceph, version: "squid" })).toBe("ceph-legacy");
  });

  test("is kept by the check (a change of version is no new bucket)", () => {
    expect(checkTarget({ ...ceph, version: "16.2.15" })).toEqual({ ok: true, target: { ...ceph, version: "16.2.15" } });
  });

  test("an unknown version is refused, naming the accepted forms", () => {
    const check = checkTarget({ ...ceph, version: "latest" });
    expect(check.ok ? [] : check.issues.map((i) => i.message)).toEqual([
      'target.version: "latest" is not a Ceph release; give a release name (luminous, mimic, nautilus, octopus, pacific, quincy, reef, squid, tentacle, umbrella) or a version number such as "18.2.4" — it picks how RGW chooses the CORS rule (by origin alone before ceph/ceph#69190), so leave it out for a current release',
    ]);
  });

  test("a version on another profile is refused", () => {
    const check = checkTarget({ profile: "aws", bucket: "media", version: "reef" });
    expect(check.ok ? [] : check.issues.map((i) => i.message)).toEqual([
      'target.version: is only for Ceph RGW targets; the "aws" profile has one behaviour — remove version',
    ]);
  });
});

describe("expect is checked with the dialect the version picks (checkInputs, no I/O)", () => {
  // Two rules for one origin: RGW before ceph/ceph#69190 stops at rules[0] (GET only) and denies PUT.
  const inputs = (version: string | undefined) => ({
    target: { profile: "ceph", bucket: "media", endpoint: "http://127.0.0.1:7480", ...(version === undefined ? {} : { version }) },
    rules: [
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] },
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT"] },
    ],
    expect: [{ origin: "https://app.example.com", method: "PUT", allowed: true }],
  });

  test("a current release (no version) allows PUT through rules[1]", () => {
    expect(checkInputs(inputs(undefined)).failures).toEqual([]);
    expect(checkInputs(inputs("tentacle")).failures).toEqual([]);
  });

  test("reef denies it, and preview says so with the ceph-legacy explanation", () => {
    expect(checkInputs(inputs("reef")).failures).toEqual([
      {
        property: "expect[0]",
        reason:
          'PUT from https://app.example.com: expected allowed, but it is denied (status 403) (ceph-legacy rules) — rules[0]: origin "https://app.example.com" matches "https://app.example.com", but method "PUT" is not one of "GET"; RGW chose rules[0] by origin alone and consults no other rule: 403',
      },
    ]);
  });
});

describe("targetProfile: the row with the version's dialect, for lint", () => {
  test("an older release lints with ceph-legacy shadowing; no version keeps the row itself", () => {
    const legacy = targetProfile({ profile: "ceph", version: "squid" });
    expect(legacy.dialect).toEqual({ value: "ceph-legacy", source: 'profiles/ceph-versions.ts (version "squid")' });
    expect(targetProfile({ profile: "ceph" })).toBe(getProfile("ceph"));
    const rules = [
      { allowedOrigins: ["*"], allowedMethods: ["GET"] },
      { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT"] },
    ];
    expect(lintPolicy({ rules }, { profile: legacy }).map((i) => i.code)).toEqual(["shadowed-rule"]);
    expect(lintPolicy({ rules }, { profile: targetProfile({ profile: "ceph" }) }).map((i) => i.code)).toEqual([]);
  });
});
