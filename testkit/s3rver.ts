import { runS3rver, S3RVER_KEY } from "./s3rver-server";
import { bucketOps, type BucketOps } from "./s3-bucket-ops";

/** An embedded s3rver on loopback and an SDK client to look at it out of band. */
export interface EmbeddedS3 extends BucketOps {
  stop(): Promise<void>;
}

/** Starts s3rver (./s3rver-server.ts) with a bare-SDK client on it. */
export async function startS3rver(): Promise<EmbeddedS3> {
  const server = await runS3rver("bcors-s3rver-");
  const ops = bucketOps(server.endpoint, { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY });
  return {
    ...ops,
    stop: async () => {
      ops.client.destroy();
      await server.close();
    },
  };
}
