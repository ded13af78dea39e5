import * as z from "zod";
import type { SameType } from "../model/same-type";
import { PROFILE_NAMES } from "../profiles/types";
import { R2_JURISDICTIONS, type Target, type TargetCredentials, type TargetInput } from "./types";

export { R2_JURISDICTIONS, type R2Jurisdiction, type Target, type TargetCredentials, type TargetInput } from "./types";

/**
 * Schema of a target: which bucket (or Swift container) on which service. Plain
 * data, serializable, and never credentials: `credentials` only names the
 * environment variables to read them from at call time.
 * `@internal`: no declaration file of the package mentions zod (see types.ts).
 * @internal
 */
export function targetSchema() {
  return z.strictObject({
    /** Vendor profile (`aws`, `r2`, `ceph`, `swift`...). */
    profile: z.enum(PROFILE_NAMES),
    /** Bucket name (the container name on Swift targets). */
    bucket: z.string().min(1),
    /** Endpoint URL; overrides the profile's template. */
    endpoint: z.string().optional(),
    /** Region (fills `{region}` in the profile's endpoint and signs requests). */
    region: z.string().optional(),
    /** Cloudflare account id (R2). */
    accountId: z.string().optional(),
    /** R2 jurisdiction; `default` is the same as leaving it out. */
    jurisdiction: z.enum(R2_JURISDICTIONS).optional(),
    /** Swift project (tenant) id filling `{projectId}` in storage URLs. */
    projectId: z.string().optional(),
    /** Force path-style addressing; defaults to the profile's addressing style. */
    forcePathStyle: z.boolean().optional(),
    /** Ceph release of a `ceph` target (`"reef"`, `"18.2.4"`): picks the evaluator dialect; checked by check.ts. */
    version: z.string().optional(),
    /** Names of environment variables holding the credentials (never the values). */
    credentials: z
      .strictObject({
        accessKeyIdEnv: envName().optional(),
        secretAccessKeyEnv: envName().optional(),
        sessionTokenEnv: envName().optional(),
      })
      .optional(),
    /**
     * AWS account id that must own the bucket, sent as ExpectedBucketOwner with every CORS call: S3 refuses
     * the call (403) when another account owns it (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html).
     */
    expectedBucketOwner: z
      .string()
      .regex(/^[0-9]{12}$/, { error: 'an AWS account id is 12 digits, e.g. "111122223333"' })
      .optional(),
  });
}

/**
 * What a shell accepts as a variable name (POSIX "Name"). A secret's value given here by
 * mistake (`secretAccessKeyEnv: process.env.KEY`) fails it, and check never shows it.
 */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function envName() {
  return z.string().regex(ENV_NAME, { error: "not-an-env-name" });
}

type TargetSchema = ReturnType<typeof targetSchema>;

/**
 * Compile-time proof that the plain types in types.ts are exactly what the schema
 * infers: when one changes without the other, this stops compiling.
 * @internal
 */
export const TARGET_SCHEMA_MATCHES_TYPES: [
  SameType<TargetInput, z.input<TargetSchema>>,
  SameType<Target, z.output<TargetSchema>>,
  SameType<TargetCredentials, NonNullable<z.input<TargetSchema>["credentials"]>>,
] = [true, true, true];
