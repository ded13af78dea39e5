import { rejection } from "./rejection";
import { swiftBackend } from "../../provider/backends/swift/backend";
import { MAX_RESPONSE_BYTES } from "../../provider/backends/limits";
import type { Target } from "../../provider/targets";
import { drip, fixed, huge, servedPerFile } from "./loopback";

const SWIFT_ENV = [
  "OS_AUTH_TOKEN",
  "OS_STORAGE_URL",
  "ST_AUTH",
  "ST_USER",
  "ST_KEY",
  "OS_AUTH_URL",
  "OS_USERNAME",
  "OS_PASSWORD",
  "OS_PROJECT_NAME",
  "OS_PROJECT_ID",
  "OS_REGION_NAME",
];
const RULES = {
  rules: [
    {
      allowedOrigins: ["https://app.example.com"],
      allowedMethods: ["GET" as const, "PUT" as const, "POST" as const, "DELETE" as const, "HEAD" as const],
      allowedHeaders: ["*"],
    },
  ],
};

/** Runs with exactly these Swift variables set (the others unset). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(SWIFT_ENV.map((n) => [n, process.env[n]]));
  for (const n of SWIFT_ENV) delete process.env[n];
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [n, v] of Object.entries(saved))
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
  }
}

const serve = servedPerFile();

const container = (name: string, endpoint?: string): Target => ({ profile: "swift", bucket: name, ...(endpoint === undefined ? {} : { endpoint }) });
const REFUSED = (to: string) =>
  `the service redirected the request to ${to}; redirects are not followed, so that no credential is sent to another address — set the endpoint to the address the service names, if you trust it`;

describe("Swift backend refuses redirects and never sends credentials to the other address", () => {
  test.each([301, 302, 307])("fails when TempAuth answers %i: X-Auth-Key is not re-sent", async (status) => {
    const other = await serve(fixed(200, { "X-Auth-Token": "stolen", "X-Storage-Url": "http://127.0.0.1:1/v1/AUTH_evil" }));
    const auth = await serve(fixed(status, { Location: `${other.url}/auth/v1.0` }));
    const error = await withEnv({ ST_AUTH: `${auth.url}/auth/v1.0`, ST_USER: "test:tester", ST_KEY: `key-${status}` }, () =>
      rejection(swiftBackend.get(container("redirected"))),
    );
    expect([error.code, error.message]).toEqual([
      "RedirectRefused",
      `Auth (TempAuth v1) on OpenStack Swift container "redirected" failed (${status} Redirect): ${REFUSED(other.url)}`,
    ]);
    expect(auth.received.map((r) => r.headers["x-auth-key"])).toEqual([`key-${status}`]);
    expect(other.received).toEqual([]);
  });

  test("fails when Keystone answers 307: the password body is not re-sent", async () => {
    const other = await serve(fixed(201, { "X-Subject-Token": "stolen" }, "{}"));
    const auth = await serve(fixed(307, { Location: `${other.url}/v3/auth/tokens` }));
    const error = await withEnv({ OS_AUTH_URL: `${auth.url}/v3`, OS_USERNAME: "demo", OS_PASSWORD: "pw-307", OS_PROJECT_NAME: "demo" }, () =>
      rejection(swiftBackend.get(container("ks-redirected"))),
    );
    expect(error.message).toBe(`Auth (Keystone v3) on OpenStack Swift container "ks-redirected" failed (307 Redirect): ${REFUSED(other.url)}`);
    expect(auth.received.map((r) => r.body.includes("pw-307"))).toEqual([true]);
    expect(other.received).toEqual([]);
  });

  test.each([
    { name: "HEAD (get)", status: 301, run: (t: Target) => swiftBackend.get(t), operation: "HeadContainer" },
    { name: "POST (put)", status: 307, run: (t: Target) => swiftBackend.put(t, RULES), operation: "PostContainer" },
    { name: "POST (delete)", status: 302, run: (t: Target) => swiftBackend.delete(t), operation: "PostContainer" },
  ])("fails when the storage URL answers $status to $name: X-Auth-Token is not re-sent", async ({ status, run, operation }) => {
    const other = await serve(fixed(204, {}));
    const storage = await serve(fixed(status, { Location: `${other.url}/v1/AUTH_test/c` }));
    const error = await withEnv({ OS_AUTH_TOKEN: `token-${status}` }, () => rejection(run(container("c", `${storage.url}/v1/AUTH_test`))));
    expect([error.code, error.status, error.message]).toEqual([
      "RedirectRefused",
      status,
      `${operation} on OpenStack Swift container "c" failed (${status} Redirect): ${REFUSED(other.url)}`,
    ]);
    expect(storage.received.map((r) => r.headers["x-auth-token"])).toEqual([`token-${status}`]);
    expect(other.received).toEqual([]);
  });
});

describe("Swift backend bounds", () => {
  test("fails when the storage server never answers: get ends at its overall deadline", async () => {
    const storage = await serve(() => undefined); // holds every request open
    const started = Date.now();
    const error = await withEnv({ OS_AUTH_TOKEN: "tok-stall" }, () =>
      rejection(swiftBackend.get(container("stalled", `${storage.url}/v1/AUTH_test`), { deadlineMs: 2_000 })),
    );
    expect(Date.now() - started).toBeLessThan(3_500);
    expect([error.code, error.message]).toEqual([
      "DeadlineExceeded",
      `HeadContainer on OpenStack Swift container "stalled" failed (Timeout): no complete answer within the deadline of 2 s — the service is unreachable, stalled or too slow; try again later`,
    ]);
  });

  test("fails when Keystone drips its token body one byte every 2 s: the login ends at the operation's deadline", async () => {
    const auth = await serve(drip("application/json", { "X-Subject-Token": "tok-drip" }));
    const started = Date.now();
    const error = await withEnv({ OS_AUTH_URL: auth.url, OS_USERNAME: "demo", OS_PASSWORD: "pw-drip", OS_PROJECT_NAME: "demo" }, () =>
      rejection(swiftBackend.put(container("drip"), RULES, { deadlineMs: 3_000 })),
    );
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(error.message).toBe(
      `Auth (Keystone v3) on OpenStack Swift container "drip" failed (Timeout): no complete answer within the deadline of 3 s — the service is unreachable, stalled or too slow; try again later`,
    );
  });

  test("fails fast when Keystone answers a 200 MB token body, without reading it", async () => {
    const auth = await serve((req, res, server) => {
      res.setHeader("X-Subject-Token", "tok-huge");
      huge(200 * 1024 * 1024, false)(req, res, server);
    });
    const started = Date.now();
    const error = await withEnv({ OS_AUTH_URL: auth.url, OS_USERNAME: "demo", OS_PASSWORD: "pw-huge", OS_PROJECT_NAME: "demo" }, () =>
      rejection(swiftBackend.get(container("huge"))),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect([error.code, error.message]).toEqual([
      "ResponseTooLarge",
      `Auth (Keystone v3) on OpenStack Swift container "huge" failed (200 ResponseTooLarge): the answer's body is larger than ${MAX_RESPONSE_BYTES / 1024} KiB, the most this package reads; it was not read — check that the endpoint is the storage service's API`,
    ]);
    expect(auth.sent).toBeLessThan(16 * 1024 * 1024);
  });

  test("a network failure's message is scrubbed of the token and of userinfo in the URL", async () => {
    const error = await withEnv({ OS_AUTH_TOKEN: "t0k" }, () =>
      rejection(swiftBackend.get(container("gone", "http://admin:t0k@127.0.0.1:1/v1/AUTH_test"), { deadlineMs: 20_000 })),
    );
    expect([error.code, error.message]).toEqual([
      "NetworkError",
      `HeadContainer on OpenStack Swift container "gone" failed (NetworkError): Request cannot be constructed from a URL that includes credentials: http://***@127.0.0.1:1/v1/AUTH_test/gone`,
    ]);
  }, 30_000);
});
