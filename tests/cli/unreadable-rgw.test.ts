import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithRgw } from "../servers/real-servers";
import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { runCli, stderrOf } from "./run-cli";

/**
 * One wording for a configuration this package cannot decode, on every command that meets one
 * (issue 21, item 1b): real Ceph RGW stores a rule without methods (issue 11, item 3), which no
 * rule of this package can be.
 */
const BUCKET = "bcors-cli-unreadable";
const RAW = '{"CORSRules":[{"AllowedOrigins":["https://broken.example"]}]}';

describeWithRgw("get, plan and apply on a configuration this package cannot read (real Ceph RGW)", (rgw) => {
  let ops: BucketOps;
  let dir: string;
  let flags: string[];
  let where: string;
  let id: string;

  beforeAll(async () => {
    const info = rgw();
    ops = bucketOps(info.endpoint, info, info.region);
    await ops.createBucket(BUCKET);
    await ops.putRules(BUCKET, [{ AllowedOrigins: ["https://broken.example"], AllowedMethods: [] }]);
    dir = fixtureDir({ "app.json": JSON.stringify({ rules: [{ allowedOrigins: ["https://app.example"], allowedMethods: ["GET"] }] }) });
    const keys = info.credentialEnv;
    flags = [
      "--service",
      "ceph",
      "--bucket",
      BUCKET,
      "--endpoint",
      info.endpoint,
      "--access-key-id-env",
      keys.accessKeyIdEnv,
      "--secret-access-key-env",
      keys.secretAccessKeyEnv,
    ];
    where = `Ceph RGW bucket "${BUCKET}"`;
    id = `ceph:${info.endpoint.replace("http://", "")}/${BUCKET}`;
    await ensureBuilt();
  }, 300_000);

  afterAll(async () => {
    await ops?.deleteRules(BUCKET);
    ops?.client.destroy();
  });

  const run = async (args: string[]) => {
    const r = await runCli(args, { cwd: dir });
    return { code: r.code, stdout: r.stdout, stderr: stderrOf(r).split("\n")[0] };
  };

  test("fails on get: the raw text, and delete or apply --on-existing overwrite as the fix", async () => {
    expect(await run(["get", ...flags])).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${where} (${id}) has a CORS configuration this package cannot read: ${RAW} — bucket-cors delete removes it; bucket-cors apply --on-existing overwrite replaces it`,
    });
  });

  // plan and apply take many targets, so each failure is prefixed with its target's id.
  test("fails on plan and apply, and nothing is changed", async () => {
    const plan = await run(["plan", "app.json", ...flags]);
    const apply = await run(["apply", "app.json", ...flags]);
    expect([plan, apply]).toEqual([
      {
        code: 1,
        stdout: "",
        stderr: `error: ${id}: ${where} has a CORS configuration this package cannot read: ${RAW} — bucket-cors apply --on-existing overwrite replaces it with the document`,
      },
      {
        code: 1,
        stdout: "",
        stderr: `error: ${id}: ${where} has a CORS configuration this package cannot read: ${RAW}; nothing was changed — use --on-existing overwrite to replace it with the document`,
      },
    ]);
    expect(await ops.liveRules(BUCKET)).toEqual([{ AllowedOrigins: ["https://broken.example"] }]);
  });
});
