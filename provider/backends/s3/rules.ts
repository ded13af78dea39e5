import type { CORSRule } from "@aws-sdk/client-s3";
import { codecFor } from "../../formats";
import { normalize } from "../../model/normalize";
import type { CorsConfiguration } from "../../model/schema";
import type { LiveConfig } from "../types";

/*
 * The SDK's `CORSRule` (the S3 API's, https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html)
 * to and from the model, as objects: no JSON text in between (issue 21, items 2 and 5).
 */

/** The rules of `config`, normalized, as PutBucketCors takes them; absent fields left out. */
export function toSdkRules(config: CorsConfiguration): CORSRule[] {
  return normalize(config).rules.map((rule) => ({
    ...(rule.id === undefined ? {} : { ID: rule.id }),
    ...(rule.allowedHeaders === undefined ? {} : { AllowedHeaders: [...rule.allowedHeaders] }),
    AllowedMethods: [...rule.allowedMethods],
    AllowedOrigins: [...rule.allowedOrigins],
    ...(rule.exposeHeaders === undefined ? {} : { ExposeHeaders: [...rule.exposeHeaders] }),
    ...(rule.maxAgeSeconds === undefined ? {} : { MaxAgeSeconds: rule.maxAgeSeconds }),
  }));
}

/**
 * GetBucketCors's rules as a live configuration. Read by the AWS CLI JSON codec, whose rule
 * reader is the S3 API's (the SDK's shape is the CLI's), so that what a server sends that the
 * model cannot hold is reported with the codec's issues; the raw text is made only then.
 */
export function fromSdkRules(rules: readonly CORSRule[]): LiveConfig {
  const decoded = codecFor("aws-json").decode({ CORSRules: rules });
  if (decoded.config !== undefined) return { kind: "config", config: decoded.config };
  return { kind: "unreadable", raw: JSON.stringify({ CORSRules: rules }), issues: decoded.issues };
}
