import { PutObjectCommand } from "@aws-sdk/client-s3";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { toCorsRules } from "../evaluate/s3-differential";
import { describeWithRgw } from "../servers/real-servers";
import { runBrowserDifferential } from "./differential";
import { describeWithBrowser } from "./require-browser";

const SEED = 20261130;
const BUCKET = "bcors-browser-rgw";

describeWithRgw("browser differential on real Ceph RGW", (rgw) => {
  describeWithBrowser('headless Chromium against predictBrowser(..., { dialect: "ceph-legacy" })', (browser) => {
    let s3: BucketOps;

    beforeAll(async () => {
      const { endpoint, region, accessKeyId, secretAccessKey } = rgw();
      s3 = bucketOps(endpoint, { accessKeyId, secretAccessKey }, region);
      await s3.createBucket(BUCKET);
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "k", Body: "hello" }));
    });

    afterAll(() => {
      s3?.client.destroy();
    });

    test("500+ random fetches: every verdict and every readable header agrees", async () => {
      const started = Date.now();
      const result = await runBrowserDifferential(
        browser(),
        {
          dialect: "ceph-legacy",
          objectUrl: (key) => `${rgw().endpoint}/${BUCKET}/${key}`,
          apply: (policy) => (policy === null ? s3.deleteRules(BUCKET) : s3.putRules(BUCKET, toCorsRules(policy.rules))),
          concurrency: 6,
        },
        SEED,
        20,
        26,
      );
      console.log(`browser differential ceph RGW: seed ${SEED}, ${result.cases} fetches in ${Date.now() - started} ms, ${JSON.stringify(result.tally)}`);
      expect(result.cases).toBeGreaterThanOrEqual(500);
      expect(result.mismatches.slice(0, 3)).toEqual([]);
      expect(result.mismatches).toHaveLength(0);
    }, 300000);
  });
});
