import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { runS3rver, S3RVER_KEY } from "../servers/s3rver";

export { S3RVER_KEY };

/** An embedded s3rver on loopback, in a directory removed on stop. */
export interface DemoS3 {
  readonly endpoint: string;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<DemoS3> {
  const server = await runS3rver("bucket-cors-demo-s3-");
  const client = new S3Client({
    endpoint: server.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
  });
  return {
    endpoint: server.endpoint,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    stop: async () => {
      client.destroy();
      await server.close();
    },
  };
}
