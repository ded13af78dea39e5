import { checkInputs } from "../../provider/lifecycle/check";
import { create, delete as destroy, read } from "../../provider/lifecycle";
import type { PolicyInputs, PolicyOutputs } from "../../provider/lifecycle/types";
import { CorsPolicyError } from "../../provider/errors";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { cors, every, first, stall } from "../faults/faults";

/*
 * Issue 23, item 5: deadlines were per call, so one create could run a full deadline per call
 * (123 s under a 60 s deadline). Here each call stays under its own deadline (operationSeconds)
 * while their sum passes timeouts.totalSeconds: s3rver behind the fault proxy, which holds requests.
 */

process.env["BCT_BUDGET_KEY"] = "S3RVER";
process.env["BCT_BUDGET_SECRET"] = "budget-secret-do-not-leak";
const RULES = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }];
/** What a create that may have landed adds (lifecycle/unconfirmed.ts). */
const RECORDED =
  "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only";
const OLD = [{ AllowedOrigins: ["https://old.example"], AllowedMethods: ["GET"] }];

let s3: EmbeddedS3;
let proxy: FaultProxy;

beforeAll(async () => {
  s3 = await startS3rver();
  for (const bucket of ["sum", "baseline", "poll", "gone", "refresh"]) await s3.createBucket(bucket);
  proxy = await startFaultProxy(s3.endpoint);
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});

afterEach(() => {
  proxy.plan();
  proxy.clearLog();
});

function inputs(bucket: string, timeouts: PolicyInputs["timeouts"], extra: Record<string, unknown> = {}): PolicyInputs {
  const target = {
    profile: "s3",
    bucket,
    endpoint: proxy.url,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyIdEnv: "BCT_BUDGET_KEY", secretAccessKeyEnv: "BCT_BUDGET_SECRET" },
  };
  const { inputs: checked, failures } = checkInputs({ target, rules: RULES, timeouts, propagationTimeoutSeconds: 5, ...extra });
  expect(failures).toEqual([]);
  return checked!;
}

/** The error an operation failed with, and how long it took. */
async function failure(operation: () => Promise<unknown>): Promise<{ error: CorsPolicyError; ms: number }> {
  const started = Date.now();
  try {
    await operation();
  } catch (error) {
    if (error instanceof CorsPolicyError) return { error, ms: Date.now() - started };
    throw error;
  }
  throw new Error("the operation succeeded, but its overall deadline should have ended it");
}

