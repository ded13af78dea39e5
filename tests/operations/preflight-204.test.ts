import { backendFor } from "../../provider/backends/for-target";
import { verifyPolicy } from "../../provider/operations/verify";
import type { Target } from "../../provider/targets";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { ensureBuilt } from "../cli/build";
import { runCli, stderrOf } from "../cli/run-cli";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { preflightNoContent } from "../faults/faults";

/**
 * A preflight answered 204 No Content is allowed: the Fetch standard's ok status is any 2xx
 * (https://fetch.spec.whatwg.org/#ok-status), on both verify paths — the provider's
 * `verify: "preflight"` (verifyPolicy) and `bucket-cors verify`. s3rver, RGW and Swift all answer
 * 200, so the fault proxy turns s3rver's 200 into a 204 with the same headers (issue 21).
 */
const APP = "https://app.example.com";
const KEY_ENV = "BCORS_204_KEY";
let s3: EmbeddedS3;
let proxy: FaultProxy;
let target: Target;

beforeAll(async () => {
  process.env[KEY_ENV] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket("no-content");
  await s3.putRules("no-content", [{ AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }]);
  proxy = await startFaultProxy(s3.endpoint);
  proxy.plan(preflightNoContent());
  target = { profile: "s3", bucket: "no-content", endpoint: proxy.url, credentials: { accessKeyIdEnv: KEY_ENV, secretAccessKeyEnv: KEY_ENV } };
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});

afterEach(() => proxy.clearLog());

describe('verify: "preflight" (verifyPolicy)', () => {
  test("a 204 preflight with Access-Control-Allow-Origin is allowed", async () => {
    const result = await verifyPolicy(backendFor(target), target, [{ origin: APP, method: "PUT", headers: ["content-type"], allowed: true }], 0);
    expect(result.outcomes.map((o) => ({ status: o.seen.status, allowed: o.seen.allowed, wrong: o.wrong }))).toEqual([
      { status: 204, allowed: true, wrong: [] },
    ]);
    expect(result.agreed).toBe(true);
    expect(proxy.lines()).toEqual(["OPTIONS /no-content/bucket-cors-verify 204 (no-content)"]);
  });

  test("fails when the preflight is refused: the 403 passes the proxy unchanged and is denied", async () => {
    const result = await verifyPolicy(backendFor(target), target, [{ origin: "https://evil.example", method: "PUT", allowed: true }], 0);
    expect(result.outcomes.map((o) => ({ status: o.seen.status, allowed: o.seen.allowed, wrong: o.wrong }))).toEqual([
      { status: 403, allowed: false, wrong: ["expected allowed, but it is denied (status 403)"] },
    ]);
    expect(result.agreed).toBe(false);
  });
});

describe("bucket-cors verify", () => {
  const flags = () => [
    "--service",
    "s3",
    "--bucket",
    "no-content",
    "--endpoint",
    proxy.url,
    "--access-key-id-env",
    KEY_ENV,
    "--secret-access-key-env",
    KEY_ENV,
  ];

  test("a 204 preflight with Access-Control-Allow-Origin is allowed: exit 0", async () => {
    const run = await runCli(["verify", ...flags(), "--origin", APP, "--method", "PUT", "--header", "content-type", "--dialect", "s3rver"]);
    expect({ code: run.code, stderr: stderrOf(run), stdout: run.stdout }).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `OPTIONS ${proxy.url}/no-content/bucket-cors-verify`,
        `  Origin: ${APP}`,
        "  Access-Control-Request-Method: PUT",
        "  Access-Control-Request-Headers: content-type",
        "ALLOWED (204)",
        "Headers:",
        "  access-control-allow-headers: content-type",
        "  access-control-allow-methods: GET, PUT",
        "  access-control-allow-origin: *",
        "  vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
        // s3rver itself answers 200: the prediction says so, and that it is only the status that differs.
        "Prediction from the live configuration (dialect s3rver): allowed by rules[0] (200), differs from the answer",
        "  status: answered 204, predicted 200",
        `  rules[0]: matches: origin "${APP}" matches "${APP}", method "PUT" is allowed`,
        `  rules[0]: header "content-type" allowed`,
        `  rules[0] answers the preflight with "*": 200`,
        "",
      ].join("\n"),
    });
    // The live prediction reads the configuration, which the proxy passes unchanged.
    expect(proxy.lines()).toEqual(["OPTIONS /no-content/bucket-cors-verify 204 (no-content)", "GET /no-content/?cors= 200"]);
  });
});
