import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { runCli } from "./run-cli";

/*
 * Issue 12, item 6: CLI messages suggested SDK syntax (`targets.r2({ accountId … })`, `swift: {
 * allowWidening: true }`) instead of the flags. Every run here fails before any request is sent.
 */
let dir: string;

beforeAll(async () => {
  dir = fixtureDir({ "cors.json": JSON.stringify({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT"] }] }) });
  await ensureBuilt();
}, 300_000);

const plan = (...flags: string[]) => runCli(["plan", "cors.json", ...flags], { cwd: dir });

describe("messages about flags name the flags", () => {
  test("a Ceph version that names no release, and one on another service, name --ceph-version (exit 2)", async () => {
    expect(await plan("--service", "ceph", "--bucket", "b", "--endpoint-url", "http://127.0.0.1:9", "--ceph-version", "bogus")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'error: the target is not valid\n  error --ceph-version: "bogus" is not a Ceph release; give a release name (luminous, mimic, nautilus, octopus, pacific, quincy, reef, squid, tentacle, umbrella) or a version number such as "18.2.4" — it picks how RGW chooses the CORS rule (by origin alone before ceph/ceph#69190), so leave out --ceph-version for a current release\n',
    });
    expect(await plan("--service", "aws", "--bucket", "b", "--region", "us-east-1", "--ceph-version", "16.2")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'error: the target is not valid\n  error --ceph-version: is only for Ceph RGW targets; the "aws" profile has one behaviour — remove --ceph-version\n',
    });
  });

  test("a policy Swift can only hold wider names apply's --allow-widening (exit 1)", async () => {
    const run = await plan("--service", "vstorage", "--bucket", "b");
    expect([run.code, run.stderr.split("\n")[1]]).toEqual([
      1,
      '  error rules[0].allowedMethods: ["GET","PUT"] would widen to every method: VNG Cloud vStorage cannot restrict methods, so POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, or give apply --allow-widening to accept the wider policy',
    ]);
  });

  test("lint names apply's --allow-widening too, not the resource's property (exit 1)", async () => {
    const run = await runCli(["lint", "cors.json", "--service", "swift", "--json"], { cwd: dir });
    const doc = JSON.parse(run.stdout) as { errors: { message: string }[] };
    expect([run.code, doc.errors[0]?.message]).toEqual([
      1,
      'rules[0].allowedMethods: ["GET","PUT"] would widen to every method: OpenStack Swift cannot restrict methods, so POST, DELETE, HEAD would be allowed too — list all of GET, PUT, POST, DELETE, HEAD, or give apply --allow-widening to accept the wider policy',
    ]);
  });
});
