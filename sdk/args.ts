import type { LintCode } from "../provider/evaluate/lint/messages";
import type * as pulumi from "@pulumi/pulumi";
import type { Expectation } from "../provider/operations/expectations";
import type { OnExisting, VerifyMode, VerifyThrough } from "../provider/operations/options";
import type { PolicyArgs } from "../provider/lifecycle/types";
import type { SameType } from "../provider/model/same-type";
import type { CorsRuleInput } from "../provider/model/types";
import type { TargetInput } from "../provider/targets/types";
import type { TargetArgs } from "./target-args";

/** `verify: { via, key? }` with Inputs: see {@link VerifyThrough}. */
export type VerifyThroughArgs = { readonly [K in keyof VerifyThrough]: pulumi.Input<VerifyThrough[K]> };

/**
 * Arguments every CorsPolicy takes, whichever way its rules are given. Every field
 * is a `pulumi.Input`: a plain value, a promise, or an Output of another resource.
 * Written out without zod (a public type); resolved, they are exactly the input of the
 * provider's schema (`POLICY_ARGS_MATCH_SCHEMA` in sdk/args.ts proves it).
 */
export interface CorsPolicyCommonArgs {
  /**
   * The bucket (or Swift container) whose CORS policy this resource manages.
   * Build it with a preset: `targets.aws({ bucket, region })`, `targets.r2({ accountId, bucket })`...
   * Its fields may be Outputs (`targets.aws({ bucket: bucket.id, region })`); keep `profile` plain,
   * as the presets do, so preview can validate the rules while the bucket does not exist yet.
   * Changing it to another bucket replaces the resource; another spelling of the same bucket is an update.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
   */
  readonly target: TargetArgs | pulumi.Input<TargetInput>;
  /**
   * What `create` does when the bucket already has a CORS configuration this stack does not manage.
   * - `"fail"`: refuse and change nothing;
   * - `"adopt"`: take it over when it already means the same as the rules (nothing is written), refuse otherwise;
   * - `"overwrite"`: replace it.
   * `pulumi import` cannot bring dynamic resources in (pulumi/pulumi#16175); `"adopt"` is the way.
   * @default "fail"
   * @see https://github.com/pulumi/pulumi/issues/16175
   */
  readonly onExisting?: pulumi.Input<OnExisting> | undefined;
  /**
   * Seconds to wait after a change until a read shows it; past that the change is rolled back and the operation fails.
   * @default the vendor's propagation delay: 30 s on Cloudflare R2 (https://developers.cloudflare.com/r2/buckets/cors/), a few seconds elsewhere
   */
  readonly propagationTimeoutSeconds?: pulumi.Input<number> | undefined;
  /**
   * Overall deadlines, in seconds, of everything this resource sends (login, retries and
   * back-offs included; not idle timeouts): `operationSeconds` for each read, write or removal
   * of the configuration, `probeSeconds` for each request `verify: "preflight"` sends, and
   * `totalSeconds` for the whole of one create, update, delete or refresh, every call included.
   * A change of `timeouts` is an update that writes nothing.
   * @default { operationSeconds: 60, probeSeconds: 10, totalSeconds: 2 × (operationSeconds + the propagation timeout) }
   */
  readonly timeouts?: pulumi.Input<TimeoutsArgs> | undefined;
  /**
   * Swift targets (swift, vstorage, ovh-swift) hold one CORS setting per container that allows every
   * method and every requested header. A policy narrower than that is refused at preview, saying what
   * would widen, unless `allowWidening` is true: then the rules are widened and stored as Swift holds them.
   * @default { allowWidening: false }
   * @see https://docs.openstack.org/swift/latest/cors.html
   */
  readonly swift?: pulumi.Input<SwiftArgs> | undefined;
  /**
   * What browsers must (and must not) be allowed to do. Checked at preview against the rules with
   * the target's evaluator dialect: a failed expectation fails preview with the rule-by-rule explanation.
   * With `verify: "preflight"` they are also sent as real preflights after apply.
   * An entry with `credentials` or `reads` is judged as a browser judges the answers (`predictBrowser`):
   * `"*"` answers and a missing Allow-Credentials block credentialed requests, unexposed headers are unreadable.
   * @default - no expectations
   * @see https://developer.mozilla.org/docs/Web/HTTP/CORS#preflighted_requests
   */
  readonly expect?: pulumi.Input<pulumi.Input<Expectation>[]> | undefined;
  /**
   * What `up` checks after writing:
   * - `"none"`: nothing;
   * - `"read"`: reads until the service shows the new rules (within the propagation timeout);
   * - `"preflight"`: also sends a real OPTIONS request for every `expect` entry to the live endpoint,
   *   retrying within the propagation timeout; on disagreement the previous configuration is restored
   *   and the operation fails with a table of expected vs. observed.
   * - `{ via: "https://cdn.example.com", key? }`: as `"preflight"`, then the same requests through the CDN or
   *   cache in front of the bucket, as a browser sends them (a GET without `Origin` first, then each entry's
   *   preflight and GET), failing with what the cache breaks: a copy without CORS headers, another origin's
   *   `Access-Control-Allow-Origin`, a missing `Vary: Origin`, a shortened `Access-Control-Max-Age`, each with the
   *   CloudFront, Cloudflare or nginx setting that fixes it. The front is sent only what a browser sends.
   * @default "read"
   * @see https://developers.cloudflare.com/r2/buckets/cors/ (R2 can take 30 s to serve a change)
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html#header-caching-web-cors (a CDN in front)
   */
  readonly verify?: pulumi.Input<VerifyMode | VerifyThroughArgs> | undefined;
  /**
   * Preview warnings about risky rules (`*` origin with write methods, `http://` origins, shadowed or
   * duplicate rules, `*` headers on credentialed origins, max-age above browser caps). `false` turns them
   * off; `suppress` silences codes per rule ID: `{ suppress: { "public-read": ["wildcard-origin-write"] } }`.
   * Codes (`LINT_CODES` in provider/evaluate/lint/messages.ts): wildcard-origin-write, insecure-origin, wildcard-headers-credentialed,
   * max-age-above-browser-cap, duplicate-rule, shadowed-rule, etag-not-exposed, credentials-never-served, s3-write-replaces-native-rules.
   * @default - all warnings shown
   */
  readonly lint?: pulumi.Input<false | LintArgs> | undefined;
}

