import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describeWithRgw } from "../servers/real-servers";
import { runS3Differential } from "./s3-differential";

describeWithRgw("differential: evaluate(..., { dialect: \"ceph\" }) against real Ceph RGW 16.2", (rgw) => {
  const bucket = "bcors-eval-rgw";
  let client: S3Client;

  beforeAll(async () => {
    const { endpoint, region, accessKeyId, secretAccessKey } = rgw();
    client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey }, requestChecksumCalculation: "WHEN_REQUIRED" });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    await client?.send(new DeleteObjectCommand({ Bucket: bucket, Key: "k" }));
    await client?.send(new DeleteBucketCommand({ Bucket: bucket }));
    client?.destroy();
  });

  test("2,000+ random (policy, request) pairs agree on status, every access-control-* and vary header, and error code and message", async () => {
    const { pairs, mismatches, tally } = await runS3Differential({ endpoint: rgw().endpoint, client, bucket, missingBucket: "bcors-eval-missing", key: "k", concurrent: true, dialect: "ceph" }, 20260524, 260, 8);
    expect(pairs).toBeGreaterThanOrEqual(2000);
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(mismatches).toHaveLength(0);
    expect(Object.entries(tally).filter(([, n]) => n < 15)).toEqual([]);
  });
});
