import { checkInputs } from "../../provider/lifecycle/check";
import { getProfile, nearestProfile, presetOf, PROFILE_NAMES } from "../../provider/profiles";
import { checkTarget } from "../../provider/targets";
import { targets } from "../../sdk/targets";

// Issue 19, item 9: `profile: "digitalocean"` got no "did you mean spaces", and the fix named
// targets.aws(...) whatever was typed. One suggestion (profiles/suggest.ts) serves the SDK and the CLI.

const ALLOWED = "allowed are aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw";

test.each([
  ["digitalocean", "spaces"],
  ["DigitalOcean", "spaces"],
  ["digital-ocean", "spaces"],
  ["cloudflare", "r2"],
  ["cloudfare", "r2"],
  ["amazon", "aws"],
  ["Amazon S3", "aws"],
  ["was", "aws"],
  ["backblaze", "b2"],
  ["openstack", "swift"],
  ["vngcloud", "vstorage"],
  ["radosgw", "ceph"],
  ["minoi", "minio"],
  ["wasbi", "wasabi"],
  ["OVH_Swift", "ovh-swift"],
  ["S3", "s3"],
])("nearestProfile(%j) is %j: the alias people type, or the profile one typo away", (typed, profile) => {
  expect(nearestProfile(typed)).toBe(profile);
});

test.each(["gcs", "azure", "default", "", "constructor"])("nearestProfile(%j) suggests nothing: no profile is near it", (typed) => {
  expect(nearestProfile(typed)).toBeUndefined();
});

test("presetOf names the SDK preset of every profile that has one, and none for the others", () => {
  const presets = Object.keys(targets);
  expect(PROFILE_NAMES.map((p) => [p, presetOf(p)]).filter(([, preset]) => preset !== undefined && !presets.includes(preset))).toEqual([]);
  expect(presets.filter((preset) => !PROFILE_NAMES.some((p) => presetOf(p) === preset))).toEqual([]);
  expect(presetOf("minio")).toBeUndefined();
});

test("fails when a target names an unknown profile: the fix names the nearest profile and its preset, in the SDK's words", () => {
  expect(checkTarget({ profile: "digitalocean", bucket: "assets", region: "nyc3" })).toEqual({
    ok: false,
    issues: [
      {
        code: "target-invalid",
        path: ["target", "profile"],
        severity: "error",
        params: { kind: "unknown-profile", found: "digitalocean" },
        message: `target.profile: "digitalocean" is not a known profile; ${ALLOWED} — use profile: "spaces" for DigitalOcean Spaces, e.g. targets.spaces({ … })`,
      },
    ],
  });
});

test("fails at preview with the same words as a CorsPolicy's check failure", () => {
  const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
  expect(checkInputs({ target: { profile: "openstack", bucket: "assets" }, rules }).failures).toEqual([
    {
      property: "target.profile",
      reason: `"openstack" is not a known profile; ${ALLOWED} — use profile: "swift" for OpenStack Swift, e.g. targets.swift({ … })`,
    },
  ]);
});

test("fails when getProfile gets an unknown name: a profile without a preset is named by profile: alone, and an unrelated name gets the list", () => {
  expect(() => getProfile("minoi")).toThrow(`profile: "minoi" is not a known profile; ${ALLOWED} — use profile: "minio" for MinIO (community)`);
  expect(() => getProfile("azure")).toThrow(
    `profile: "azure" is not a known profile; ${ALLOWED} — use one of them, or "s3" for any other S3-compatible service`,
  );
});