/** Overall deadlines of a CorsPolicy's calls, in seconds (more than 0, at most 3600). */
export interface TimeoutsArgs {
  /** Each read, write or removal of the configuration. @default 60 */
  readonly operationSeconds?: number | undefined;
  /** Each request sent as a browser would (verification). @default 10 */
  readonly probeSeconds?: number | undefined;
  /**
   * The whole of one create, update, delete or refresh: every call it makes and every wait between
   * them (the read-back until the change is served, the verification preflights). A call is cut
   * short when the total runs out; the error says so, lists the calls, and what the bucket may hold.
   * @default twice operationSeconds plus twice the propagation timeout (180 s on Cloudflare R2 with the other defaults)
   */
  readonly totalSeconds?: number | undefined;
}

/** Options for Swift targets. */
export interface SwiftArgs {
  /** Accept a policy the container can only hold in a wider form: the rules are widened and stored as Swift holds them. @default false */
  readonly allowWidening?: pulumi.Input<boolean> | undefined;
}

/** Which preview warnings to silence, per rule ID. */
export interface LintArgs {
  /** Warning codes to silence, per rule ID: `{ "public-read": ["wildcard-origin-write"] }`. @default - none silenced */
  readonly suppress?: pulumi.Input<Readonly<Record<string, readonly LintCode[]>>> | undefined;
}

/** Rules given in the canonical model. */
export interface CorsPolicyRulesArgs extends CorsPolicyCommonArgs {
  /**
   * The CORS rules, in order: a server uses the first rule matching origin, method and requested headers.
   * Methods may be written in any case; lists are compared as sets, so reordering is no change.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
   */
  readonly rules: pulumi.Input<pulumi.Input<CorsRuleInput>[]>;
  readonly document?: never;
}

/** Rules given as a document in any supported format. */
export interface CorsPolicyDocumentArgs extends CorsPolicyCommonArgs {
  /**
   * A CORS document as text in any supported format: S3 XML, AWS CLI JSON (`{"CORSRules":…}`),
   * an S3-console / R2-dashboard rule array, Cloudflare API JSON (`{"rules":[{"allowed":…}]}`),
   * GCS JSON, or Swift metadata headers. The format is detected; it is stored as normalized `rules`.
   * @default - required unless `rules` is given
   * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
   */
  readonly document: pulumi.Input<string>;
  readonly rules?: never;
}

/** Arguments of a CorsPolicy: a target and exactly one of `rules` or `document`. */
export type CorsPolicyArgs = CorsPolicyRulesArgs | CorsPolicyDocumentArgs;

/**
 * Compile-time proof that resolving every input of the args gives exactly the input of the
 * provider's schema (`PolicyArgs`, provider/lifecycle/types.ts): when one changes without
 * the other, this stops compiling. `rules` and `document` are compared on their own, since
 * the args take exactly one of them.
 * @internal
 */
export const POLICY_ARGS_MATCH_SCHEMA: [
  SameType<pulumi.Unwrap<CorsPolicyCommonArgs>, Omit<PolicyArgs, "rules" | "document">>,
  SameType<pulumi.Unwrap<CorsPolicyRulesArgs["rules"]>, NonNullable<PolicyArgs["rules"]>>,
  SameType<pulumi.Unwrap<CorsPolicyDocumentArgs["document"]>, NonNullable<PolicyArgs["document"]>>,
] = [true, true, true];
