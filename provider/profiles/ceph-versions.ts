import type { Dialect } from "./types";

/**
 * Ceph release names, oldest first, with their major version
 * (https://docs.ceph.com/en/latest/releases/). `umbrella` is the release after tentacle.
 */
export const CEPH_RELEASES = {
  luminous: 12,
  mimic: 13,
  nautilus: 14,
  octopus: 15,
  pacific: 16,
  quincy: 17,
  reef: 18,
  squid: 19,
  tentacle: 20,
  umbrella: 21,
} as const;

/** A Ceph release name, one of {@link CEPH_RELEASES}. */
export type CephRelease = keyof typeof CEPH_RELEASES;

/**
 * What `targets.ceph({ version })` takes: a release name (`"reef"`) or a version number
 * (`"18"`, `"18.2"`, `"20.2.2"`).
 */
export type CephVersion = CephRelease | `${number}` | `${number}.${number}` | `${number}.${number}.${number}`;

/** The dialect of a Ceph RGW target without a `version`: the newer, AWS-like rule matching. */
export const CEPH_DEFAULT_DIALECT: Dialect = "ceph";

/** Major 20 is tentacle: 20.2.2 still chose by origin (red-hat-storage/ceph-qe-scripts#895), the backport came after. */
const TENTACLE = 20;
const LAST_TENTACLE_BY_ORIGIN = { minor: 2, patch: 2 };

/**
 * The evaluator dialect of a Ceph release, or `undefined` when `version` names none.
 * RGW chose the CORS rule by origin alone until ceph/ceph#69190 (merged to main in June 2026);
 * tentacle got it through ceph/ceph#69647 after 20.2.2 (red-hat-storage/ceph-qe-scripts#895
 * confirms 20.2.2 without it; the first point release with it is not recorded, so `"tentacle"` and
 * `"20"` mean a current tentacle); the squid backport (ceph/ceph#69648) is open and the reef one
 * (ceph/ceph#69649) was closed unmerged, so every release up to 19.x keeps `ceph-legacy`. Umbrella
 * (21.x) has its own backport ticket (https://tracker.ceph.com/issues/77585, cited in
 * red-hat-storage/ceph-qe-scripts#895) whose state is not recorded: 21.x counts as fixed, uncertain.
 */
export function cephDialectFor(version: string): Dialect | undefined {
  const named: number | undefined = Object.hasOwn(CEPH_RELEASES, version) ? CEPH_RELEASES[version as CephRelease] : undefined;
  if (named !== undefined) return named < TENTACLE ? "ceph-legacy" : "ceph";
  const numbers = /^(\d{1,3})(?:\.(\d{1,3})(?:\.(\d{1,3}))?)?$/.exec(version);
  if (numbers === null) return undefined;
  const [major, minor, patch] = [Number(numbers[1]), numbers[2], numbers[3]].map((n) => (n === undefined ? undefined : Number(n)));
  if (major === undefined || major < CEPH_RELEASES.luminous) return undefined;
  if (major < TENTACLE) return "ceph-legacy";
  if (major > TENTACLE || minor === undefined) return "ceph";
  if (minor < LAST_TENTACLE_BY_ORIGIN.minor) return "ceph-legacy"; // 20.0 and 20.1 were development and release-candidate builds
  if (minor > LAST_TENTACLE_BY_ORIGIN.minor || patch === undefined) return "ceph";
  return patch <= LAST_TENTACLE_BY_ORIGIN.patch ? "ceph-legacy" : "ceph";
}
