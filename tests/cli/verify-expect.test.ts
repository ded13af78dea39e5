import type { CORSRule } from "@aws-sdk/client-s3";
import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { jsonOf, runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

// Issue 19, item 4: a verify whose verdict was not what --expect said exited 1 with the same
// output as a passing run, an empty stderr, and "ok": true under --json.

const ENV = { BCORS_KEY: "S3RVER", BCORS_SECRET: "verify-expect-secret" };
const RULES: CORSRule[] = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }];

let s3: TestS3;
let dir: string;

const flags = () => [
  "--service",
  "s3",
  "--bucket",
  "expect",
  "--endpoint",
  s3.endpoint,
  "--access-key-id-env",
  "BCORS_KEY",
  "--secret-access-key-env",
  "BCORS_SECRET",
];
const verify = async (args: string[]): Promise<CliRun> => {
  const run = await runCli(["verify", ...flags(), "--dialect", "s3rver", ...args], { cwd: dir, env: ENV });
  return { code: run.code, stdout: run.stdout, stderr: stderrOf(run) };
};
const ALLOWED = ["--origin", "https://app.example.com", "--method", "PUT", "--header", "content-type"];
const DENIED = ["--origin", "https://evil.example", "--method", "PUT"];

beforeAll(async () => {
  dir = fixtureDir({});
  s3 = await startS3();
  await s3.createBucket("expect");
  await s3.putRules("expect", RULES);
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await s3?.stop();
});

test("fails when --expect denied meets an allowed preflight: the answer on stdout, the unmet expectation on stderr, exit 1", async () => {
  const run = await verify([...ALLOWED, "--expect", "denied"]);
  expect(run).toEqual({
    code: 1,
    stdout: [
      `OPTIONS ${s3.endpoint}/expect/bucket-cors-verify`,
      "  Origin: https://app.example.com",
      "  Access-Control-Request-Method: PUT",
      "  Access-Control-Request-Headers: content-type",
      "ALLOWED (200)",
      "Headers:",
      "  access-control-allow-headers: content-type",
      "  access-control-allow-methods: GET, PUT",
      "  access-control-allow-origin: *",
      "  vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
      "Prediction from the live configuration (dialect s3rver): allowed by rules[0] (200), as answered",
      `  rules[0]: matches: origin "https://app.example.com" matches "https://app.example.com", method "PUT" is allowed`,
      `  rules[0]: header "content-type" allowed`,
      `  rules[0] answers the preflight with "*": 200`,
      "",
    ].join("\n"),
    stderr:
      "error: expected denied, but the preflight was allowed (200): the bucket lets https://app.example.com send PUT with content-type — remove that origin or method from the rule that allows it (the prediction names it), or give --expect allowed if it should be let in\n",
  });
});

test('fails when --expect denied meets an allowed preflight, under --json: "ok": false with the same message', async () => {
  const run = await verify([...ALLOWED, "--expect", "denied", "--json"]);
  const doc = jsonOf(run) as { ok: boolean; error: unknown; allowed: boolean };
  expect([run.code, run.stderr, doc.ok, doc.error, doc.allowed]).toEqual([
    1,
    "",
    false,
    {
      kind: "failure",
      message:
        "expected denied, but the preflight was allowed (200): the bucket lets https://app.example.com send PUT with content-type — remove that origin or method from the rule that allows it (the prediction names it), or give --expect allowed if it should be let in",
      issues: [],
    },
    true,
  ]);
});

test("fails when the default --expect allowed meets a denied preflight: the same kind of message, exit 1", async () => {
  const run = await verify(DENIED);
  expect([run.code, run.stdout.split("\n")[3], run.stderr]).toEqual([
    1,
    "DENIED (403 CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.)",
    "error: expected allowed, but the preflight was denied (403 CORSResponse): the bucket does not let https://evil.example send PUT — see the prediction for why, and apply rules that allow it, or give --expect denied if it should be kept out\n",
  ]);
  const json = await verify([...DENIED, "--json"]);
  expect([json.code, (jsonOf(json) as { ok: boolean }).ok]).toEqual([1, false]);
});

test('a met expectation either way: exit 0, nothing on stderr, "ok": true and no error under --json', async () => {
  const allowed = await verify(ALLOWED);
  expect([allowed.code, allowed.stderr]).toEqual([0, ""]);
  const denied = await verify([...DENIED, "--expect", "denied"]);
  expect([denied.code, denied.stderr]).toEqual([0, ""]);
  const json = jsonOf(await verify([...DENIED, "--expect", "denied", "--json"])) as Record<string, unknown>;
  expect([json["ok"], "error" in json]).toEqual([true, false]);
});
