import type { DeploymentError } from "../../testkit/host";
import { describeWithSwift } from "../servers/real-servers";
import { every, first, reset, swiftError, SWIFT_TRANS_ID } from "./faults";
import { startSwiftFaults, type SwiftFaults } from "./swift-setup";

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"];
const RULES = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ALL, allowedHeaders: ["*"], exposeHeaders: ["ETag"], maxAgeSeconds: 600 }];
const OLD_RULES = [{ allowedOrigins: ["https://old.example"], allowedMethods: ALL, allowedHeaders: ["*"] }];
const META = "x-container-meta-access-control-";
/** How messages describe RULES and OLD_RULES (operations/describe.ts). */
const DESCRIBED_SWIFT = "1 rule ([GET,PUT,POST,DELETE,HEAD] from https://app.example.com headers * max-age 600)";
const WAS_SWIFT = "1 rule ([GET,PUT,POST,DELETE,HEAD] from https://old.example headers *)";
const LIVE = { [`${META}allow-origin`]: "https://app.example.com", [`${META}expose-headers`]: "etag", [`${META}max-age`]: "600" };
const OLD_LIVE = { [`${META}allow-origin`]: "https://old.example" };
/** What a failed update that may have reached the container adds (lifecycle/unconfirmed.ts). */
const RECORDED =
  "\nThe stack records this policy as unconfirmed: the next pulumi up writes the program's rules again, even if they are the previous ones, and pulumi refresh reads what the bucket holds";
/** What a failed create that may have reached the bucket adds (lifecycle/unconfirmed.ts). */
const RECORDED_CREATE =
  "\nThe stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only";
const URN = "urn:pulumi:faults-swift::cors::pulumi-nodejs:dynamic/bucket-cors:CorsPolicy::media";
/** Swift's own 401 page (what its proxy server answers an expired token). */
const UNAUTHORIZED = "<html><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access the document you requested.</p></html>";
const CONTAINERS = [
  "fault-post-503",
  "fault-post-502",
  "fault-post-reset",
  "fault-down-new",
  "fault-down-managed",
  "fault-refresh",
  "fault-401-once",
  "fault-401-always",
];

/** The error an operation failed with; fails the test if it succeeded. */
async function failure(operation: Promise<unknown>): Promise<DeploymentError> {
  try {
    await operation;
  } catch (error) {
    return error as DeploymentError;
  }
  throw new Error("the operation succeeded under a persistent fault");
}

const ops = (result: { steps: { op: string }[] }) => result.steps.map((s) => s.op);
const times = (n: number, line: string) => Array.from({ length: n }, () => line);

