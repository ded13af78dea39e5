import { createHash } from "node:crypto";
// Types only: @smithy/types comes with @aws-sdk/client-s3, whose commands' middleware stacks it describes.
import type { BuildMiddleware, MetadataBearer, MiddlewareStack } from "@smithy/types";

/** The parts of the SDK's HttpRequest (@smithy/protocol-http) this middleware reads and rewrites. */
interface BuiltRequest {
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/**
 * The headers the SDK's flexible checksums put on a request: `x-amz-sdk-checksum-algorithm` and one
 * `x-amz-checksum-<algorithm>` (@aws-sdk/checksums, flexible-checksums `getChecksumLocationName`).
 */
const FLEXIBLE_CHECKSUM_HEADER = /^x-amz-(sdk-)?checksum-/i;

/**
 * Sends the command with `Content-MD5` and without the flexible-checksum headers.
 *
 * Why: PutBucketCors is a "checksum required" operation, so since @aws-sdk/client-s3 3.729 the
 * SDK adds `x-amz-sdk-checksum-algorithm: CRC32` and `x-amz-checksum-crc32` to it whatever
 * `requestChecksumCalculation` says (@aws-sdk/checksums, flexible-checksums: `requestChecksumRequired`
 * picks CRC32 even under WHEN_REQUIRED), and no `Content-MD5`. Servers that check `Content-MD5`
 * refuse that: Scality CloudServer answers 400 BadDigest (lib/api/bucketPutCors.js before
 * scality/cloudserver#5899; scality/cloudserver#5784), R2 answered 501 NotImplemented for the CRC32
 * header (cloudflare/cloudflare-docs#19236). AWS takes `Content-MD5` as PutBucketCors' integrity
 * check (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html, "Content-MD5"),
 * as every SDK sent it before 3.729, so one wire form serves every S3 profile.
 *
 * How: the SDK's own fallback recipe (aws/aws-sdk-js-v3 supplemental-docs/MD5_FALLBACK.md, #6886),
 * placed right after `flexibleChecksumsMiddleware` in the build step, so it sees the headers that
 * middleware added, and before signing (finalizeRequest), so the signature covers `Content-MD5`.
 */
export function sendContentMd5<I extends object, O extends MetadataBearer>(command: { readonly middlewareStack: MiddlewareStack<I, O> }): void {
  const middleware: BuildMiddleware<I, O> = (next) => async (args) => {
    const request = args.request as BuiltRequest;
    const bytes = bodyBytes(request.body);
    if (bytes === undefined) return next(args); // a streamed body: the SDK's own trailer checksum stays
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!FLEXIBLE_CHECKSUM_HEADER.test(name) && name.toLowerCase() !== "content-md5") headers[name] = value;
    }
    headers["content-md5"] = createHash("md5").update(bytes).digest("base64");
    return next({ ...args, request: { ...(args.request as object), headers } });
  };
  command.middlewareStack.addRelativeTo(middleware, {
    relation: "after",
    toMiddleware: "flexibleChecksumsMiddleware",
    name: "bucketCorsContentMd5",
    override: true,
  });
}

/** The bytes `Content-MD5` is the digest of (RFC 1864): the XML text the SDK's serializer built; undefined for a stream. */
function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === "string") return Buffer.from(body, "utf8");
  return body instanceof Uint8Array ? body : undefined;
}
