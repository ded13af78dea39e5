import { backendFor } from "../../provider/backends/for-target";
import { disagreement, verifyPolicy } from "../../provider/operations/verify";
import type { Target } from "../../provider/targets";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";

/** Browser expectations against a live s3rver: the browser's rules applied to the real answers. */
const APP = "https://app.example.com";
let s3: EmbeddedS3;
let target: Target;

beforeAll(async () => {
  process.env["BCORS_BROWSER_KEY"] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket("browser");
  target = {
    profile: "s3",
    bucket: "browser",
    endpoint: s3.endpoint,
    credentials: { accessKeyIdEnv: "BCORS_BROWSER_KEY", secretAccessKeyEnv: "BCORS_BROWSER_KEY" },
  };
});

afterAll(async () => {
  await s3?.stop();
});

describe("verifyPolicy with credentials and reads", () => {
  test('s3rver answers a PUT preflight with "*", so a credentialed PUT is blocked live while the plain entry passes', async () => {
    await s3.putRules("browser", [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], ExposeHeaders: ["ETag"] }]);
    const expectations = [
      { origin: APP, method: "PUT", allowed: true },
      { origin: APP, method: "PUT", allowed: true, credentials: true },
      { origin: APP, method: "GET", allowed: true, credentials: true, reads: ["ETag"] },
    ];
    const result = await verifyPolicy(backendFor(target), target, expectations, 0);
    expect(result.outcomes.map((o) => [o.seen.allowed, o.seen.browser?.allowed, o.wrong])).toEqual([
      [true, undefined, []],
      [
        true,
        false,
        [
          `expected allowed, but the browser blocks it at the preflight, though the server's answer alone allows it: preflight: Access-Control-Allow-Origin "*" admits no request with credentials`,
        ],
      ],
      [true, true, []],
    ]);
    expect(disagreement(target, result, 0).split("\n")[1]).toBe(
      `  expect[1] PUT from ${APP}: expected allowed, observed denied by the browser's rules (status 200)`,
    );
  });
});
