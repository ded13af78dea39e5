import { CreateBucketCommand, DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, S3Client, type CORSRule } from "@aws-sdk/client-s3";

/** Out-of-band access to an S3 server's buckets with the bare SDK, to look at what the provider did. */
export interface BucketOps {
  readonly endpoint: string;
  readonly client: S3Client;
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
      await client.send(new CreateBucketCommand({ Bucket: name }));
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
