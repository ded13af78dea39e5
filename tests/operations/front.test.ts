import { PutObjectCommand } from "@aws-sdk/client-s3";
import { backendFor } from "../../provider/backends/for-target";
import type { Backend } from "../../provider/backends/types";
import type { Expectation } from "../../provider/operations/expectations";
import { checkFront } from "../../provider/operations/front";
import { writeConfirmed } from "../../provider/operations/write";
import { REFUSAL_WORDS } from "../../provider/operations/words";
import { checkInputs } from "../../provider/lifecycle/check";
import { updatePolicy } from "../../provider/lifecycle/crud";
import type { PolicyOutputs } from "../../provider/lifecycle/types";
import type { Target } from "../../provider/targets";
import { FRONTS, startNginxFront, type FrontConfig, type NginxFront } from "../../testkit/nginx-front";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { describeWithNginx } from "../servers/nginx";

/**
 * `verify: { via }` through a real caching proxy (Debian's nginx) in front of s3rver: each broken
 * configuration is reported with the exact header and the fix, the correct one passes (issue 22, item 4).
 */
const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const BUCKET = "fronted";
const KEY = "logo.txt";
const KEY_ENV = "BCORS_FRONT_KEY";
const VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
const EXPECT: Expectation[] = [
  { origin: APP, method: "GET", allowed: true },
  { origin: ADMIN, method: "PUT", headers: ["content-type"], allowed: true },
];
const FIX_CACHE_KEY =
  "put Origin in the cache key: CloudFront, a cache policy whose headers include Origin (the managed origin request policy CORS-S3Origin forwards it but does not key on it); Cloudflare, a Cache Rule whose cache key includes the Origin header; nginx, $http_origin in proxy_cache_key — then purge the cached object";
const FIX_VARY =
  "keep the bucket's Vary: Origin (or add it) on every answer that carries Access-Control-Allow-Origin, so that browser and shared caches keep one copy per origin: nginx, no proxy_hide_header Vary and no Vary in proxy_ignore_headers; CloudFront, no response headers policy that removes Vary; Cloudflare, a Cache Rule's Vary setting for Origin";

let s3: EmbeddedS3;
let target: Target;
let backend: Backend;

beforeAll(async () => {
  process.env[KEY_ENV] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket(BUCKET);
  await s3.putRules(BUCKET, [{ AllowedOrigins: [APP, ADMIN], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], MaxAgeSeconds: 600 }]);
  await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: "logo" }));
  target = { profile: "s3", bucket: BUCKET, endpoint: s3.endpoint, credentials: { accessKeyIdEnv: KEY_ENV, secretAccessKeyEnv: KEY_ENV } };
  backend = backendFor(target);
}, 60_000);

afterAll(async () => {
  await s3?.stop();
});

/** Runs `fn` with a fresh nginx (an empty cache) in front of s3rver. */
async function withFront<T>(config: FrontConfig, fn: (front: NginxFront, via: string) => Promise<T>): Promise<T> {
  const front = await startNginxFront(s3.endpoint, config);
  try {
    return await fn(front, `${front.url}/${BUCKET}`);
  } finally {
    await front.stop();
  }
}

