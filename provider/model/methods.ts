/**
 * The HTTP methods a CORS rule may allow. AWS S3 accepts exactly these five
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html); every
 * S3-compatible service we target uses the same list. The tuple order is also
 * the canonical order normalization puts methods in.
 */
export const CORS_METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD"] as const;

/** One of {@link CORS_METHODS}. */
export type CorsMethod = (typeof CORS_METHODS)[number];

/** True when `value` (already upper-cased) is one of the five CORS methods. */
export function isCorsMethod(value: string): value is CorsMethod {
  return (CORS_METHODS as readonly string[]).includes(value);
}
