import { DeleteBucketCorsCommand, PutBucketCorsCommand, PutObjectCommand, type CORSRule, type S3Client } from "@aws-sdk/client-s3";
import { evaluate, type CorsRequest, type EvaluableRule } from "../../provider/evaluate";
import type { Dialect } from "../../provider/profiles/types";
import { drawCases } from "./generators";
import { comparable, send, type Comparable } from "./wire";

/** An S3 endpoint to compare the evaluator with: one bucket that exists, holding object `key`. */
export interface S3Target {
  readonly endpoint: string;
  readonly client: S3Client;
  readonly bucket: string;
  readonly missingBucket: string;
  readonly key: string;
  readonly dialect: Dialect;
  /** Send the requests of one policy together (RGW: anonymous GET/PUT take ~25 ms each); s3rver drops connections under concurrent PUTs. */
  readonly concurrent: boolean;
  /** Requests not to send (versitygw authenticates GETs before CORS applies, so anonymous ones say nothing about CORS). */
  readonly skip?: (request: CorsRequest) => boolean;
}

export interface Mismatch {
  readonly policy: { rules: EvaluableRule[] } | null;
  readonly request: CorsRequest;
  readonly bucketExists: boolean;
  readonly predicted: Comparable;
  readonly real: Comparable;
}

export function toCorsRules(rules: readonly EvaluableRule[]): CORSRule[] {
  return rules.map((r) => {
    const rule: CORSRule = { AllowedOrigins: [...r.allowedOrigins], AllowedMethods: [...r.allowedMethods] };
    if (r.allowedHeaders !== undefined) rule.AllowedHeaders = [...r.allowedHeaders];
    if (r.exposeHeaders !== undefined) rule.ExposeHeaders = [...r.exposeHeaders];
    if (r.maxAgeSeconds !== undefined) rule.MaxAgeSeconds = r.maxAgeSeconds;
    return rule;
  });
}

/**
 * Puts `groups` random policies on the target one after the other and sends
 * `perPolicy` random requests under each (every 8th group also sends its first
 * request to a bucket that does not exist), comparing what the server answers
 * with `evaluate(..., { dialect })`. Returns the number of pairs and every mismatch.
 */
export async function runS3Differential(target: S3Target, seed: number, groups: number, perPolicy: number): Promise<DifferentialResult> {
  await target.client.send(new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: "hello" }));
  const mismatches: Mismatch[] = [];
  const tally: Record<string, number> = {};
  let pairs = 0;
  for (const [index, { policy, requests }] of drawCases(seed, groups, perPolicy).entries()) {
    if (policy === null) await target.client.send(new DeleteBucketCorsCommand({ Bucket: target.bucket }));
    else await target.client.send(new PutBucketCorsCommand({ Bucket: target.bucket, CORSConfiguration: { CORSRules: toCorsRules(policy.rules) } }));
    const skip = target.skip;
    const kept = skip === undefined ? requests : requests.filter((request) => !skip(request));
    const sends: { request: CorsRequest; bucketExists: boolean }[] = kept.map((request) => ({ request, bucketExists: true }));
    if (index % 8 === 0 && kept.length > 0) sends.push({ request: kept[0]!, bucketExists: false });
    const answers = target.concurrent
      ? await Promise.all(sends.map(({ request, bucketExists }) => send(urlFor(target, request, bucketExists), request)))
      : await sequentially(
          sends.map(
            ({ request, bucketExists }) =>
              () =>
                send(urlFor(target, request, bucketExists), request),
          ),
        );
    for (const [i, { request, bucketExists }] of sends.entries()) {
      const predicted = evaluate(policy, request, { dialect: target.dialect, bucketExists });
      const [p, r] = comparable(predicted, answers[i]!, request.method === "OPTIONS");
      pairs++;
      const outcome = outcomeOf(request.method, r);
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (JSON.stringify(sorted(p)) !== JSON.stringify(sorted(r))) mismatches.push({ policy, request, bucketExists, predicted: p, real: r });
    }
  }
  return { pairs, mismatches, tally };
}

/** How many pairs ended how: `preflight 200`, `preflight 403 CORSResponse`, `actual with CORS headers`... */
export interface DifferentialResult {
  readonly pairs: number;
  readonly mismatches: Mismatch[];
  readonly tally: Record<string, number>;
}

function outcomeOf(method: string, real: Comparable): string {
  if (method === "OPTIONS") return `preflight ${real.status}${real.errorCode === undefined ? "" : ` ${real.errorCode}`}`;
  return Object.keys(real.headers).length > 0 ? "actual with CORS headers" : "actual without CORS headers";
}

async function sequentially<T>(tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

function urlFor(target: S3Target, request: CorsRequest, bucketExists: boolean): string {
  const bucket = bucketExists ? target.bucket : target.missingBucket;
  return `${target.endpoint}/${bucket}${request.resource === "bucket" ? "" : `/${target.key}`}`;
}

function sorted(c: Comparable): Comparable {
  return { ...c, headers: Object.fromEntries(Object.entries(c.headers).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
