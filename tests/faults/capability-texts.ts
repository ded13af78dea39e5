/** The advice capability refusals end with (provider/backends/s3/capability.ts, credential-source.ts), pinned once for the tests that expect it. */

const MINIO =
  'Community MinIO: set the server-wide MINIO_API_CORS_ALLOW_ORIGIN variable or run mc admin config set ALIAS api cors_allow_origin="https://app.example.com" (MinIO AIStor has per-bucket CORS)';

/** A 501 NotImplemented's advice; `useSwift` is the surface's words for the swift profile. */
export const NOT_IMPLEMENTED = (operation: string, useSwift: string) =>
  `this endpoint does not implement ${operation}: it has no per-bucket CORS through the S3 API. ${MINIO}; OpenStack Swift's S3 layer (s3api): use ${useSwift}, which sets the container's CORS metadata; any other server: set CORS in its own configuration`;

/** A 405 MethodNotAllowed's advice. */
export const METHOD_NOT_ALLOWED = (method: string, verb: string) =>
  `this endpoint does not accept ${method} on the bucket's CORS configuration (the ?cors subresource), so it cannot ${verb} it through the S3 API: check that the endpoint is the service's S3 API address (not a website, CDN or console address); if it is, the service has no per-bucket CORS through the S3 API: set CORS where the service documents it`;

/** A 403 AccessDenied's fix, after where the keys came from. */
export const DENIED = (operation: string, permission: string) =>
  `the service knows these keys but refuses this call: check that they belong to the bucket's account and that their policy allows ${permission} on it (what ${operation} needs; every change reads the configuration first, so changes need s3:GetBucketCORS and s3:PutBucketCORS)`;
