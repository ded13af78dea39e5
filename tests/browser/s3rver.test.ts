import { PutObjectCommand } from "@aws-sdk/client-s3";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { toCorsRules } from "../evaluate/s3-differential";
import { runBrowserDifferential } from "./differential";
import { describeWithBrowser } from "./require-browser";

const SEED = 20261129;
const BUCKET = "bcors-browser";

describeWithBrowser('browser differential: headless Chromium against predictBrowser(..., { dialect: "s3rver" }) on the embedded s3rver', (browser) => {
  let s3: EmbeddedS3;

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket(BUCKET);
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "k", Body: "hello" }));
  });

  afterAll(async () => {
    await s3?.stop();
  });

  test("500+ random fetches: every verdict and every readable header agrees", async () => {
    const started = Date.now();
    const result = await runBrowserDifferential(
      browser(),
      {
        dialect: "s3rver",
        objectUrl: (key) => `${s3.endpoint}/${BUCKET}/${key}`,
        apply: (policy) => (policy === null ? s3.deleteRules(BUCKET) : s3.putRules(BUCKET, toCorsRules(policy.rules))),
        concurrency: 6,
      },
      SEED,
      20,
      26,
    );
    console.log(`browser differential s3rver: seed ${SEED}, ${result.cases} fetches in ${Date.now() - started} ms, ${JSON.stringify(result.tally)}`);
    expect(result.cases).toBeGreaterThanOrEqual(500);
    expect(result.mismatches.slice(0, 3)).toEqual([]);
    expect(result.mismatches).toHaveLength(0);
  }, 300000);
});
