import { PutObjectCommand } from "@aws-sdk/client-s3";
import { backendFor } from "../../provider/backends/for-target";
import type { Expectation } from "../../provider/operations/expectations";
import { checkFront } from "../../provider/operations/front";
import type { Target } from "../../provider/targets";
import { FRONTS, startNginxFront, type FrontConfig } from "../../testkit/nginx-front";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithNginx } from "../servers/nginx";
import { describeWithRgw } from "../servers/real-servers";

/** checkFront through Debian's nginx in front of real Ceph RGW 16.2, whose preflights carry the rule's Access-Control-Max-Age (s3rver's do not). */
const APP = "https://app.example.com";
const BUCKET = "fronted-rgw";
const KEY = "logo.txt";
const EXPECT: Expectation[] = [{ origin: APP, method: "PUT", headers: ["content-type"], allowed: true }];

describeWithNginx("checkFront through nginx", () => {
  describeWithRgw("in front of Ceph RGW", (rgw) => {
    let target: Target;

    beforeAll(async () => {
      const info = rgw();
      const ops = bucketOps(info.endpoint, info, info.region);
      await ops.createBucket(BUCKET);
      await ops.putRules(BUCKET, [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], MaxAgeSeconds: 600 }]);
      await ops.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: "logo", ACL: "public-read" }));
      ops.client.destroy();
      target = { profile: "ceph", bucket: BUCKET, endpoint: info.endpoint, credentials: info.credentialEnv };
    });

    const check = async (config: FrontConfig) => {
      const front = await startNginxFront(rgw().endpoint, config);
      try {
        const via = `${front.url}/${BUCKET}`;
        return { url: `${via}/${KEY}`, result: await checkFront(backendFor(target), target, EXPECT, { via, key: KEY }) };
      } finally {
        await front.stop();
      }
    };

    test("fails when the front shortens the preflight's Access-Control-Max-Age", async () => {
      const { url, result } = await check(FRONTS.maxAgeShortened);
      expect(result.findings).toEqual([
        {
          index: 0,
          problem: "max-age",
          header: "Access-Control-Max-Age: 5",
          message: `OPTIONS ${url} from ${APP} (PUT): the front answered Access-Control-Max-Age: 5, where the bucket answers Access-Control-Max-Age: 600, so browsers repeat the preflight sooner (without it, Chromium repeats it after 5 s) — let the bucket's Access-Control-Max-Age through unchanged: CloudFront, a response headers policy's CORS settings (Access-Control-Max-Age, origin override) replace the bucket's; nginx, no add_header or proxy_hide_header for it`,
        },
      ]);
    });

    test("fails when the cache key leaves out Origin", async () => {
      const { url, result } = await check(FRONTS.keyWithoutOrigin);
      expect(result.findings).toEqual([
        {
          index: 0,
          problem: "cached-without-cors",
          header: "Access-Control-Allow-Origin: (absent)",
          message: `GET ${url} with Origin: ${APP}: the front answered Access-Control-Allow-Origin: (absent), where the bucket answers Access-Control-Allow-Origin: ${APP} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; put Origin in the cache key: CloudFront, a cache policy whose headers include Origin (the managed origin request policy CORS-S3Origin forwards it but does not key on it); Cloudflare, a Cache Rule whose cache key includes the Origin header; nginx, $http_origin in proxy_cache_key — then purge the cached object`,
        },
      ]);
    });

    test("passes with Origin in the cache key and Vary kept", async () => {
      const { url, result } = await check(FRONTS.correct);
      expect(result).toEqual({ url, findings: [], notes: [] });
    });
  });
});
