import type { DeploymentError } from "../../testkit/host";
import { appliedThenInternalError, cors, every, first, internalError, reset, serviceUnavailable, slowDown, stall } from "./faults";
import { SECRET, startS3Faults, type S3Faults } from "./s3-setup";

const RULES = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"], maxAgeSeconds: 600 }];
const LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"], MaxAgeSeconds: 600 }];
const OLD_RULES = [{ allowedOrigins: ["https://old.example"], allowedMethods: ["GET"] }];
const OLD_LIVE = [{ AllowedOrigins: ["https://old.example"], AllowedMethods: ["GET"] }];
const URN = "urn:pulumi:faults-s3::cors::pulumi-nodejs:dynamic/bucket-cors:CorsPolicy::site";
const SLOW_DOWN = "failed (503 SlowDown): Please reduce your request rate.";
/** How messages describe RULES (lifecycle/describe.ts). */
const DESCRIBED = "1 rule ([GET,PUT] from https://app.example.com headers content-type max-age 600)";
const INTERNAL = "failed (500 InternalError): We encountered an internal error. Please try again.";
/** What a failed update that may have reached the bucket adds (lifecycle/unconfirmed.ts). */
const RECORDED =
  "\nThe stack records this policy as unconfirmed: the next pulumi up writes the program's rules again, even if they are the previous ones, and pulumi refresh reads what the bucket holds";
/** What a failed create that may have reached the bucket adds (lifecycle/unconfirmed.ts). */
const RECORDED_CREATE =
  "\nThe stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only";
const BUCKETS = [
  "slow-put",
  "reset-get",
  "down-new",
  "down-managed",
  "readback-create",
  "readback-update",
  "restore-fails",
  "reread-fails",
  "refresh",
  "reset-delete",
  "stall-put",
  "applied-500",
  "refused-400",
];

let env: S3Faults;

beforeAll(async () => {
  env = await startS3Faults(BUCKETS);
}, 180_000);

afterAll(async () => {
  await env?.stop();
});

afterEach(async () => {
  env.proxy.plan();
  await env.harness.destroy();
  env.proxy.clearLog();
});

/** The error an operation failed with; fails the test if it succeeded. */
async function failure(operation: Promise<unknown>): Promise<DeploymentError> {
  try {
    await operation;
  } catch (error) {
    return error as DeploymentError;
  }
  throw new Error("the operation succeeded under a persistent fault");
}

/** `up`s the rules without faults and forgets the requests that took. */
async function managed(bucket: string, rules: unknown[]): Promise<void> {
  await env.harness.up(env.program(bucket, rules));
  env.proxy.clearLog();
}

const ops = (result: { steps: { op: string }[] }) => result.steps.map((s) => s.op);

/**
 * What the state holds after a failure that may have reached the bucket: the engine records the
 * provider's partial failure (ErrorResourceInitFailed) with its message as the initialization error,
 * and a failed update keeps the old inputs (tests/engine/unconfirmed.test.ts shows both on the real engine).
 */
function recorded(): unknown[] {
  const [resource, ...more] = env.harness.state().resources;
  return [more.length, resource?.id, resource?.inputs["rules"], resource?.outputs["unconfirmed"], resource?.initErrors?.length];
}
const idOf = (bucket: string) => `s3:${env.proxy.url.replace("http://", "")}/${bucket}`;
/** The `unconfirmed` output of a create that may have written RULES. */
const unconfirmedCreate = (where: string) =>
  `a create failed after a write that may have reached ${where}: it holds ${DESCRIBED}, or what it held before, as the failure says`;
const getCors = (bucket: string, status: string) => `GET /${bucket}/?cors= ${status}`;
const putCors = (bucket: string, status: string) => `PUT /${bucket}/?cors= ${status}`;
const times = (n: number, line: string) => Array.from({ length: n }, () => line);

