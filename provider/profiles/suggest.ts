import { PROFILES } from "./table";
import { PROFILE_NAMES, type ProfileName } from "./types";

/**
 * Names people type for a vendor whose profile is called something else, keyed by
 * {@link canonical} form: the company (`digitalocean`), the product (`rgw`), or both.
 * `s3` is not here: it is its own profile, any other S3-compatible service.
 */
const ALIASES: Readonly<Record<string, ProfileName>> = {
  amazon: "aws",
  amazons3: "aws",
  awss3: "aws",
  cloudflare: "r2",
  cloudflarer2: "r2",
  digitalocean: "spaces",
  digitaloceanspaces: "spaces",
  dospaces: "spaces",
  ovhcloud: "ovh",
  ovhs3: "ovh",
  sos: "exoscale",
  exoscalesos: "exoscale",
  rgw: "ceph",
  radosgw: "ceph",
  cephrgw: "ceph",
  backblaze: "b2",
  backblazeb2: "b2",
  wasabisys: "wasabi",
  s3compatible: "s3",
  openstack: "swift",
  openstackswift: "swift",
  vngcloud: "vstorage",
  vng: "vstorage",
  ovhcloudswift: "ovh-swift",
};

/** Lower case, letters and digits only: `Digital Ocean`, `digital-ocean` and `DIGITALOCEAN` are one name. */
function canonical(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The profile `name` most likely means, for a "use …" hint: an exact match up to case and
 * punctuation, an alias, else the profile or alias nearest by edit distance (at most 1 edit for
 * names of up to 4 characters, 2 beyond, so that an unrelated name gets no suggestion).
 * One definition for every surface: the SDK words it as `profile: "spaces"`, the CLI as a flag.
 */
export function nearestProfile(name: string): ProfileName | undefined {
  const typed = canonical(name);
  if (typed === "") return undefined;
  const candidates: [string, ProfileName][] = [...PROFILE_NAMES.map((p): [string, ProfileName] => [canonical(p), p]), ...Object.entries(ALIASES)];
  const exact = candidates.find(([key]) => key === typed);
  if (exact !== undefined) return exact[1];
  const limit = typed.length <= 4 ? 1 : 2;
  let best: { profile: ProfileName; distance: number } | undefined;
  for (const [key, profile] of candidates) {
    const distance = editDistance(typed, key);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { profile, distance };
  }
  return best?.profile;
}

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (optimal string
 * alignment): `was` is one edit from `aws`, as a typo is.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The SDK preset that builds a target of `profile` (`targets.ovhSwift` for `ovh-swift`), or
 * undefined for a profile without one (`minio`: written as `profile: "minio"`). A test checks
 * this against sdk/targets.ts, which the provider must not import.
 */
export function presetOf(profile: ProfileName): string | undefined {
  if (profile === "minio") return undefined;
  return profile.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The fix for an unknown profile in the SDK's words: `use profile: "spaces" for DigitalOcean Spaces, e.g. targets.spaces({ … })`. */
export function unknownProfileFix(name: string): string {
  const nearest = nearestProfile(name);
  if (nearest === undefined) return `use one of them, or "s3" for any other S3-compatible service`;
  const preset = presetOf(nearest);
  return `use profile: ${JSON.stringify(nearest)} for ${PROFILES[nearest].title}${preset === undefined ? "" : `, e.g. targets.${preset}({ … })`}`;
}
