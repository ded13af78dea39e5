import { evaluateAws } from "./aws";
import type { RequestView } from "./request";
import type { EvaluableConfig, Evaluation } from "./types";

/**
 * Cloudflare R2 as far as it is recorded (docs/cors-semantics.md, "12. Cloudflare R2";
 * docs/vendors.md, "Cloudflare R2"), which is the AWS behaviour:
 * - no CORS headers without an Origin (R2 docs, "A request without an Origin
 *   HTTP request header will not return any CORS response headers"), as AWS;
 * - partial origin wildcards match despite "Origin values must match exactly":
 *   `https://*-myapp.<sub>.workers.dev` matched `https://a1b2c3d4-myapp.…` and not
 *   `https://other-worker.…` (cloudflare/cloudflare-docs#32888), as AWS's anchored
 *   wildcard does; a `*` port cannot be stored (400 MalformedXML, same issue), so
 *   no stored rule has one;
 * - a preflight no rule allows is refused with 403 (cloudflare/workerd#4280,
 *   cloudflare/cloudflare-docs#6003), as AWS.
 * Unknown, so evaluated as AWS: R2's error codes and messages, its Vary and
 * credentials headers, a missing bucket, a preflight without
 * Access-Control-Request-Method, and whether `*` in AllowedHeaders works (a
 * third-party claim says not, unverified).
 */
export function evaluateR2(config: EvaluableConfig | null, request: RequestView, bucketExists: boolean): Evaluation {
  const result = evaluateAws(config, request, bucketExists);
  return { ...result, explanation: ["r2: evaluated as aws; R2's error bodies and Vary/credentials headers are not recorded", ...result.explanation] };
}
