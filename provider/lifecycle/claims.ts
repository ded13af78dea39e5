import { UNKNOWN } from "./unknown";

/**
 * The input that carries a CorsPolicy's claim on its bucket (sdk/one-per-bucket.ts): absent when
 * the resource alone targets the bucket, the refusal when others do too. Never stored: `check`
 * refuses a contested bucket and returns the inputs without it.
 */
export const BUCKET_CLAIM = "bucketClaim";

/**
 * What `check` got, split into the refusal of a contested bucket (if any) and the inputs the
 * program wrote. A claim not judged yet (a target still unknown at preview) reaches the provider
 * as Pulumi's unknown sentinel, a string: it is no refusal.
 */
export function splitClaim(news: unknown): { readonly refusal?: string; readonly written: unknown } {
  if (typeof news !== "object" || news === null || !(BUCKET_CLAIM in news)) return { written: news };
  const { [BUCKET_CLAIM]: claim, ...written } = news as Record<string, unknown>;
  return typeof claim === "string" && claim !== UNKNOWN ? { refusal: claim, written } : { written };
}
