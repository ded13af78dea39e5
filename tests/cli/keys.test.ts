import { ensureBuilt } from "./build";
import { runCli } from "./run-cli";

const TARGET = ["--service", "s3", "--bucket", "assets", "--endpoint", "http://127.0.0.1:9", "--origin", "https://app.example.com", "--method", "GET"];

// Issue 11, item 13: `verify --key ../../other/x` escaped the bucket.
describe("verify --key stays inside the bucket", () => {
  beforeAll(ensureBuilt, 300_000);

  test.each([
    ["../../other/x", `has a "." or ".." segment, which would leave the bucket — give the key as stored, e.g. uploads/photo.jpg`],
    ["a/./b", `has a "." or ".." segment, which would leave the bucket — give the key as stored, e.g. uploads/photo.jpg`],
    ["/uploads/x", 'starts with "/" — give the key without it, e.g. "uploads/x"'],
    ["a\nb", "has a control character — give the key as stored, e.g. uploads/photo.jpg"],
  ])("%j is a usage error (exit 2) before any request", async (key, why) => {
    const run = await runCli(["verify", ...TARGET, "--key", key]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, "", `error: option '--key <key>' argument '${key}' is invalid. ${why}\n`]);
  });
});
