import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

// Issue 19, item 5: applying an edited document was refused with a hint naming only
// --on-existing adopt|overwrite, so a CI user reached for overwrite; --expect-current OLD-FILE
// is the safe route (it replaces only what the old version put there) and must come first.

const ENV = { BCORS_KEY: "S3RVER", BCORS_SECRET: "apply-edited-secret" };
const V1 = JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }] });
const V2 = JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }] });

let s3: TestS3;
let dir: string;

const apply = async (args: string[]): Promise<CliRun> => {
  const target = [
    "--service",
    "s3",
    "--bucket",
    "edited",
    "--endpoint",
    s3.endpoint,
    "--access-key-id-env",
    "BCORS_KEY",
    "--secret-access-key-env",
    "BCORS_SECRET",
  ];
  const run = await runCli(["apply", ...args, ...target], { cwd: dir, env: ENV });
  return { code: run.code, stdout: run.stdout, stderr: stderrOf(run) };
};
const id = () => `s3:${s3.endpoint.replace(/^http:\/\//, "")}/edited`;

beforeAll(async () => {
  dir = fixtureDir({ "old.json": V1, "cors.json": V2 });
  s3 = await startS3();
  await s3.createBucket("edited");
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await s3?.stop();
});

test("fails when an edited document meets the version applied before: the refusal names --expect-current OLD-FILE first, then adopt and overwrite", async () => {
  expect((await apply(["old.json"])).code).toBe(0);
  expect(await apply(["cors.json"])).toEqual({
    code: 1,
    stdout: "",
    stderr: `error: ${id()}: S3-compatible storage bucket "edited" already has a CORS configuration: 1 rule ([GET] from https://app.example.com); nothing was changed — if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules; else use --on-existing adopt to accept it when it already matches the document, or --on-existing overwrite to replace whatever it holds\n`,
  });
  expect(await s3.liveRules("edited")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]);
});

test("the route the refusal names works and is idempotent: replaced once, then unchanged", async () => {
  const PUT_LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }];
  expect(await apply(["cors.json", "--expect-current", "old.json"])).toEqual({
    code: 0,
    stderr: "",
    stdout: `${id()}: updated (1 rule ([GET,PUT] from https://app.example.com))\n`,
  });
  expect(await s3.liveRules("edited")).toEqual(PUT_LIVE);
  expect(await apply(["cors.json", "--expect-current", "old.json"])).toEqual({
    code: 0,
    stderr: "",
    stdout: `${id()}: unchanged (1 rule ([GET,PUT] from https://app.example.com))\n`,
  });
  expect(await s3.liveRules("edited")).toEqual(PUT_LIVE);
});
