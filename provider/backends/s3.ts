import { DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, type CORSRule } from "@aws-sdk/client-s3";
import { codecFor } from "../formats";
import { CorsValidationError } from "../errors";
import type { CorsConfiguration } from "../model/schema";
import { getProfile } from "../profiles";
import type { Target } from "../targets";
import { secretStrings } from "./credentials";
import { errorCode, NO_BUCKET_CODES, NO_CORS_CODES, toBackendError } from "./s3-errors";
import { s3ClientFor } from "./s3-client";
import type { Backend } from "./types";
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
      if (NO_CORS_CODES.includes(errorCode(error))) return null;
      throw toBackendError(error, facts(target, "GetBucketCors"), secretStrings(credentials));
    }
    return decodeRules(rules, target); // outside the try: a config we cannot read is not a service error
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

  async request(target, method, headers) {
    const url = s3ObjectUrl(target);
    return { url, ...(await sendRequest(url, method, headers)) };
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

/** Live rules through the AWS CLI JSON codec (the SDK's shape is the CLI's). */
function decodeRules(rules: CORSRule[], target: Target): CorsConfiguration {
  const plain = JSON.parse(JSON.stringify({ CORSRules: rules })) as unknown;
  const decoded = codecFor("aws-json").decode(plain);
  if (decoded.config === undefined) {
    throw new CorsValidationError(decoded.issues, `GetBucketCors on ${getProfile(target.profile).title} bucket "${target.bucket}" returned a configuration this package cannot read — see the issues below, and fix the bucket's rules with bucket-cors apply or the vendor's console`);
  }
  return decoded.config;
}
