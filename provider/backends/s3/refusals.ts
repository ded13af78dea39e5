import { S3ServiceException } from "@aws-sdk/client-s3";
import type { BackendError } from "../../errors";
import type { Target } from "../../targets";
import { failed, type Subject } from "../failure";

/**
 * S3 refusals whose fix is a target field, worded with that field: a bucket in another
 * region, a bucket another account owns. Undefined for every other error, which
 * backends/s3/errors.ts words.
 */
export function targetRefusal(error: unknown, target: Target, subject: Subject, operation: string): BackendError | undefined {
  if (!(error instanceof S3ServiceException)) return undefined;
  return wrongRegion(error, target, subject, operation) ?? notOwner(error, target, subject, operation);
}

/**
 * A 301 naming the bucket's region in `x-amz-bucket-region` that the SDK's
 * `followRegionRedirects` did not resolve (it retries once, in that region, at the same
 * endpoint: a second 301 ends here). The header is S3's answer to a request signed for
 * the wrong region (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html).
 */
function wrongRegion(error: S3ServiceException, target: Target, subject: Subject, operation: string): BackendError | undefined {
  const status = error.$metadata.httpStatusCode;
  const region = headerOf(error, "x-amz-bucket-region");
  if (status !== 301 || region === undefined || !/^[a-z0-9-]{1,40}$/.test(region)) return undefined;
  const asked = target.region === undefined ? "" : `, not ${JSON.stringify(target.region)}`;
  return failed(subject, {
    operation,
    code: "RedirectRefused",
    serviceCode: error.name === "Unknown" ? "PermanentRedirect" : error.name,
    status,
    detail: `the bucket is in region ${JSON.stringify(region)}${asked} (x-amz-bucket-region), and the request signed for that region was redirected too — set region to ${JSON.stringify(region)}, and the endpoint to that region's if you gave one`,
    cause: error,
  });
}

/**
 * A 403 to a request carrying `x-amz-expected-bucket-owner`: S3 answers AccessDenied, the
 * same as for missing permissions, when another account owns the bucket
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html).
 */
function notOwner(error: S3ServiceException, target: Target, subject: Subject, operation: string): BackendError | undefined {
  if (target.expectedBucketOwner === undefined || error.$metadata.httpStatusCode !== 403 || error.name !== "AccessDenied") return undefined;
  const requestId = error.$metadata.requestId;
  return failed(subject, {
    operation,
    code: "ServiceError",
    serviceCode: error.name,
    status: 403,
    detail: `access denied, and the request asked that the bucket belong to account ${target.expectedBucketOwner} (expected bucket owner): either another account owns it, or the keys lack permission — check the account id, then the keys' policy`,
    cause: error,
    ...(requestId === undefined ? {} : { requestId }),
  });
}

/** A header of the raw answer the SDK keeps on its errors (`$response`). */
function headerOf(error: S3ServiceException, name: string): string | undefined {
  return (error as { $response?: { headers?: Record<string, string | undefined> } }).$response?.headers?.[name];
}