describe("S3 faults through the real provider host (s3rver behind the fault proxy)", () => {
  test("a 503 SlowDown on the first 2 PutBucketCors is retried: up creates the policy and s3rver holds the rules", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan(first(2, cors("PUT"), slowDown()));
    expect(ops(await harness.up(program("slow-put", RULES)))).toEqual(["create"]);
    expect(await s3.liveRules("slow-put")).toEqual(LIVE);
    expect(harness.state().resources.map((r) => [r.id, r.outputs["rules"]])).toEqual([[`s3:${proxy.url.replace("http://", "")}/slow-put`, RULES]]);
    expect(JSON.stringify(harness.state())).not.toContain(SECRET);
    expect(proxy.lines()).toEqual([
      getCors("slow-put", "404"),
      ...times(2, putCors("slow-put", "503 (injected)")),
      putCors("slow-put", "200"),
      getCors("slow-put", "200"),
    ]);
  });

  test("a connection reset on the first GetBucketCors is retried: up creates the policy", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan(first(1, cors("GET"), reset()));
    expect(ops(await harness.up(program("reset-get", RULES)))).toEqual(["create"]);
    expect(await s3.liveRules("reset-get")).toEqual(LIVE);
    expect(proxy.lines()).toEqual([getCors("reset-get", "reset"), getCors("reset-get", "404"), putCors("reset-get", "200"), getCors("reset-get", "200")]);
  });

  // Each case takes the SDK's 4 throttling back-offs (random up to 1, 2, 4 and 8 s): 7.5 s on average,
  // 15 s at worst; hence two cases, one per starting point (create with onExisting: "overwrite" over
  // a foreign configuration fails the same way: the put throws before anything is written).
  describe("fails when PutBucketCors keeps answering 503 SlowDown, leaves the bucket as it was, and the state records the policy as unconfirmed", () => {
    const cases = [
      { name: "create on a bucket without CORS", bucket: "down-new", op: "create", before: null, setup: async () => {} },
      { name: "update of a managed configuration", bucket: "down-managed", op: "update", before: OLD_LIVE, setup: () => managed("down-managed", OLD_RULES) },
    ];
    test.each(cases)(
      "$name",
      async ({ bucket, op, before, setup }) => {
        const { proxy, harness, program, s3 } = env;
        await setup();
        proxy.plan(every(cors("PUT"), slowDown()));
        const error = await failure(harness.up(program(bucket, RULES)));
        const where = `S3-compatible storage bucket "${bucket}"`;
        const was = before === null ? "no CORS configuration" : "1 rule ([GET] from https://old.example)";
        expect(error.message).toBe(
          `up failed: ${op} failed for ${URN}: PutBucketCors on ${where} ${SLOW_DOWN}\nThe write may still have reached the bucket: ${where} holds either ${DESCRIBED} or ${was} — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write${op === "update" ? RECORDED : RECORDED_CREATE}`,
        );
        expect(JSON.stringify(error.diagnostics)).not.toContain(SECRET);
        expect(await s3.liveRules(bucket)).toEqual(before);
        const unconfirmed =
          op === "create"
            ? unconfirmedCreate(where)
            : `an update failed after a write that may have reached ${where}: it holds ${DESCRIBED}, or 1 rule ([GET] from https://old.example) as before, or what the failure named`;
        expect(recorded()).toEqual([0, idOf(bucket), op === "create" ? RULES : OLD_RULES, unconfirmed, 1]);
        expect(proxy.lines()).toEqual([getCors(bucket, before === null ? "404" : "200"), ...times(5, putCors(bucket, "503 (injected)"))]);
      },
      60_000,
    );
  });

  // A read-back that keeps failing is a failed confirmation: the bucket is re-read and, since it still holds this
  // run's write, the previous configuration is put back (docs/architecture.md, "verify, confirmation and rollback").
  describe("fails when GetBucketCors fails after a successful PutBucketCors, re-reads, and restores the previous configuration", () => {
    const cases = [
      {
        name: "create on a bucket without CORS",
        bucket: "readback-create",
        op: "create",
        before: null,
        restored: "no CORS configuration",
        restore: "DELETE /readback-create/?cors= 200",
        setup: async () => {},
      },
      {
        name: "update of a managed configuration",
        bucket: "readback-update",
        op: "update",
        before: OLD_LIVE,
        restored: "1 rule ([GET] from https://old.example)",
        restore: putCors("readback-update", "200"),
        setup: () => managed("readback-update", OLD_RULES),
      },
    ];
    test.each(cases)(
      "$name",
      async ({ bucket, op, before, restored, restore, setup }) => {
        const { proxy, harness, program, s3 } = env;
        await setup();
        const state = harness.state();
        proxy.plan({ ...first(5, cors("GET"), internalError()), after: cors("PUT") });
        const error = await failure(harness.up(program(bucket, RULES)));
        expect(error.message).toBe(
          `up failed: ${op} failed for ${URN}: GetBucketCors on S3-compatible storage bucket "${bucket}" ${INTERNAL}\nThe previous configuration was restored (${restored}).`,
        );
        expect(await s3.liveRules(bucket)).toEqual(before);
        expect(harness.state()).toEqual(state);
        expect(proxy.lines()).toEqual([
          getCors(bucket, before === null ? "404" : "200"),
          putCors(bucket, "200"),
          ...times(5, getCors(bucket, "500 (injected)")),
          getCors(bucket, "200"),
          restore,
        ]);
      },
      60_000,
    );
  });

  test("fails when the read-back and the restore both keep failing, saying what the bucket may hold", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan({ ...first(5, cors("GET"), internalError()), after: cors("PUT") }, every(cors("DELETE"), internalError()));
    const error = await failure(harness.up(program("restore-fails", RULES)));
    const where = 'S3-compatible storage bucket "restore-fails"';
    expect(error.message).toBe(
      `up failed: create failed for ${URN}: GetBucketCors on ${where} ${INTERNAL}\nRestoring the previous configuration also failed: DeleteBucketCors on ${where} ${INTERNAL} — ${where} may hold ${DESCRIBED}; check it with bucket-cors get; the stack keeps this resource, so pulumi refresh reads what the bucket holds and pulumi up writes your rules${RECORDED_CREATE}`,
    );
    // What the message says is what the bucket holds; the state records the policy as unconfirmed.
    expect(await s3.liveRules("restore-fails")).toEqual(LIVE);
    expect(recorded()).toEqual([0, idOf("restore-fails"), RULES, unconfirmedCreate(where), 1]);
    expect(proxy.lines()).toEqual([
      getCors("restore-fails", "404"),
      putCors("restore-fails", "200"),
      ...times(5, getCors("restore-fails", "500 (injected)")),
      getCors("restore-fails", "200"),
      ...times(5, "DELETE /restore-fails/?cors= 500 (injected)"),
    ]);
    // Refresh reads what the bucket holds (the rules this stack wrote), which clears the unconfirmed
    // mark and the initialization error: the next up has nothing to write.
    proxy.plan();
    expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["update"]);
    expect(ops(await harness.up(program("restore-fails", RULES)))).toEqual(["same"]);
    expect(proxy.lines().filter((line) => line.startsWith("PUT"))).toEqual([putCors("restore-fails", "200")]); // the first up's only
    expect(recorded()).toEqual([0, idOf("restore-fails"), RULES, undefined, undefined]);
  }, 60_000);

  // Re-read, compare, then act: a bucket that cannot be re-read after a failed confirmation is left as it is.
  test("fails when GetBucketCors keeps failing after a successful PutBucketCors: leaves the bucket, saying what it may hold", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan({ ...every(cors("GET"), internalError()), after: cors("PUT") });
    const error = await failure(harness.up(program("reread-fails", RULES)));
    const where = 'S3-compatible storage bucket "reread-fails"';
    expect(error.message).toBe(
      `up failed: create failed for ${URN}: GetBucketCors on ${where} ${INTERNAL}\nThe bucket could not be re-read to restore the previous configuration (GetBucketCors on ${where} ${INTERNAL}), so it was left as is — ${where} may hold ${DESCRIBED} or no CORS configuration; check it with bucket-cors get; the stack keeps this resource, so pulumi refresh reads what the bucket holds and pulumi up writes your rules${RECORDED_CREATE}`,
    );
    expect(await s3.liveRules("reread-fails")).toEqual(LIVE);
    expect(recorded()).toEqual([0, idOf("reread-fails"), RULES, unconfirmedCreate(where), 1]);
    expect(proxy.lines()).toEqual([getCors("reread-fails", "404"), putCors("reread-fails", "200"), ...times(10, getCors("reread-fails", "500 (injected)"))]);
  }, 60_000);

  // Issue 11, item 4: a PUT that reached the bucket but was answered 500 left bucket and state apart, and the next up
  // refused the rules this stack had written as "not managed by this stack".
  test("a PutBucketCors applied but answered 500 every time fails saying what the bucket may hold; the next up confirms the rules without a write", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan(every(cors("PUT"), appliedThenInternalError()));
    const error = await failure(harness.up(program("applied-500", RULES)));
    const where = 'S3-compatible storage bucket "applied-500"';
    expect(error.message).toBe(
      `up failed: create failed for ${URN}: PutBucketCors on ${where} ${INTERNAL}\nThe write may still have reached the bucket: ${where} holds either ${DESCRIBED} or no CORS configuration — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write${RECORDED_CREATE}`,
    );
    expect(await s3.liveRules("applied-500")).toEqual(LIVE);
    expect(recorded()).toEqual([0, idOf("applied-500"), RULES, unconfirmedCreate(where), 1]);
    proxy.plan();
    proxy.clearLog();
    expect(ops(await harness.up(program("applied-500", RULES)))).toEqual(["update"]);
    expect(proxy.lines()).toEqual([getCors("applied-500", "200")]);
    expect(recorded()).toEqual([0, idOf("applied-500"), RULES, undefined, undefined]);
    expect(await s3.liveRules("applied-500")).toEqual(LIVE);
  }, 60_000);

  // Issue 23, item 9: RGW refused a MaxAgeSeconds it could not parse with 400 MalformedXML, and the message still said
  // the write "may still have reached the bucket". A 4xx to the one request sent is a refusal: nothing was written.
  test("fails when PutBucketCors is answered 400 MalformedXML: says nothing was written, and leaves the bucket and the state as they were", async () => {
    const { proxy, harness, program, s3 } = env;
    await managed("refused-400", OLD_RULES);
    const state = harness.state();
    const body =
      "<Error><Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not validate against our published schema.</Message></Error>";
    proxy.plan(every(cors("PUT"), { kind: "status", status: 400, headers: { "content-type": "application/xml" }, body }));
    const error = await failure(harness.up(program("refused-400", RULES)));
    const where = 'S3-compatible storage bucket "refused-400"';
    expect(error.message).toBe(
      `up failed: update failed for ${URN}: PutBucketCors on ${where} failed (400 MalformedXML): The XML you provided was not well-formed or did not validate against our published schema.\nNothing was written: ${where} still holds 1 rule ([GET] from https://old.example)`,
    );
    expect(await s3.liveRules("refused-400")).toEqual(OLD_LIVE);
    expect(harness.state()).toEqual(state);
    expect(proxy.lines()).toEqual([getCors("refused-400", "200"), putCors("refused-400", "400 (injected)")]);
  });

  // 503 ServiceUnavailable rather than SlowDown: the same status, retried with the transient back-off.
  test("fails when GetBucketCors keeps answering 503 on refresh, and keeps the resource in the state", async () => {
    const { proxy, harness, s3 } = env;
    await managed("refresh", RULES);
    const state = harness.state();
    proxy.plan(every(cors("GET"), serviceUnavailable()));
    const error = await failure(harness.refresh());
    expect(error.message).toBe(
      `refresh failed: read failed for ${URN}: GetBucketCors on S3-compatible storage bucket "refresh" failed (503 ServiceUnavailable): Service is unable to handle request.`,
    );
    expect(harness.state()).toEqual(state);
    expect(proxy.lines()).toEqual(times(5, getCors("refresh", "503 (injected)")));
    expect(await s3.liveRules("refresh")).toEqual(LIVE);
    proxy.plan();
    expect((await harness.refresh()).steps.map((s) => s.refresh)).toEqual(["same"]);
  }, 60_000);

  test("a connection reset on the first DeleteBucketCors is retried: destroy removes the configuration", async () => {
    const { proxy, harness, s3 } = env;
    await managed("reset-delete", RULES);
    proxy.plan(first(1, cors("DELETE"), reset()));
    expect(ops(await harness.destroy())).toEqual(["delete"]);
    expect(await s3.liveRules("reset-delete")).toBeNull();
    expect(harness.state()).toEqual({ resources: [] });
    expect(proxy.lines()).toEqual([
      getCors("reset-delete", "200"),
      "DELETE /reset-delete/?cors= reset",
      "DELETE /reset-delete/?cors= 200",
      getCors("reset-delete", "404"),
    ]);
  });

  // The only stall here: the SDK's requestTimeout is 60 s, too long to reach in a test, so this checks
  // the other side of it: a slow answer is waited for and the write is not sent twice.
  test("a PutBucketCors answered 1.5 s late is waited for, not sent again", async () => {
    const { proxy, harness, program, s3 } = env;
    proxy.plan(first(1, cors("PUT"), stall(1500)));
    const started = Date.now();
    expect(ops(await harness.up(program("stall-put", RULES)))).toEqual(["create"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await s3.liveRules("stall-put")).toEqual(LIVE);
    expect(proxy.lines()).toEqual([getCors("stall-put", "404"), putCors("stall-put", "200 (stalled)"), getCors("stall-put", "200")]);
  });
});
