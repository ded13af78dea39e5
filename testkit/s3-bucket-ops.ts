import { CreateBucketCommand, DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, S3Client, type CORSRule } from "@aws-sdk/client-s3";

/** Out-of-band access to an S3 server's buckets with the bare SDK, to look at what the provider did. */
export interface BucketOps {
  readonly endpoint: string;
  readonly client: S3Client;
  /**
   * Makes the bucket, or takes the CORS configuration off the one this server already holds:
   * each jest worker has one instance of each real server (tests/servers/per-worker.test.ts),
   * so a file may meet a bucket an earlier file on that worker made. Either way it starts with
   * no rules. Ceph RGW 16.2 answers 200 to creating a bucket its caller owns (measured here: the
   * RGW lifecycle and engine suites both create "assets" on one worker's RGW); versitygw 1.8 answers
   * 409 BucketAlreadyOwnedByYou (stop 29's CI, when both versitygw suites ran on one worker).
   */
  createBucket(name: string): Promise<void>;
  /** Live CORSRules, or `null` for NoSuchCORSConfiguration. */
  liveRules(bucket: string): Promise<CORSRule[] | null>;
  putRules(bucket: string, rules: CORSRule[]): Promise<void>;
  deleteRules(bucket: string): Promise<void>;
}

/** Bucket operations on an endpoint with path-style addressing and the given keys. */
export function bucketOps(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, region = "us-east-1"): BucketOps {
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials, requestChecksumCalculation: "WHEN_REQUIRED" });
  return {
    endpoint,
    client,
    createBucket: async (name) => {
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } catch (error) {
        if ((error as { name?: string }).name !== "BucketAlreadyOwnedByYou") throw error;
      }
      await client.send(new DeleteBucketCorsCommand({ Bucket: name }));
    },
    liveRules: async (bucket) => {
      try {
        return (await client.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? [];
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchCORSConfiguration") return null;
        throw error;
      }
    },
    putRules: async (bucket, rules) => {
      await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } }));
    },
    deleteRules: async (bucket) => {
      await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    },
  };
}
