import { DeleteBucketCommand, DeleteObjectCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";
import { evaluate, type CorsRequest, type EvaluableRule } from "../../provider/evaluate";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithRgw } from "../servers/real-servers";
import { runS3Differential, toCorsRules } from "./s3-differential";
import { comparable, send } from "./wire";

const star = (extra: Partial<EvaluableRule> = {}): EvaluableRule[] => [{ allowedOrigins: ["*"], allowedMethods: ["GET"], ...extra }];

/** Behaviour read from RGW's source that the random draw rarely or never produces. */
const EDGE_CASES: [string, EvaluableRule[], CorsRequest][] = [
  [
    "an origin wildcard's prefix and suffix may overlap (ab*ba matches aba)",
    [{ allowedOrigins: ["ab*ba"], allowedMethods: ["GET"] }],
    { method: "OPTIONS", headers: { Origin: "aba", "Access-Control-Request-Method": "GET" } },
  ],
  [
    "requested headers are cut at space and ; too",
    star({ allowedHeaders: ["x-custom", "content-type"] }),
    {
      method: "OPTIONS",
      headers: { Origin: "https://a.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-custom content-type;x-custom" },
    },
  ],
  [
    "an underscore is not a dash (x_custom is refused by x-custom)",
    star({ allowedHeaders: ["x-custom"] }),
    { method: "OPTIONS", headers: { Origin: "https://a.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x_custom" } },
  ],
  [
    "an empty Origin picks the * rule and gets 200 without CORS headers",
    star(),
    { method: "OPTIONS", headers: { Origin: "", "Access-Control-Request-Method": "GET" } },
  ],
  [
    "an empty Access-Control-Request-Method is present, and matches no method: 403",
    star(),
    { method: "OPTIONS", headers: { Origin: "https://a.example", "Access-Control-Request-Method": "" } },
  ],
  ["a GET with an empty Origin gets * from a * rule", star(), { method: "GET", headers: { Origin: "" } }],
  [
    "max-age 4294967295 is RGW's 'unset' and is not sent",
    star({ maxAgeSeconds: 4294967295 }),
    { method: "OPTIONS", headers: { Origin: "https://a.example", "Access-Control-Request-Method": "GET" } },
  ],
  [
    "max-age 4294967294 is sent",
    star({ maxAgeSeconds: 4294967294 }),
    { method: "OPTIONS", headers: { Origin: "https://a.example", "Access-Control-Request-Method": "GET" } },
  ],
  [
    "a preflight to the bucket root",
    [{ allowedOrigins: ["https://a.example"], allowedMethods: ["GET"] }],
    { method: "OPTIONS", headers: { Origin: "https://a.example", "Access-Control-Request-Method": "GET" }, resource: "bucket" },
  ],
];

describeWithRgw('differential: evaluate(..., { dialect: "ceph-legacy" }) against real Ceph RGW 16.2', (rgw) => {
  const bucket = "bcors-eval-rgw";
  let client: S3Client;

  beforeAll(async () => {
    const { endpoint, region, accessKeyId, secretAccessKey } = rgw();
    const ops = bucketOps(endpoint, { accessKeyId, secretAccessKey }, region);
    client = ops.client;
    await ops.createBucket(bucket);
  });

  afterAll(async () => {
    await client?.send(new DeleteObjectCommand({ Bucket: bucket, Key: "k" }));
    await client?.send(new DeleteBucketCommand({ Bucket: bucket }));
    client?.destroy();
  });

  test("2,000+ random (policy, request) pairs agree on status, every access-control-* and vary header, and error code and message", async () => {
    const { pairs, mismatches, tally } = await runS3Differential(
      { endpoint: rgw().endpoint, client, bucket, missingBucket: "bcors-eval-missing", key: "k", concurrent: true, dialect: "ceph-legacy" },
      20260524,
      260,
      8,
    );
    expect(pairs).toBeGreaterThanOrEqual(2000);
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(mismatches).toHaveLength(0);
    expect(Object.entries(tally).filter(([, n]) => n < 15)).toEqual([]);
  });

  test.each(EDGE_CASES)("edge case agrees with RGW: %s", async (_name, rules, request) => {
    await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: toCorsRules(rules) } }));
    const real = await send(`${rgw().endpoint}/${bucket}${request.resource === "bucket" ? "" : "/k"}`, request);
    const [predicted, answered] = comparable(evaluate({ rules }, request, { dialect: "ceph-legacy" }), real, request.method === "OPTIONS");
    expect(predicted).toEqual(answered);
  });
});
