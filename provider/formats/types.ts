import type { Issue } from "../model/issue";
import type { CorsConfiguration } from "../model/schema";

/** Every wire format we read and write. */
export const FORMAT_NAMES = [
  "s3-xml", // PutBucketCors body; with or without the S3 namespace
  "aws-json", // AWS CLI `{"CORSRules":[...]}` (also Exoscale portal, OVH docs)
  "rule-array", // bare `[{"AllowedOrigins":...}]` (S3 console, R2 dashboard, Wasabi console)
  "cloudflare-api", // `{"rules":[{"allowed":{...}}]}` (Cloudflare REST API, wrangler)
  "gcs-json", // `[{"origin":[],"method":[],"responseHeader":[],"maxAgeSeconds":N}]`
  "swift-headers", // X-Container-Meta-Access-Control-* metadata
  "b2-json", // Backblaze B2 native `[{"corsRuleName","allowedOrigins","allowedOperations":["s3_get"],...}]`
] as const;

/** Name of a wire format. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** What decoding a document gives: the normalized config when there were no errors, and every issue. */
export interface DecodeResult {
  readonly config?: CorsConfiguration;
  readonly issues: readonly Issue[];
}

/** Swift container metadata, header name → value. */
export type SwiftHeaders = Record<string, string>;

/** What a codec renders: text for XML/JSON formats, a header map for Swift. */
export type Encoded = string | SwiftHeaders;

/** One wire format, to and from the canonical model (never format to format). */
export interface Codec {
  readonly name: FormatName;
  /** Decodes text (or an already-parsed value); never throws on bad input. */
  decode(input: unknown): DecodeResult;
  /** What this format cannot hold of `config` (empty when it can hold all of it). */
  limitations(config: CorsConfiguration): Issue[];
  /**
   * Renders `config`; throws `CorsValidationError` with {@link limitations} instead of dropping anything.
   * A format that can only hold a wider policy (swift-headers) also refuses what would widen, unless
   * `options.allowWidening` accepts it.
   */
  encode(config: CorsConfiguration, options?: EncodeOptions): Encoded;
}

/** Options of {@link Codec.encode}. */
export interface EncodeOptions {
  /**
   * swift-headers: write the wider policy a container holds (every method, every requested header,
   * one setting for all rules) instead of refusing it. Other formats hold every rule as written.
   * @default false
   */
  readonly allowWidening?: boolean;
}
