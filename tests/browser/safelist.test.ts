import { PutObjectCommand } from "@aws-sdk/client-s3";
import { predictBrowser } from "../../provider/browser";
import type { EvaluableRule } from "../../provider/evaluate";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { toCorsRules } from "../evaluate/s3-differential";
import { describeWithBrowser } from "./require-browser";

const BUCKET = "bcors-safelist";
/** Any origin, GET/PUT/POST, no allowed headers: a fetch passes exactly when it needs no preflight for a header. */
const RULES: EvaluableRule[] = [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT", "POST"] }];
const textPlain = (bytes: number) => `text/plain; x=${"a".repeat(bytes - "text/plain; x=".length)}`;

/** The Fetch standard's request-header safelist edges, which random draws rarely reach: `[name, method, headers, allowed]`. */
const EDGES: [string, string, Record<string, string>, boolean][] = [
  ["a content-type of exactly 128 bytes is safelisted", "POST", { "content-type": textPlain(128) }, true],
  ["a content-type of 129 bytes is not", "POST", { "content-type": textPlain(129) }, false],
  ["multipart/form-data with parameters is safelisted", "POST", { "content-type": "multipart/form-data; boundary=x" }, true],
  ["application/json is not", "GET", { "content-type": "application/json" }, false],
  ["a content-type that is not a MIME type is not", "GET", { "content-type": "text" }, false],
  ['accept-language "en-US" is safelisted', "GET", { "accept-language": "en-US" }, true],
  ['accept-language "en/US" is not', "GET", { "accept-language": "en/US" }, false],
  ['accept "a:b" is not (":" is a CORS-unsafe byte)', "GET", { accept: "a:b" }, false],
  ["authorization always needs a preflight", "GET", { authorization: "x" }, false],
  ['"put" is upper-cased by fetch, and PUT is allowed', "put", {}, true],
  ['"patch" is not upper-cased, and is preflighted as "patch"', "patch", {}, false],
  ["a forbidden header (accept-encoding) is dropped, so it needs no preflight", "GET", { "accept-encoding": "x" }, true],
];

describeWithBrowser("the request-header safelist in headless Chromium agrees with predictBrowser", (browser) => {
  let s3: EmbeddedS3;

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket(BUCKET);
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "k", Body: "hello" }));
    await s3.putRules(BUCKET, toCorsRules(RULES));
  });

  afterAll(async () => {
    await s3?.stop();
  });

  test("every edge: the browser's verdict, the prediction and the expected verdict are one", async () => {
    const origin = browser().loopbackOrigin("app.example.test");
    const fetches = EDGES.map(([, method, headers], i) => ({
      url: `${s3.endpoint}/${BUCKET}/k?edge=${i}`,
      method,
      headers,
      credentials: false,
      readHeaders: [],
    }));
    const seen = await browser().fetchFrom(origin, fetches, 1);
    const rows = EDGES.map(([name, method, headers, allowed], i) => [
      name,
      seen[i]!.allowed,
      predictBrowser({ rules: RULES }, { origin, method, headers }, { dialect: "s3rver" }).allowed,
      allowed,
    ]);
    expect(rows.filter(([, browserSaid, predicted, expected]) => browserSaid !== expected || predicted !== expected)).toEqual([]);
  });
});
