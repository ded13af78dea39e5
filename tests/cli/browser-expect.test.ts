import { ensureBuilt } from "./build";
import { runCli, stderrOf } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";
import { browserRequired, browserUnavailable } from "../browser/require-browser";

// Issue 19, items 4 and 9, with --browser: the unmet expectation names the browser's verdict, and a
// header given by name only is explained by its name in the browser prediction.

const ENV = { BCORS_KEY: "S3RVER", BCORS_SECRET: "S3RVER" };
const APP = "https://app.example.com";
const reason = browserUnavailable();
const describeBrowser =
  reason === undefined ? describe : browserRequired() ? (name: string) => test(name, () => expect(reason).toBeUndefined()) : describe.skip;

describeBrowser("verify --browser --expect", () => {
  let s3: TestS3;

  beforeAll(async () => {
    s3 = await startS3();
    await s3.createBucket("browser-expect");
    await s3.putRules("browser-expect", [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "POST"] }]);
    await ensureBuilt();
  }, 300_000);

  afterAll(async () => {
    await s3?.stop();
  });

  test("fails when the browser blocks a POST with a named content-type: the browser's verdict on stderr, the named header explained by its name", async () => {
    const target = [
      "--service",
      "s3",
      "--bucket",
      "browser-expect",
      "--endpoint",
      s3.endpoint,
      "--access-key-id-env",
      "BCORS_KEY",
      "--secret-access-key-env",
      "BCORS_SECRET",
    ];
    const run = await runCli(["verify", ...target, "--origin", APP, "--method", "POST", "--header", "content-type", "--browser", "--dialect", "s3rver"], {
      env: ENV,
    });
    const lines = run.stdout.split("\n");
    expect(run.code).toBe(1);
    expect(lines[lines.findIndex((l) => l.startsWith("Browser prediction")) + 2]).toBe(
      '  header "content-type" is named without a value, so it counts as not safelisted (content-type is CORS-safelisted only with a MIME type of application/x-www-form-urlencoded, multipart/form-data or text/plain): a preflight is sent',
    );
    expect(stderrOf(run)).toBe(
      `error: expected allowed, but the browser blocked the fetch (TypeError: Failed to fetch): the bucket does not let ${APP} send POST with content-type — see the prediction for why, and apply rules that allow it, or give --expect denied if it should be kept out\n`,
    );
  });
});
