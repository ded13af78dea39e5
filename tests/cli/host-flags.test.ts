import { ensureBuilt } from "./build";
import { runCli, stderrOf } from "./run-cli";

// Issue 23, item B: --region, --account-id and --project-id went into the endpoint template as typed,
// so `--region "evil.example/x#"` sent the request to evil.example. They are refused as they are read.

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const REGION_TEXT =
  'is not a region; a region is letters, digits and "-", with "." only between parts (e.g. "eu-west-1", "nyc3", "ch-gva-2"), since it becomes part of the endpoint\'s host — give --region the vendor\'s name for it (or --endpoint-url)';
const ACCOUNT_TEXT =
  "is not a Cloudflare account id; an account id is 32 hex digits, and it becomes part of the endpoint's host — give --account-id the Account ID of the Cloudflare dashboard (or --endpoint-url)";
const PROJECT_TEXT =
  'is not a project id; a project id is letters, digits, "-" and "_", with "." only between them (Keystone\'s are 32 hex digits), since it becomes part of the storage URL — give --project-id the project\'s id from the Keystone catalog (or --endpoint-url)';

beforeAll(ensureBuilt, 300_000);

const get = async (flags: readonly string[]) => {
  const run = await runCli(["get", ...flags], { env: { OS_AUTH_TOKEN: "gAAAAA-token-that-must-stay-home" } });
  return { code: run.code, stdout: run.stdout, stderr: stderrOf(run) };
};

describe("the flags that build a host are checked as they are read (exit 2)", () => {
  test.each([
    [
      "fails when --region carries a path and a fragment (vStorage)",
      ["--service", "vstorage", "--bucket", "media", "--region", "evil.example/x#", "--project-id", ACCOUNT],
      `error: --region: "evil.example/x#" ${REGION_TEXT}\n`,
    ],
    [
      "fails when --account-id carries a host (r2)",
      ["--service", "r2", "--bucket", "assets", "--account-id", "evil.example/#"],
      `error: --account-id: "evil.example/#" ${ACCOUNT_TEXT}\n`,
    ],
    [
      "fails when --region ends in a fragment (spaces)",
      ["--service", "spaces", "--bucket", "assets", "--region", "evil.example#"],
      `error: --region: "evil.example#" ${REGION_TEXT}\n`,
    ],
    [
      "fails when both --region and --project-id are wrong, listing both",
      ["--service", "ovh-swift", "--bucket", "media", "--region", "gra@evil", "--project-id", "p/../x"],
      `error: the target flags are not valid\n  error --region: "gra@evil" ${REGION_TEXT}\n  error --project-id: "p/../x" ${PROJECT_TEXT}\n`,
    ],
  ])("%s", async (_name, flags, stderr) => {
    expect(await get(flags)).toEqual({ code: 2, stdout: "", stderr });
  });
});
