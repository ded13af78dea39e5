import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { runCli, type CliRun } from "./run-cli";

// Issue 19, item 9: an unknown vendor got no suggestion, and a target file's got the SDK's
// targets.aws(...). The CLI names the nearest profile as the flag or field the user writes.

const CHOICES = "Allowed choices are aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw";
const ALLOWED = "allowed are aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw";

let dir: string;
const cli = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = fixtureDir({
    "cors.json": JSON.stringify([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]),
    "do.json": JSON.stringify({ profile: "digitalocean", bucket: "assets", region: "nyc3" }),
  });
  await ensureBuilt();
}, 300_000);

test("fails when --service names a vendor by its company: exit 2, commander's words and --service with the profile", async () => {
  expect(await cli(["get", "--service", "digitalocean", "--bucket", "assets"])).toEqual({
    code: 2,
    stdout: "",
    stderr: `error: option '--service <name>' argument 'digitalocean' is invalid. ${CHOICES} — use --service spaces for DigitalOcean Spaces.\n`,
  });
});

test.each([
  ["--service", "--service <name>"],
  ["--target", "--target <profile>"],
])("fails when lint %s has a typo: the suggestion is that flag", async (flag, shown) => {
  expect(await cli(["lint", "cors.json", flag, "cloudfare"])).toEqual({
    code: 2,
    stdout: "",
    stderr: `error: option '${shown}' argument 'cloudfare' is invalid. ${CHOICES} — use ${flag} r2 for Cloudflare R2.\n`,
  });
});

test("fails when a name is near no profile: the choices alone, as before", async () => {
  expect(await cli(["get", "--service", "azure", "--bucket", "assets"])).toEqual({
    code: 2,
    stdout: "",
    stderr: `error: option '--service <name>' argument 'azure' is invalid. ${CHOICES}.\n`,
  });
});

test('fails when a target file names an unknown profile: the fix is the file\'s "profile" field, not an SDK preset', async () => {
  expect(await cli(["get", "--target-file", "do.json"])).toEqual({
    code: 2,
    stdout: "",
    stderr: `error: the target is not valid\n  error target.profile: "digitalocean" is not a known profile; ${ALLOWED} — use "profile": "spaces" for DigitalOcean Spaces\n`,
  });
});

test("fails when --profile (an AWS credentials profile) holds a vendor's name and --service is missing: --service is named", async () => {
  expect(await cli(["get", "--profile", "digitalocean", "--bucket", "assets"])).toEqual({
    code: 2,
    stdout: "",
    stderr:
      "error: no target: give --service and --bucket (e.g. --service r2 --account-id ACCOUNT --bucket assets), or --target-file FILE; --profile digitalocean names an AWS credentials profile, not the service — use --service spaces for DigitalOcean Spaces\n",
  });
});
