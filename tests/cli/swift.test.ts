import { ensureBuilt } from "./build";
import { startFakeSwift, type FakeSwift } from "./fake-swift";
import { fixtureDir } from "./fixtures";
import { jsonOf, runCli, type CliRun } from "./run-cli";

/** The CLI against a loopback stand-in for a Swift account: the Swift paths of get, plan, apply, verify and delete. */
const TOKEN = "swift-token-value-81c3";
let swift: FakeSwift;
let dir: string;
const runs: CliRun[] = [];

const flags = () => ["--service", "swift", "--bucket", "media", "--endpoint", swift.storageUrl];
const cli = async (args: string[]) => {
  const run = await runCli(args, { cwd: dir, env: { OS_AUTH_TOKEN: TOKEN } });
  runs.push(run);
  return run;
};
const SWIFT_POLICY = "X-Container-Meta-Access-Control-Allow-Origin: https://app.example.com https://b.example\nX-Container-Meta-Access-Control-Max-Age: 600\n";

beforeAll(async () => {
  dir = fixtureDir({
    "swift.txt": SWIFT_POLICY,
    "narrow.json": JSON.stringify({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }] }),
  });
  swift = await startFakeSwift(["media"], TOKEN);
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await swift?.stop();
});

test("apply writes the container metadata with the token, and plan then finds no drift", async () => {
  const run = await cli(["apply", "swift.txt", ...flags(), "--json"]);
  expect(run.code).toBe(0);
  expect((jsonOf(run) as { results: { action: string }[] }).results.map((r) => r.action)).toEqual(["created"]);
  expect(swift.meta("media")).toEqual({
    "x-container-meta-access-control-allow-origin": "https://app.example.com https://b.example",
    "x-container-meta-access-control-max-age": "600",
  });
  expect((await cli(["plan", "swift.txt", ...flags()])).code).toBe(0);
});

test("get prints the metadata in any format", async () => {
  expect(await cli(["get", ...flags(), "--format", "swift-headers"])).toEqual({ code: 0, stdout: SWIFT_POLICY, stderr: "" });
});

test("fails when the policy restricts methods Swift cannot restrict: exit 1, nothing written", async () => {
  const posts = swift.requests.filter((r) => r.method === "POST").length;
  const run = await cli(["apply", "narrow.json", ...flags(), "--on-existing", "overwrite"]);
  expect(run.code).toBe(1);
  expect(run.stderr.split("\n")[0]).toBe(
    `error: the policy cannot be applied to swift:${swift.storageUrl.replace("http://", "")}/media (OpenStack Swift); nothing was changed`,
  );
  expect(swift.requests.filter((r) => r.method === "POST").length).toBe(posts);
});

test("verify preflights <storage-url>/<container>/<key> without the token", async () => {
  const run = await cli(["verify", ...flags(), "--origin", "https://b.example", "--method", "PUT", "--key", "img/a.png"]);
  expect(run.code).toBe(0);
  const options = swift.requests.filter((r) => r.method === "OPTIONS");
  expect(options.map((r) => [r.path, r.headers["origin"], r.headers["access-control-request-method"], r.headers["x-auth-token"]])).toEqual([
    ["/v1/AUTH_test/media/img/a.png", "https://b.example", "PUT", undefined],
  ]);
  expect(run.stdout.split("\n").slice(0, 7)).toEqual([
    `OPTIONS ${swift.storageUrl}/media/img/a.png`,
    "  Origin: https://b.example",
    "  Access-Control-Request-Method: PUT",
    "ALLOWED (200)",
    "Headers:",
    "  access-control-allow-headers: ",
    "  access-control-allow-methods: HEAD, GET, PUT, POST, COPY, OPTIONS, DELETE",
  ]);
});

test("delete removes the metadata; get then says there is none", async () => {
  expect((await cli(["delete", ...flags()])).code).toBe(0);
  expect(swift.meta("media")).toEqual({});
  expect(await cli(["get", ...flags()])).toEqual({
    code: 1,
    stdout: "",
    stderr: `error: OpenStack Swift container "media" (swift:${swift.storageUrl.replace("http://", "")}/media) has no CORS configuration\n`,
  });
});

test("the token never appears in any output", () => {
  expect(runs.length).toBeGreaterThan(5);
  for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
});
