import { ensureBuilt } from "./build";
import { jsonOf, runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";
import { browserRequired, browserUnavailable } from "../browser/require-browser";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithRgw } from "../servers/real-servers";

/** `verify --browser`: the page's fetch in a real headless Chromium, beside predictBrowser. */
const ENV = { BCORS_CLI_KEY_ID: "S3RVER", BCORS_CLI_SECRET: "S3RVER" };
const APP = "https://app.example.com";
const reason = browserUnavailable();

/** Runs only with a browser; REQUIRE_BROWSER=1 fails instead of skipping. */
function describeBrowserCli(name: string, fn: () => void): void {
  if (reason === undefined) describe(name, fn);
  else if (browserRequired()) test(`${name}: fails when Chromium or playwright-core is unavailable`, () => expect(reason).toBeUndefined());
  else describe.skip(`${name} [skipped: ${reason}]`, fn);
}

const clean = (run: CliRun) => ({ code: run.code, stdout: run.stdout, stderr: stderrOf(run) });
const target = (endpoint: string, bucket: string, keys = ["--access-key-id-env", "BCORS_CLI_KEY_ID", "--secret-access-key-env", "BCORS_CLI_SECRET"]) => [
  "--service",
  "s3",
  "--bucket",
  bucket,
  "--endpoint",
  endpoint,
  ...keys,
];

beforeAll(() => ensureBuilt(), 180_000);

describeBrowserCli("verify --browser against s3rver", () => {
  let s3: TestS3;

  beforeAll(async () => {
    s3 = await startS3();
    await s3.createBucket("browser");
  });

  afterAll(async () => {
    await s3?.stop();
  });

  test('a credentialed GET is blocked by the browser when s3rver answers "*", as predicted; exit 1', async () => {
    await s3.putRules("browser", [{ AllowedOrigins: ["*"], AllowedMethods: ["GET"], ExposeHeaders: ["ETag"] }]);
    const run = await runCli(["verify", ...target(s3.endpoint, "browser"), "--origin", APP, "--method", "GET", "--credentials", "--dialect", "s3rver"], {
      env: ENV,
    });
    const lines = clean(run).stdout.split("\n");
    expect(run.code).toBe(1);
    const browserAt = lines.findIndex((l) => l.startsWith("Browser ("));
    expect(lines[browserAt]).toMatch(/^Browser \(\/.*chrom.*\): blocked \(TypeError: Failed to fetch\)$/);
    expect(lines.slice(browserAt + 1)).toEqual([
      "Browser prediction from the live configuration (dialect s3rver): blocked, no preflight, as the browser decided",
      '  credentials included: Allow-Origin must name the origin and Allow-Credentials be "true"',
      '  method "GET" and every header are CORS-safelisted: no preflight',
      `  server: rules[0]: matches: origin "${APP}" matches "*", method "GET" is allowed`,
      "  server: rules[0] adds the CORS headers",
      "  GET answered with CORS headers",
      '  response: Access-Control-Allow-Origin "*" admits no request with credentials',
      "  blocked: fetch fails with a network error",
      "",
    ]);
  });

  test("--json: a PUT with content-type is allowed after a preflight and the page reads the exposed ETag only", async () => {
    await s3.putRules("browser", [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], ExposeHeaders: ["ETag"] }]);
    const run = await runCli(
      [
        "verify",
        ...target(s3.endpoint, "browser"),
        "--origin",
        APP,
        "--method",
        "PUT",
        "--header",
        "content-type",
        "--read",
        "ETag,x-amz-request-id",
        "--dialect",
        "s3rver",
        "--json",
      ],
      { env: ENV },
    );
    expect(run.code).toBe(0);
    const { browser } = jsonOf(run) as { browser: Record<string, unknown> & { read: Record<string, string | null>; prediction: Record<string, unknown> } };
    expect({
      ...browser,
      executable: undefined,
      read: Object.keys(browser.read).map((h) => [h, browser.read[h] === null]),
      prediction: { ...browser.prediction, explanation: undefined },
    }).toEqual({
      executable: undefined,
      url: `${s3.endpoint}/browser/bucket-cors-verify`,
      allowed: true,
      status: 200,
      read: [
        ["ETag", false],
        ["x-amz-request-id", true],
      ],
      error: null,
      prediction: { dialect: "s3rver", allowed: true, preflight: true, readable: ["ETag"], explanation: undefined },
      predictionError: null,
      agrees: true,
    });
  });

  test("fails when --chrome names no executable: a usage error naming what to pass", async () => {
    const run = await runCli(["verify", ...target(s3.endpoint, "browser"), "--origin", APP, "--method", "GET", "--chrome", "/nonexistent/chrome"], {
      env: ENV,
    });
    expect(clean(run)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: --chrome "/nonexistent/chrome" is not an executable file — pass the path of a Chrome or Chromium binary\n',
    });
  });
});

describeWithRgw("verify --browser against real Ceph RGW", (rgw) => {
  describeBrowserCli("RGW", () => {
    let ops: BucketOps;
    beforeAll(async () => {
      const info = rgw();
      ops = bucketOps(info.endpoint, info, info.region);
      await ops.createBucket("bcors-cli-browser");
      await ops.putRules("bcors-cli-browser", [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], ExposeHeaders: ["ETag"] }]);
    });
    afterAll(() => ops?.client.destroy());

    test("RGW echoes the origin but never sends Allow-Credentials: a credentialed PUT is blocked at the preflight, as predicted", async () => {
      const info = rgw();
      const keys = ["--access-key-id-env", info.credentialEnv.accessKeyIdEnv, "--secret-access-key-env", info.credentialEnv.secretAccessKeyEnv];
      const run = await runCli([
        "verify",
        ...target(info.endpoint, "bcors-cli-browser", keys),
        "--origin",
        APP,
        "--method",
        "PUT",
        "--credentials",
        "--dialect",
        "ceph-legacy",
        "--json",
      ]);
      expect(run.code).toBe(1);
      const doc = jsonOf(run) as { allowed: boolean; browser: { allowed: boolean; agrees: boolean; prediction: { explanation: string[] } } };
      expect([doc.allowed, doc.browser.allowed, doc.browser.agrees, doc.browser.prediction.explanation.at(-2)]).toEqual([
        true,
        false,
        true,
        `preflight: Access-Control-Allow-Origin "${APP}" is the page's origin, but credentials are sent and the answer has no Access-Control-Allow-Credentials`,
      ]);
    });
  });
});
