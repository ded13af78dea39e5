/** The HTTP method of each CORS call, as a 405 names it. */
const METHOD_OF: Readonly<Record<string, string>> = { GetBucketCors: "GET", PutBucketCors: "PUT", DeleteBucketCors: "DELETE" };

/**
 * What to do about an endpoint that answers `NotImplemented` to a CORS call, with `useSwift` the
 * surface's words for choosing the swift profile (`profile: "swift"`, `--service swift`):
 * - community MinIO: PutBucketCors is a dummy answering 501 NotImplemented (minio/minio@cmd/dummy-handlers.go,
 *   minio/minio#20995, #21332); its CORS is the server-wide `cors_allow_origin` (MINIO_API_CORS_ALLOW_ORIGIN,
 *   `mc admin config set ALIAS api cors_allow_origin=…`); MinIO AIStor has per-bucket CORS
 *   (https://docs.min.io/enterprise/aistor-object-store/reference/cli/mc-cors), as the minio profile's `alternative` says;
 * - OpenStack Swift's s3api middleware routes `?cors` to its UnsupportedController, 501 NotImplemented
 *   (swift/common/middleware/s3api/s3request.py, Swift 2.30), while Swift itself keeps CORS in container
 *   metadata (https://docs.openstack.org/swift/latest/cors.html).
 */
export function notImplementedHint(operation: string, useSwift: string): string {
  return `this endpoint does not implement ${operation}: it has no per-bucket CORS through the S3 API. Community MinIO: set the server-wide MINIO_API_CORS_ALLOW_ORIGIN variable or run mc admin config set ALIAS api cors_allow_origin="https://app.example.com" (MinIO AIStor has per-bucket CORS); OpenStack Swift's S3 layer (s3api): use ${useSwift}, which sets the container's CORS metadata; any other server: set CORS in its own configuration`;
}

/**
 * What to do about a 405 MethodNotAllowed ("The specified method is not allowed against this
 * resource", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList)
 * to a CORS call: the address does not manage CORS configurations with that method.
 */
function methodNotAllowedHint(operation: string): string {
  const method = METHOD_OF[operation] ?? operation;
  return `this endpoint does not accept ${method} on the bucket's CORS configuration (the ?cors subresource), so it cannot ${operation === "GetBucketCors" ? "read" : "change"} it through the S3 API: check that the endpoint is the service's S3 API address (not a website, CDN or console address); if it is, the service has no per-bucket CORS through the S3 API: set CORS where the service documents it`;
}

/**
 * The advice for an S3 answer saying the endpoint cannot do the CORS call at all
 * (`NotImplemented`, `MethodNotAllowed`), in the Pulumi program's words: what it can do and what
 * to do instead. Undefined for any other code.
 */
export function capabilityHint(serviceCode: string, operation: string): string | undefined {
  if (serviceCode === "NotImplemented") return notImplementedHint(operation, 'profile: "swift"');
  if (serviceCode === "MethodNotAllowed") return methodNotAllowedHint(operation);
  return undefined;
}
