import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { parsePolicy } from "../../provider/api/parse";
import { validatePolicy } from "../../provider/api/policy";
import { ensureBuilt } from "./build";
import { APP_S3_XML, fixtureDir } from "./fixtures";
import { jsonOf, runCli, type CliRun } from "./run-cli";

// Issue 19, item 9: `convert --to pulumi` turns any document convert reads into a CorsPolicy's
// `rules:`, offline, through the same renderer as `get --format pulumi` (cli/documents/pulumi-snippet.ts).

const GOLDEN = join(__dirname, "golden", "pulumi");
const R2_DASHBOARD = readFileSync(join(GOLDEN, "r2-dashboard.json"), "utf8");
const R2_PULUMI = readFileSync(join(GOLDEN, "r2-dashboard.txt"), "utf8");

let dir: string;
const cli = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = fixtureDir({ "r2-dashboard.json": R2_DASHBOARD, "cors.xml": APP_S3_XML });
  await ensureBuilt();
}, 300_000);

test("an R2 dashboard document becomes the exact rules: of tests/cli/golden/pulumi/r2-dashboard.txt", async () => {
  expect(await cli(["convert", "r2-dashboard.json", "--to", "pulumi"])).toEqual({ code: 0, stdout: R2_PULUMI, stderr: "" });
});

test("S3 XML, read from standard input, becomes the same rules: get --format pulumi prints for it", async () => {
  const run = await runCli(["convert", "-", "--to", "pulumi"], { cwd: dir, input: APP_S3_XML });
  expect(run).toEqual({
    code: 0,
    stderr: "",
    stdout: [
      "rules: [",
      '  { id: "app", allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET","PUT"], allowedHeaders: ["content-type","x-amz-*"], exposeHeaders: ["etag"], maxAgeSeconds: 3600 },',
      '  { allowedOrigins: ["*"], allowedMethods: ["GET"] },',
      "],",
      "",
    ].join("\n"),
  });
});

test("the printed rules: are the document's rules: evaluated as code, they validate and equal the parsed document", async () => {
  const { stdout } = await cli(["convert", "r2-dashboard.json", "--to", "pulumi"]);
  // The snippet is an object member: in braces it is an expression, run in a fresh context (it is our own output, not user input).
  const declared = runInNewContext(`({ ${stdout} })`) as { rules: unknown[] };
  expect(validatePolicy({ rules: declared.rules })).toEqual([]);
  expect(declared.rules).toEqual(parsePolicy(R2_DASHBOARD).config?.rules);
});

test("--json: the formats, the rules: text as the document, and the warnings", async () => {
  const run = await cli(["convert", "cors.xml", "--to", "pulumi", "--json"]);
  expect([run.code, jsonOf(run)]).toEqual([
    0,
    { ok: true, from: "s3-xml", to: "pulumi", document: (await cli(["convert", "cors.xml", "--to", "pulumi"])).stdout.replace(/\n$/, ""), warnings: [] },
  ]);
});

test("fails when the document is invalid: exit 1 with the decoder's issues, no rules: printed", async () => {
  const run = await runCli(["convert", "-", "--to", "pulumi", "--from", "rule-array"], { cwd: dir, input: '[{"AllowedOrigins":["https://a.example"]}]' });
  expect(run).toEqual({
    code: 1,
    stdout: "",
    stderr:
      'error: - cannot be read as rule-array\n  error rules[0].allowedMethods: is missing; every rule needs "AllowedMethods" — add "AllowedMethods": ["GET"]\n',
  });
});