/** Durations depend on the machine; the calls, their order and what was cut do not. */
const timed = (message: string) =>
  message
    .replace(/ \d+(\.\d+)? s\b(?! \(timeouts| had passed)/g, " N s")
    .replace(/×\d+/g, "×K")
    .replace(/after \d+ calls: read N s, write N s, read ×K/g, "after N calls: read N s, write N s, read ×K");

const getCors = (bucket: string, status: string) => `GET /${bucket}/?cors= ${status}`;
const putCors = (bucket: string, status: string) => `PUT /${bucket}/?cors= ${status}`;

describe("timeouts.totalSeconds: one overall deadline for every call of an operation", () => {
  test("baseline: each call under operationSeconds, so without totalSeconds the create takes their sum (default budget 2 × (3 + 5) s)", async () => {
    proxy.plan(first(1, cors("GET"), stall(1_200)), first(1, cors("PUT"), stall(1_200)));
    const started = Date.now();
    await create(inputs("baseline", { operationSeconds: 3 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
    expect(await s3.liveRules("baseline")).toEqual(LIVE);
  });

  test("fails when the calls' sum passes totalSeconds: the write is cut, and the error says what the bucket may hold", async () => {
    proxy.plan(first(1, cors("GET"), stall(1_200)), first(1, cors("PUT"), stall(1_200)));
    const { error, ms } = await failure(() => create(inputs("sum", { operationSeconds: 3, totalSeconds: 2 })));
    expect(error.code).toBe("DeadlineExceeded");
    expect(timed(error.message)).toBe(
      'create hit its overall deadline of 2 s (timeouts.totalSeconds; raise it if the service is this slow) after 2 calls: read N s, write N s (cut off) — PutBucketCors on S3-compatible storage "sum" had no complete answer when it ran out\n' +
        'The write may still have reached the bucket: S3-compatible storage bucket "sum" holds either 1 rule ([GET] from https://app.example.com) or no CORS configuration — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write\n' +
        RECORDED,
    );
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(3_000);
    expect(error.message).not.toContain("budget-secret-do-not-leak");
  });

  test("fails when the read-back polling passes totalSeconds: the reads stop, and the rules written are named as possibly there", async () => {
    await s3.putRules("poll", OLD);
    // Once the write is answered, every read-back still shows the old rules: the write never shows within the budget.
    // The read-backs start about 200, 400 and 800 ms apart (operations/propagation.ts), so a 1 s budget runs out some
    // 350 ms into the third wait, never during a read (1.5 s ran out 50 ms after the fourth read began: one slow read
    // under load was cut off instead, and the message said so).
    proxy.plan({
      match: cors("GET"),
      fault: { kind: "status", status: 200, headers: { "content-type": "application/xml" }, body: oldXml() },
      times: "every",
      after: cors("PUT"),
    });
    const { error, ms } = await failure(() => create(inputs("poll", { totalSeconds: 1 }, { onExisting: "overwrite" })));
    expect(error.code).toBe("DeadlineExceeded");
    expect(timed(error.message)).toBe(
      "create hit its overall deadline of 1 s (timeouts.totalSeconds; raise it if the service is this slow) after N calls: read N s, write N s, read ×K N s and N s of back-off between them (waiting for the change to be served), before its next call (a read), which was not sent\n" +
        'The bucket could not be re-read to restore the previous configuration (create\'s overall deadline of 1 s had passed, so the read was not sent), so it was left as is — S3-compatible storage bucket "poll" may hold 1 rule ([GET] from https://app.example.com) or 1 rule ([GET] from https://old.example); check it with bucket-cors get; the stack keeps this resource, so pulumi refresh reads what the bucket holds and pulumi up writes your rules\n' +
        RECORDED,
    );
    // The last back-off wait (at most 2 s, operations/poll.ts) is the only time past the budget.
    expect(ms).toBeLessThan(1_000 + 2_000 + 500);
    expect(proxy.lines().slice(0, 2)).toEqual([getCors("poll", "200"), putCors("poll", "200")]);
  });

  test("fails when a delete's read is cut: nothing was written, and the error says the bucket is as it was", async () => {
    await s3.putRules("gone", LIVE);
    proxy.plan(every(cors("GET"), stall(2_000)));
    const props = { ...inputs("gone", { totalSeconds: 1 }), resourceId: "s3:gone", fingerprint: "sha256:0" } satisfies PolicyOutputs;
    const { error, ms } = await failure(() => destroy("s3:gone", props));
    expect(timed(error.message)).toBe(
      'delete hit its overall deadline of 1 s (timeouts.totalSeconds; raise it if the service is this slow) after 1 call: read N s (cut off) — GetBucketCors on S3-compatible storage "gone" had no complete answer when it ran out; nothing was written, so the bucket holds what it held before',
    );
    expect(ms).toBeLessThan(2_000);
    expect(await s3.liveRules("gone")).toEqual(LIVE);
  });

  test("fails when a refresh's read is cut, named as pulumi refresh", async () => {
    proxy.plan(every(cors("GET"), stall(1_000)));
    const props = { ...inputs("refresh", { totalSeconds: 0.5 }), resourceId: "s3:refresh", fingerprint: "sha256:0" } satisfies PolicyOutputs;
    const { error } = await failure(() => read("s3:refresh", props));
    expect(timed(error.message)).toBe(
      'read (pulumi refresh) hit its overall deadline of 0.5 s (timeouts.totalSeconds; raise it if the service is this slow) after 1 call: read N s (cut off) — GetBucketCors on S3-compatible storage "refresh" had no complete answer when it ran out; nothing was written, so the bucket holds what it held before',
    );
  });
});

/** What s3rver answers for OLD, as the stalled read-backs replay it. */
function oldXml(): string {
  return '<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule><AllowedOrigin>https://old.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>';
}
