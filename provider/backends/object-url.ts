import { getProfile } from "../profiles";
import { templateEndpointOf, type Target } from "../targets";

/** The object key live preflights are sent to: it need not exist (S3 and Swift answer CORS for missing objects). */
export const VERIFY_KEY = "bucket-cors-verify";

/**
 * The URL of an object in an S3 bucket, in the addressing style the profile (or
 * `forcePathStyle`) says; AWS's own regional endpoint when the target names none.
 * Virtual-hosted on AWS because buckets created after 2020-09-30 answer only that
 * style (https://aws.amazon.com/blogs/aws/amazon-s3-path-deprecation-plan-the-rest-of-the-story/).
 */
export function s3ObjectUrl(target: Target, key: string = VERIFY_KEY): string {
  // AWS's regional endpoint, from the profile's template and checked like any other: the region used to go in unchecked (issue 23, item B).
  const endpoint = new URL(target.endpoint ?? templateEndpointOf(target));
  const pathStyle = target.forcePathStyle ?? getProfile(target.profile).addressing.value === "path";
  const base = endpoint.pathname.replace(/\/+$/, "");
  const object = key.split("/").map(encodeURIComponent).join("/");
  return pathStyle
    ? `${endpoint.protocol}//${endpoint.host}${base}/${encodeURIComponent(target.bucket)}/${object}`
    : `${endpoint.protocol}//${target.bucket}.${endpoint.host}${base}/${object}`;
}