describeWithNginx("checkFront through nginx in front of s3rver", () => {
  test("fails when the cache key leaves out Origin: the copy stored for the GET without Origin is served to both origins", async () => {
    await withFront(FRONTS.keyWithoutOrigin, async (front, via) => {
      const result = await checkFront(backend, target, EXPECT, { via, key: KEY });
      const url = `${via}/${KEY}`;
      expect(result).toEqual({
        url,
        notes: [],
        findings: [
          {
            index: 0,
            problem: "cached-without-cors",
            header: "Access-Control-Allow-Origin: (absent)",
            message: `GET ${url} with Origin: ${APP}: the front answered Access-Control-Allow-Origin: (absent), where the bucket answers Access-Control-Allow-Origin: ${APP} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; ${FIX_CACHE_KEY}`,
          },
          {
            index: 1,
            problem: "cached-without-cors",
            header: "Access-Control-Allow-Origin: (absent)",
            message: `GET ${url} with Origin: ${ADMIN}: the front answered Access-Control-Allow-Origin: (absent), where the bucket answers Access-Control-Allow-Origin: ${ADMIN} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; ${FIX_CACHE_KEY}`,
          },
        ],
      });
      // A browser's order: the GET without Origin first (stored), then each origin's preflight (never cached by nginx) and GET (served from the copy).
      expect(front.log()).toEqual([
        `GET /${BUCKET}/${KEY} 200 MISS`,
        `OPTIONS /${BUCKET}/${KEY} 200 -`,
        `GET /${BUCKET}/${KEY} 200 HIT`,
        `OPTIONS /${BUCKET}/${KEY} 200 -`,
        `GET /${BUCKET}/${KEY} 200 HIT`,
      ]);
    });
  });

  test("fails when the first origin's answer is kept for every origin: another origin's Access-Control-Allow-Origin", async () => {
    await withFront(FRONTS.firstOriginForAll, async (_front, via) => {
      const url = `${via}/${KEY}`;
      const result = await checkFront(backend, target, EXPECT, { via, key: KEY });
      expect(result.findings).toEqual([
        {
          index: 1,
          problem: "other-origin",
          header: `Access-Control-Allow-Origin: ${APP}`,
          message: `GET ${url} with Origin: ${ADMIN}: the front answered Access-Control-Allow-Origin: ${APP}, another origin's answer, where the bucket answers Access-Control-Allow-Origin: ${ADMIN} — the cache keeps one copy for every origin; ${FIX_CACHE_KEY}`,
        },
      ]);
    });
  });

  test("fails when the front strips Vary: the bucket's Vary: Origin is named as removed", async () => {
    await withFront(FRONTS.varyStripped, async (_front, via) => {
      const url = `${via}/${KEY}`;
      const result = await checkFront(backend, target, EXPECT, { via, key: KEY });
      expect(result.findings).toEqual(
        [APP, ADMIN].map((origin, index) => ({
          index,
          problem: "no-vary",
          header: "Vary: (absent)",
          message: `GET ${url} with Origin: ${origin}: the front answered Access-Control-Allow-Origin: ${origin} with Vary: (absent), without Origin (the bucket answers Vary: ${VARY}: the front removed it) — a cache may give this answer to another origin, or a copy without CORS headers to this one; ${FIX_VARY}`,
        })),
      );
    });
  });

  test("passes with Origin in the cache key and Vary kept", async () => {
    await withFront(FRONTS.correct, async (front, via) => {
      expect(await checkFront(backend, target, EXPECT, { via, key: KEY })).toEqual({ url: `${via}/${KEY}`, findings: [], notes: [] });
      expect(front.log()).toEqual([
        `GET /${BUCKET}/${KEY} 200 MISS`,
        `OPTIONS /${BUCKET}/${KEY} 200 -`,
        `GET /${BUCKET}/${KEY} 200 MISS`,
        `OPTIONS /${BUCKET}/${KEY} 200 -`,
        `GET /${BUCKET}/${KEY} 200 MISS`,
      ]);
    });
  });

  test("notes that an object the bucket does not hold says little: a cache may not keep an error answer", async () => {
    await withFront(FRONTS.correct, async (_front, via) => {
      const result = await checkFront(backend, target, [EXPECT[0]!], { via });
      expect(result.notes).toEqual([
        `GET ${via}/bucket-cors-verify without Origin answered 404: a cache may not keep an error answer, so this check says little about the objects pages load — name an object that exists in verify.key (--key)`,
      ]);
    });
  });

  test("sends the front nothing but the browser's headers: no Authorization, no x-amz-*, no credentials", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const { createServer } = await import("node:http");
    const spy = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(302, { Location: "http://127.0.0.1:1/elsewhere" }).end();
    });
    await new Promise<void>((resolve) => spy.listen(0, "127.0.0.1", resolve));
    const port = (spy.address() as { port: number }).port;
    try {
      const result = await checkFront(backend, target, [EXPECT[1]!], { via: `http://127.0.0.1:${port}/${BUCKET}`, key: KEY });
      // The 302 was not followed (only the three requests arrived), and the preflight it answered is reported blocked.
      expect(result.findings.map((f) => f.problem)).toEqual(["preflight-blocked", "cached-without-cors"]);
      expect(seen.map((h) => Object.keys(h).sort())).toEqual([
        ["connection", "host"],
        ["access-control-request-headers", "access-control-request-method", "connection", "host", "origin"],
        ["connection", "host", "origin"],
      ]);
    } finally {
      await new Promise((resolve) => spy.close(resolve));
    }
  });

  test("fails a write's confirmation with every finding, and puts the previous configuration back", async () => {
    await withFront(FRONTS.keyWithoutOrigin, async (_front, via) => {
      const previous = await backend.get(target);
      const desired = { rules: [{ allowedOrigins: [APP, ADMIN], allowedMethods: ["GET" as const, "PUT" as const], allowedHeaders: ["content-type"] }] };
      const error = await writeConfirmed(backend, target, desired, previous, {
        mode: "preflight",
        timeoutSeconds: 0,
        expectations: EXPECT,
        words: REFUSAL_WORDS.resource,
        through: { via, key: KEY },
      }).catch((e: unknown) => e as Error);
      const url = `${via}/${KEY}`;
      const findings = [APP, ADMIN].map(
        (origin, index) =>
          `  expect[${index}] GET ${url} with Origin: ${origin}: the front answered Access-Control-Allow-Origin: (absent), where the bucket answers Access-Control-Allow-Origin: ${origin} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; ${FIX_CACHE_KEY}`,
      );
      expect((error as Error).message).toBe(
        [
          `requests through ${url} (in front of S3-compatible storage bucket "${BUCKET}") still found what the cache breaks after 0 s:`,
          ...findings,
          `— the bucket itself answers every expect entry as expected; fix the front as each line says, or check the bucket alone with verify: "preflight"`,
          `The previous configuration was restored (1 rule ([GET,PUT] from ${ADMIN} ${APP} headers content-type max-age 600)).`,
        ].join("\n"),
      );
      expect(await s3.liveRules(BUCKET)).toEqual([
        { AllowedOrigins: [ADMIN, APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], MaxAgeSeconds: 600 },
      ]);
    });
  });

  test("fails an update that only newly asks for verify: { via } through a broken front, and writes nothing", async () => {
    await withFront(FRONTS.varyStripped, async (_front, via) => {
      const rules = [{ allowedOrigins: [APP, ADMIN], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], maxAgeSeconds: 600 }];
      const inputs = (verify: unknown) => checkInputs({ target, rules, expect: [EXPECT[0]], verify, propagationTimeoutSeconds: 0 }).inputs!;
      const olds = { ...inputs("read"), resourceId: `s3:${s3.endpoint}/${BUCKET}`, fingerprint: "sha256:x" } as PolicyOutputs;
      const error = await updatePolicy(olds.resourceId, olds, inputs({ via, key: KEY })).catch((e: unknown) => e as Error);
      const url = `${via}/${KEY}`;
      expect((error as Error).message).toBe(
        [
          `requests through ${url} (in front of S3-compatible storage bucket "${BUCKET}") still found what the cache breaks after 0 s:`,
          `  expect[0] GET ${url} with Origin: ${APP}: the front answered Access-Control-Allow-Origin: ${APP} with Vary: (absent), without Origin (the bucket answers Vary: ${VARY}: the front removed it) — a cache may give this answer to another origin, or a copy without CORS headers to this one; ${FIX_VARY}`,
          `— the bucket itself answers every expect entry as expected; fix the front as each line says, or check the bucket alone with verify: "preflight"`,
        ].join("\n"),
      );
      expect(await s3.liveRules(BUCKET)).toEqual([
        { AllowedOrigins: [ADMIN, APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], MaxAgeSeconds: 600 },
      ]);
    });
  });

  test("fails when the front cannot be reached, saying the request went to the front, not to the bucket", async () => {
    const error = await checkFront(backend, target, EXPECT, { via: "http://127.0.0.1:1/fronted", key: KEY }).catch((e: unknown) => e as Error);
    expect((error as Error).message.split("\n").at(-1)).toBe(
      "That GET request went to the front at http://127.0.0.1:1/fronted/logo.txt, not to the bucket: check the fronting URL (verify.via, --via) and that it is reachable",
    );
    expect((error as { code?: string }).code).toBe("NetworkError");
  });
});
