import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";
import { startFaultProxy, type FaultProxy } from "../faults/fault-proxy";
import { cors, every, first, stall } from "../faults/faults";

/*
 * Issue 23, item 5 on the command line: apply and delete spend one overall deadline per bucket
 * (--deadline) across every call, as the resource does with timeouts.totalSeconds. s3rver
 * behind the fault proxy, which holds requests; each held call stays under its own 60 s deadline.
 */

const ENV = { BCORS_DEADLINE_KEY: "S3RVER", BCORS_DEADLINE_SECRET: "deadline-secret-8c1f" };
const POLICY = JSON.stringify([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]);
const LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }];

let s3: TestS3;
let proxy: FaultProxy;
let dir: string;

beforeAll(async () => {
  dir = fixtureDir({ "policy.json": POLICY });
  s3 = await startS3();
  for (const bucket of ["apply-cut", "apply-base", "delete-cut"]) await s3.createBucket(bucket);
  proxy = await startFaultProxy(s3.endpoint);
  await ensureBuilt();
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});

afterEach(() => {
  proxy.plan();
  proxy.clearLog();
});

const flags = (bucket: string) => [
  "--service",
  "s3",
  "--bucket",
  bucket,
  "--endpoint",
  proxy.url,
  "--access-key-id-env",
  "BCORS_DEADLINE_KEY",
  "--secret-access-key-env",
  "BCORS_DEADLINE_SECRET",
];
const cli = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir, env: ENV });
/** Durations depend on the machine; the calls, their order and what was cut do not. */
const timed = (text: string) => text.replace(/ \d+(\.\d+)? s\b(?! \(--deadline)/g, " N s");
const id = (bucket: string) => `s3:${proxy.url.replace("http://", "")}/${bucket}`;

describe("bucket-cors apply and delete: --deadline bounds all the calls for one bucket", () => {
  test("baseline: without --deadline, two held calls under their own deadline add up and apply succeeds", async () => {
    proxy.plan(first(1, cors("GET"), stall(1_200)), first(1, cors("PUT"), stall(1_200)));
    const started = Date.now();
    const run = await cli(["apply", "policy.json", ...flags("apply-base"), "--timeout", "2"]);
    expect({ code: run.code, stderr: stderrOf(run) }).toEqual({ code: 0, stderr: "" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
    expect(await s3.liveRules("apply-base")).toEqual(LIVE);
  });

  test("fails when the calls' sum passes --deadline: the write is cut, and the output says what the bucket may hold", async () => {
    proxy.plan(first(1, cors("GET"), stall(1_200)), first(1, cors("PUT"), stall(1_200)));
    const run = await cli(["apply", "policy.json", ...flags("apply-cut"), "--deadline", "2"]);
    expect(run.code).toBe(1);
    expect(timed(stderrOf(run))).toBe(
      `error: ${id("apply-cut")}: bucket-cors apply hit its overall deadline of 2 s (--deadline; raise it if the service is this slow) after 2 calls: read N s, write N s (cut off) — PutBucketCors on S3-compatible storage "apply-cut" had no complete answer when it ran out\n` +
        'The write may still have reached the bucket: S3-compatible storage bucket "apply-cut" holds either 1 rule ([GET] from https://app.example.com) or no CORS configuration — run the same bucket-cors command again: rules that already mean the same are taken over without a write\n',
    );
  });

  test("fails when delete's read is cut: nothing was written, and the bucket keeps its rules", async () => {
    await s3.putRules("delete-cut", LIVE);
    proxy.plan(every(cors("GET"), stall(2_500)));
    const run = await cli(["delete", ...flags("delete-cut"), "--deadline", "1"]);
    expect(run.code).toBe(1);
    expect(timed(stderrOf(run))).toBe(
      `error: ${id("delete-cut")}: bucket-cors delete hit its overall deadline of 1 s (--deadline; raise it if the service is this slow) after 1 call: read N s (cut off) — GetBucketCors on S3-compatible storage "delete-cut" had no complete answer when it ran out; nothing was written, so the bucket holds what it held before\n`,
    );
    expect(await s3.liveRules("delete-cut")).toEqual(LIVE);
  });

  test("fails when --deadline is not a whole number of seconds of at least 1, naming the flag", async () => {
    const run = await cli(["delete", ...flags("delete-cut"), "--deadline", "0"]);
    expect(run.code).toBe(2);
    expect(stderrOf(run)).toBe("error: option '--deadline <seconds>' argument '0' is invalid. expected a whole number of seconds of at least 1, e.g. 300\n");
  });
});
