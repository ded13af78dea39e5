import { CreateBucketCommand, DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, S3Client, type CORSRule } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";

// s3rver has no type declarations; it is a devDependency used only by tests and the demo.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/** An embedded s3rver on loopback and an SDK client to look at it out of band. */
export interface EmbeddedS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  createBucket(name: string): Promise<void>;
  /** Live CORSRules, or `null` for NoSuchCORSConfiguration. */
  liveRules(bucket: string): Promise<CORSRule[] | null>;
  putRules(bucket: string, rules: CORSRule[]): Promise<void>;
  deleteRules(bucket: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 with a fresh directory (test-servers.md: defaults to override). */
export async function startS3rver(): Promise<EmbeddedS3> {
  const directory = mkdtempSync(join(tmpdir(), "bcors-s3rver-"));
  // s3rver knows one key pair, S3RVER/S3RVER, and does not check signatures (test-servers.md).
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, requestChecksumCalculation: "WHEN_REQUIRED" });
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
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
