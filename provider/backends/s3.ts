import { DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, type CORSRule } from "@aws-sdk/client-s3";
import { codecFor } from "../formats";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { secretStrings } from "./credentials";
import { errorCode, NO_BUCKET_CODES, NO_CORS_CODES, toBackendError } from "./s3-errors";
import { s3ClientFor } from "./s3-client";
import type { Backend, LiveConfig } from "./types";
import { sendRequest } from "./http-request";
import { s3ObjectUrl } from "./object-url";

/** The S3 API backend (`?cors` subresource) for every profile whose backend kind is `s3`. */
export const s3Backend: Backend = {
  async get(target) {
    const { client, credentials } = s3ClientFor(target);
    let rules: CORSRule[];
    try {
      rules = (await client.send(new GetBucketCorsCommand({ Bucket: target.bucket }))).CORSRules ?? [];
    } catch (error) {
      const code = errorCode(error);
      if (NO_CORS_CODES.includes(code)) return { kind: "none" };
      const failure = toBackendError(error, facts(target, "GetBucketCors"), secretStrings(credentials));
      if (NO_BUCKET_CODES.includes(code)) return { kind: "no-bucket", error: failure };
      throw failure;
    }
    return decodeRules(rules); // outside the try: a config we cannot read is not a service error
  },

  async put(target, config) {
    const { client, credentials } = s3ClientFor(target);
    const body = JSON.parse(codecFor("aws-json").encode(config) as string) as { CORSRules: CORSRule[] };
    try {
      await client.send(new PutBucketCorsCommand({ Bucket: target.bucket, CORSConfiguration: body }));
    } catch (error) {
      throw toBackendError(error, facts(target, "PutBucketCors"), secretStrings(credentials));
    }
  },

  async preflight(target, request) {
    const url = s3ObjectUrl(target, request.key);
    return { url, ...(await sendRequest(url, request.method, request.headers)) };
  },

  async delete(target) {
    const { client, credentials } = s3ClientFor(target);
    try {
      await client.send(new DeleteBucketCorsCommand({ Bucket: target.bucket }));
    } catch (error) {
      const code = errorCode(error);
      if (NO_CORS_CODES.includes(code) || NO_BUCKET_CODES.includes(code)) return;
      throw toBackendError(error, facts(target, "DeleteBucketCors"), secretStrings(credentials));
    }
  },
};

function facts(target: Target, operation: string) {
  return { vendor: getProfile(target.profile).title, operation, bucket: target.bucket };
}

/** Live rules through the AWS CLI JSON codec (the SDK's shape is the CLI's); what it cannot decode is kept raw. */
function decodeRules(rules: CORSRule[]): LiveConfig {
  const raw = JSON.stringify({ CORSRules: rules });
  const decoded = codecFor("aws-json").decode(JSON.parse(raw) as unknown);
  return decoded.config === undefined ? { kind: "unreadable", raw, issues: decoded.issues } : { kind: "config", config: decoded.config };
}
