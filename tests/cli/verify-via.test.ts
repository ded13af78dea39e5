import { PutObjectCommand } from "@aws-sdk/client-s3";
import { FRONTS, startNginxFront, type FrontConfig, type NginxFront } from "../../testkit/nginx-front";
import { describeWithNginx } from "../servers/nginx";
import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { jsonOf, runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

/** `bucket-cors verify --via URL` through Debian's nginx in front of s3rver (issue 22, item 4). */
const APP = "https://app.example.com";
const ENV = { BCORS_KEY: "S3RVER", BCORS_SECRET: "via-secret-never-sent" };
const BUCKET = "via";
const KEY = "logo.txt";

let s3: TestS3;
let dir: string;

beforeAll(async () => {
  dir = fixtureDir({});
  s3 = await startS3();
  await s3.createBucket(BUCKET);
  await s3.putRules(BUCKET, [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }]);
  await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: "logo" }));
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await s3?.stop();
});

const verify = async (args: string[]): Promise<CliRun> => {
  const flags = [
    "--service",
    "s3",
    "--bucket",
    BUCKET,
    "--endpoint",
    s3.endpoint,
    "--access-key-id-env",
    "BCORS_KEY",
    "--secret-access-key-env",
    "BCORS_SECRET",
  ];
  const run = await runCli(["verify", ...flags, "--dialect", "s3rver", "--origin", APP, "--method", "GET", "--key", KEY, ...args], { cwd: dir, env: ENV });
  return { code: run.code, stdout: run.stdout, stderr: stderrOf(run) };
};

async function withFront<T>(config: FrontConfig, fn: (front: NginxFront) => Promise<T>): Promise<T> {
  const front = await startNginxFront(s3.endpoint, config);
  try {
    return await fn(front);
  } finally {
    await front.stop();
  }
}

describeWithNginx("verify --via", () => {
  test("fails when the front's cache key leaves out Origin: the finding on stdout with the header and the fix, exit 1", async () => {
    await withFront(FRONTS.keyWithoutOrigin, async (front) => {
      const url = `${front.url}/${BUCKET}/${KEY}`;
      const run = await verify(["--via", `${front.url}/${BUCKET}`]);
      expect(run.stdout.split("\n").slice(-3)).toEqual([
        `Through ${url} (a GET without Origin first, then the preflight and the GET from --origin):`,
        `  cached-without-cors: GET ${url} with Origin: ${APP}: the front answered Access-Control-Allow-Origin: (absent), where the bucket answers Access-Control-Allow-Origin: ${APP} — the cache served the copy it stored for a request without Origin (or another origin the bucket does not allow), so the browser blocks the response; put Origin in the cache key: CloudFront, a cache policy whose headers include Origin (the managed origin request policy CORS-S3Origin forwards it but does not key on it); Cloudflare, a Cache Rule whose cache key includes the Origin header; nginx, $http_origin in proxy_cache_key — then purge the cached object`,
        "",
      ]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: 1,
        stderr: `error: the front at ${url} breaks what the bucket answers (1 finding: Access-Control-Allow-Origin: (absent)) — fix the front as each finding says; the bucket's own answer is printed above\n`,
      });
    });
  });

  test("passes through a front with Origin in the cache key and Vary kept, exit 0", async () => {
    await withFront(FRONTS.correct, async (front) => {
      const run = await verify(["--via", `${front.url}/${BUCKET}`]);
      expect(run.stdout.split("\n").slice(-3)).toEqual([
        `Through ${front.url}/${BUCKET}/${KEY} (a GET without Origin first, then the preflight and the GET from --origin):`,
        "  answers as the bucket does (Access-Control-Allow-Origin, Vary: Origin, Access-Control-Max-Age)",
        "",
      ]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    });
  });

  test("--json carries the findings under via", async () => {
    await withFront(FRONTS.varyStripped, async (front) => {
      const run = await runCli(
        [
          "verify",
          ...["--service", "s3", "--bucket", BUCKET, "--endpoint", s3.endpoint, "--access-key-id-env", "BCORS_KEY", "--secret-access-key-env", "BCORS_SECRET"],
          ...["--dialect", "s3rver", "--origin", APP, "--method", "GET", "--key", KEY, "--via", `${front.url}/${BUCKET}`, "--json"],
        ],
        { cwd: dir, env: ENV },
      );
      const json = jsonOf(run) as { ok: boolean; via: { findings: { problem: string; header: string }[] } };
      expect({ code: run.code, ok: json.ok, findings: json.via.findings.map((f) => [f.problem, f.header]) }).toEqual({
        code: 1,
        ok: false,
        findings: [["no-vary", "Vary: (absent)"]],
      });
    });
  });

  test("fails when --via has a user name or password: usage error, nothing sent, the password not shown", async () => {
    const run = await verify(["--via", "http://user:pw-never-shown@127.0.0.1:1/via"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: --via: the URL has a user name or password in it (user:password@host); it is not shown — the front is sent only what a browser sends, never credentials: give its URL without them\n",
    });
  });
});
