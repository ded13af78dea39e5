import { BACKEND_TRAITS, getProfile } from "../profiles";
import { targetIssue, type TargetIssue } from "./messages";
import type { Target } from "./types";

/**
 * Characters an S3 bucket name may hold. AWS allows lower-case letters, digits,
 * "." and "-" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html);
 * Ceph RGW and MinIO also accept legacy names with upper case and "_"
 * (rgw_relaxed_s3_bucket_names). Anything else would change the request URL:
 * a "/" moves the virtual-hosted host to another domain, "?" starts a query.
 */
const S3_NAME = /^[A-Za-z0-9._-]+$/;

/** Longest S3 bucket name: Ceph RGW's relaxed limit (AWS's own is 63). */
const S3_MAX_LENGTH = 255;

/** Longest Swift container name: Swift's default `max_container_name_length` (https://docs.openstack.org/swift/latest/api/object_api_v1_overview.html). */
const SWIFT_MAX_LENGTH = 256;

/** Whitespace and controls: never in a name we put in a URL or echo in a message. */
const CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks the target's bucket (container) name against its backend's rules, so
 * that the name can only ever address that bucket: never another host, the
 * account (Swift `.`), or the service root (`..`).
 */
export function bucketNameProblem(target: Target): TargetIssue | undefined {
  const name = target.bucket;
  const backend = getProfile(target.profile).backend.value;
  const noun = BACKEND_TRAITS[backend].noun;
  if (name === "." || name === "..") return targetIssue("bucket-name-invalid", ["target", "bucket"], { kind: "dots", name, noun });
  const max = backend === "swift" ? SWIFT_MAX_LENGTH : S3_MAX_LENGTH;
  if (name.length > max) return targetIssue("bucket-name-invalid", ["target", "bucket"], { kind: "length", name, noun, max });
  if (backend === "swift") {
    const bad = /[/]/.exec(name) ?? CONTROL.exec(name);
    if (bad === null) return undefined;
    return targetIssue("bucket-name-invalid", ["target", "bucket"], {
      kind: "swift-character",
      name,
      character: bad[0],
      suggestion: name.replace(/[/\s\u0000-\u001f\u007f-\u009f]+/g, ""),
    });
  }
  if (S3_NAME.test(name)) return undefined;
  const bad = /[^A-Za-z0-9._-]/.exec(name)!;
  return targetIssue("bucket-name-invalid", ["target", "bucket"], {
    kind: "s3-character",
    name,
    character: bad[0],
    suggestion: name.replace(/[^A-Za-z0-9._-]+/g, ""),
  });
}
