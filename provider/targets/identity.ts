import { getProfile } from "../profiles";
import { endpointOf } from "./endpoint";
import type { Target } from "./types";

/**
 * A stable resource id naming the bucket a target points at, e.g.
 * `r2:acct/assets`, `aws:assets`, `ceph:127.0.0.1:7480/media`. Where bucket names
 * are global (the profile's `globalBucketNames`: AWS), the region is not part of it.
 */
export function resourceIdOf(target: Target): string {
  return `${target.profile}:${scopeOf(target)}${target.bucket}`;
}

/**
 * Where the bucket really is, whatever the target's spelling: the endpoint host
 * (and path) it resolves to plus the bucket. Two targets with different ids but
 * the same location (profile s3 → ceph, an R2 endpoint written out instead of
 * the account id) are the same bucket: an update, never a replace that would
 * delete the configuration it has just written.
 */
export function locationOf(target: Target): string {
  return knownLocationOf(target) ?? resourceIdOf(target);
}

/**
 * {@link locationOf} when the target alone says where the bucket is; `undefined` when
 * only the service's login can (a Swift target without its storage URL: the Keystone
 * catalog or TempAuth gives it, backends/locate.ts asks).
 */
export function knownLocationOf(target: Target): string | undefined {
  let endpoint: string | undefined;
  try {
    endpoint = endpointOf(target);
  } catch {
    return undefined;
  }
  const host = endpoint === undefined ? AWS_GLOBAL : sameHost(hostOf(endpoint));
  return `${getProfile(target.profile).backend.value}://${host}/${target.bucket}`;
}

/** Where every AWS S3 endpoint leads: bucket names are global, so the endpoint's region does not name another bucket. */
const AWS_GLOBAL = "s3.amazonaws.com";

/**
 * AWS S3's endpoint spellings (global, regional, legacy `s3-<region>`, dual-stack, China):
 * https://docs.aws.amazon.com/general/latest/gr/s3.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html.
 */
const AWS_S3_HOST = /^s3(?:[.-][a-z0-9-]+)?(?:\.dualstack\.[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/** The loopback spellings of one machine: `localhost` resolves to 127.0.0.1 or ::1 (RFC 6761, section 6.3). */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** One spelling per host: AWS S3 endpoints as the global one, loopback addresses as `localhost` (port and path kept). */
function sameHost(hostAndPath: string): string {
  const [hostPort = "", ...path] = hostAndPath.split("/");
  const port = /:(\d+)$/.exec(hostPort)?.[0] ?? "";
  const host = hostPort.slice(0, hostPort.length - port.length).toLowerCase();
  if (AWS_S3_HOST.test(host) && path.length === 0) return AWS_GLOBAL;
  return [`${LOOPBACK.has(host) ? "localhost" : host}${port}`, ...path].join("/");
}

function scopeOf(target: Target): string {
  if (target.endpoint !== undefined) return `${hostOf(target.endpoint)}/`;
  if (getProfile(target.profile).globalBucketNames?.value === true) return "";
  if (target.accountId !== undefined) {
    return target.jurisdiction === undefined ? `${target.accountId}/` : `${target.accountId}.${target.jurisdiction}/`;
  }
  const region = target.region ?? getProfile(target.profile).defaultRegion.value;
  const project = target.projectId === undefined ? "" : `${target.projectId}/`;
  return `${region === null ? "" : `${region}/`}${project}`;
}

function hostOf(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return endpoint;
  }
}
