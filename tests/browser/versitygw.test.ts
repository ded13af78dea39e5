import { PutBucketPolicyCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { toCorsRules } from "../evaluate/s3-differential";
import { describeWithVersitygw } from "../servers/real-servers";
import type { PageFetch } from "./cases";
import { runBrowserDifferential } from "./differential";
import { describeWithBrowser } from "./require-browser";

const SEED = 20261207;
const BUCKET = "bcors-browser-vgw";

/**
 * Anonymous reads and deletes, as a bucket a page reads from (and deletes in) is set up: versitygw
 * 1.8 authenticates GET, HEAD, DELETE and POST before it applies CORS (s3api/router.go: those routes
 * run applyBucketCORS after the signature checks; PUT routes before them), so on a private bucket a
 * page's anonymous read or delete is a 403 without CORS headers whatever the rules say. PUTs stay refused.
 */
const PUBLIC_READ_DELETE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: ["s3:GetObject", "s3:DeleteObject"], Resource: [`arn:aws:s3:::${BUCKET}/*`] }],
});

/**
 * A POST to an object URL with no S3 sub-resource (`?uploads`, `?uploadId`, `?restore`, `?select`)
 * matches no route in versitygw 1.8 (s3api/router.go) and is `405 MethodNotAllowed` without CORS
 * headers: there is no CORS answer to compare, so the page's POSTs are left out here.
 */
const noRoute = (fetch: PageFetch): boolean => fetch.method === "POST";

describeWithVersitygw("browser differential on real versitygw", (versitygw) => {
  describeWithBrowser('headless Chromium against predictBrowser(..., { dialect: "versitygw" })', (browser) => {
    let s3: BucketOps;

    beforeAll(async () => {
      const { endpoint, region, accessKeyId, secretAccessKey } = versitygw();
      s3 = bucketOps(endpoint, { accessKeyId, secretAccessKey }, region);
      await s3.createBucket(BUCKET);
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "k", Body: "hello" }));
      await s3.client.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: PUBLIC_READ_DELETE }));
    });

    afterAll(() => {
      s3?.client.destroy();
    });

    test("500+ random fetches: every verdict and every readable header agrees", async () => {
      const started = Date.now();
      const result = await runBrowserDifferential(
        browser(),
        {
          dialect: "versitygw",
          objectUrl: (key) => `${versitygw().endpoint}/${BUCKET}/${key}`,
          apply: (policy) => (policy === null ? s3.deleteRules(BUCKET) : s3.putRules(BUCKET, toCorsRules(policy.rules))),
          concurrency: 6,
          skip: noRoute,
        },
        SEED,
        // 24 policies, not RGW's 20: the POSTs left out are about one fetch in seven.
        24,
        26,
      );
      console.log(`browser differential versitygw: seed ${SEED}, ${result.cases} fetches in ${Date.now() - started} ms, ${JSON.stringify(result.tally)}`);
      expect(result.cases).toBeGreaterThanOrEqual(500);
      expect(result.mismatches.slice(0, 3)).toEqual([]);
      expect(result.mismatches).toHaveLength(0);
    }, 300000);
  });
});