describeWithSwift("Swift faults through the real provider host (Swift 2.30 behind the fault proxy)", (server) => {
  let env: SwiftFaults;
  const line = (method: string, container: string, answer: string) => `${method} /v1/AUTH_test/${container} ${answer}`;

  /** `up`s the rules without faults (logging in if need be) and forgets the requests that took. */
  async function managed(container: string, rules: unknown[]): Promise<void> {
    await env.harness.up(env.program(container, rules));
    env.proxy.clearLog();
    env.auth.clearLog();
  }

  beforeAll(async () => {
    env = await startSwiftFaults(server(), CONTAINERS);
  }, 180_000);

  afterAll(async () => {
    await env?.stop();
  });

  afterEach(async () => {
    env.proxy.plan();
    await env.harness.destroy();
    env.proxy.clearLog();
    env.auth.clearLog();
  });

  // The backend's own loop retries 5xx and network errors, backing off 250 ms then 500 ms here.
  test.each([
    { name: "503", container: "fault-post-503", fault: swiftError(503), answer: "503 (injected)" },
    { name: "502", container: "fault-post-502", fault: swiftError(502), answer: "502 (injected)" },
    { name: "connection reset", container: "fault-post-reset", fault: reset(), answer: "reset" },
  ])("a $name on the first 2 POSTs is retried: up writes the container's CORS metadata", async ({ container, fault, answer }) => {
    const { proxy, harness, program, swift } = env;
    proxy.plan(first(2, { method: "POST" }, fault));
    expect(ops(await harness.up(program(container, RULES)))).toEqual(["create"]);
    expect(await swift.corsMeta(container)).toEqual(LIVE);
    expect(proxy.lines()).toEqual([
      line("HEAD", container, "204"),
      ...times(2, line("POST", container, answer)),
      line("POST", container, "204"),
      line("HEAD", container, "204"),
    ]);
  });

  // Five attempts, backing off 250 ms, 500 ms, 1 s and 2 s: 3.75 s per case.
  describe("fails when every POST answers 500, leaves the metadata as it was, and the state records the policy as unconfirmed", () => {
    const cases = [
      { name: "create on a container without CORS", container: "fault-down-new", op: "create", before: {}, setup: async () => {} },
      {
        name: "update of a managed configuration",
        container: "fault-down-managed",
        op: "update",
        before: OLD_LIVE,
        setup: () => managed("fault-down-managed", OLD_RULES),
      },
    ];
    test.each(cases)("$name", async ({ container, op, before, setup }) => {
      const { proxy, harness, program, swift } = env;
      await setup();
      proxy.plan(every({ method: "POST" }, swiftError(500)));
      const error = await failure(harness.up(program(container, RULES)));
      expect(error.message).toBe(
        `up failed: ${op} failed for ${URN}: PostContainer on OpenStack Swift container "${container}" failed (500 HTTP500) (request id ${SWIFT_TRANS_ID})\nThe write may still have reached the bucket: OpenStack Swift container "${container}" holds either ${DESCRIBED_SWIFT} or ${Object.keys(before).length === 0 ? "no CORS configuration" : WAS_SWIFT} — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write${op === "update" ? RECORDED : RECORDED_CREATE}`,
      );
      expect(JSON.stringify(error.diagnostics)).not.toContain(server().key);
      expect(await swift.corsMeta(container)).toEqual(before);
      // The engine records a partial failure (ErrorResourceInitFailed); a failed update keeps the old inputs.
      const where = `OpenStack Swift container "${container}"`;
      const unconfirmed =
        op === "create"
          ? `a create failed after a write that may have reached ${where}: it holds ${DESCRIBED_SWIFT}, or what it held before, as the failure says`
          : `an update failed after a write that may have reached ${where}: it holds ${DESCRIBED_SWIFT}, or ${WAS_SWIFT} as before, or what the failure named`;
      const [resource, ...more] = harness.state().resources;
      expect([
        more.length,
        resource?.id.endsWith(`/${container}`),
        resource?.inputs["rules"],
        resource?.outputs["unconfirmed"],
        resource?.initErrors?.length,
      ]).toEqual([0, true, op === "create" ? RULES : OLD_RULES, unconfirmed, 1]);
      expect(proxy.lines()).toEqual([line("HEAD", container, "204"), ...times(5, line("POST", container, "500 (injected)"))]);
    });
  });

  test("fails when every HEAD answers 500 on refresh, and keeps the resource in the state", async () => {
    const { proxy, harness, swift } = env;
    await managed("fault-refresh", RULES);
    const state = harness.state();
    proxy.plan(every({ method: "HEAD" }, swiftError(500)));
    const error = await failure(harness.refresh());
    expect(error.message).toBe(
      `refresh failed: read failed for ${URN}: HeadContainer on OpenStack Swift container "fault-refresh" failed (500 HTTP500) (request id ${SWIFT_TRANS_ID})`,
    );
    expect(harness.state()).toEqual(state);
    expect(proxy.lines()).toEqual(times(5, line("HEAD", "fault-refresh", "500 (injected)")));
    expect(await swift.corsMeta("fault-refresh")).toEqual(LIVE);
  });

  test("a 401 on the first request makes the provider log in again, and the update succeeds", async () => {
    const { proxy, auth, harness, program, swift } = env;
    const container = "fault-401-once";
    await managed(container, OLD_RULES); // logged in: the login below is the re-login
    proxy.plan(first(1, {}, swiftError(401, UNAUTHORIZED)));
    expect(ops(await harness.up(program(container, RULES)))).toEqual(["update"]);
    expect(await swift.corsMeta(container)).toEqual(LIVE);
    expect(proxy.lines()).toEqual([
      line("HEAD", container, "401 (injected)"),
      line("HEAD", container, "204"),
      line("POST", container, "204"),
      line("HEAD", container, "204"),
    ]);
    expect(auth.lines()).toEqual([`GET ${new URL(server().authUrl).pathname} 200`]);
  });

  test("fails when every request answers 401: one new login, then an error naming the 401", async () => {
    const { proxy, auth, harness, program, swift } = env;
    await managed("fault-401-always", OLD_RULES);
    const state = harness.state();
    proxy.plan(every({}, swiftError(401, UNAUTHORIZED)));
    const error = await failure(harness.up(program("fault-401-always", RULES)));
    expect(error.message).toBe(
      `up failed: update failed for ${URN}: HeadContainer on OpenStack Swift container "fault-401-always" failed (401 Unauthorized) (request id ${SWIFT_TRANS_ID}) — the token came from a TempAuth login with ST_AUTH, ST_USER and ST_KEY, tried when OS_AUTH_TOKEN is unset and before Keystone (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD) — the token the login gave is refused: check that the login's storage URL is this endpoint's`,
    );
    expect(await swift.corsMeta("fault-401-always")).toEqual(OLD_LIVE);
    expect(harness.state()).toEqual(state);
    expect(proxy.lines()).toEqual(times(2, line("HEAD", "fault-401-always", "401 (injected)")));
    expect(auth.lines()).toEqual([`GET ${new URL(server().authUrl).pathname} 200`]);
  });
});
