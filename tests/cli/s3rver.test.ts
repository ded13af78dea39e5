import type { CORSRule } from "@aws-sdk/client-s3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt } from "./build";
import { APP_AWS_JSON, APP_RULES, APP_S3_XML, BAD_AWS_JSON, BAD_MESSAGES, fixtureDir } from "./fixtures";
import { jsonOf, runCli, stderrOf, type CliRun } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

/** Credentials go through environment variables the flags name; s3rver accepts any. */
const KEY_ENV = "BCORS_CLI_KEY_ID";
const SECRET_ENV = "BCORS_CLI_SECRET";
const SECRET = "cli-secret-value-5e0b41";
const ENV = { [KEY_ENV]: "S3RVER", [SECRET_ENV]: SECRET };

let s3: TestS3;
let dir: string;
const runs: CliRun[] = [];

const flags = (bucket: string) => [
  "--service",
  "s3",
  "--bucket",
  bucket,
  "--endpoint",
  s3.endpoint,
  "--access-key-id-env",
  KEY_ENV,
  "--secret-access-key-env",
  SECRET_ENV,
];
const id = (bucket: string) => `s3:${s3.host}/${bucket}`;
const cli = async (args: string[], input?: string): Promise<CliRun> => {
  const run = await runCli(args, { cwd: dir, env: ENV, ...(input === undefined ? {} : { input }) });
  runs.push(run);
  return run;
};
/** The run with the AWS SDK's Node-version notice removed from stderr. */
const clean = (run: CliRun) => ({ code: run.code, stdout: run.stdout, stderr: stderrOf(run) });
const targetFile = (name: string, value: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return name;
};
const target = (bucket: string) => ({ profile: "s3", bucket, endpoint: s3.endpoint, credentials: { accessKeyIdEnv: KEY_ENV, secretAccessKeyEnv: SECRET_ENV } });

/** The fixture's rules as S3 stores them (GetBucketCors). */
const APP_LIVE: CORSRule[] = [
  {
    ID: "app",
    AllowedOrigins: ["https://app.example.com"],
    AllowedMethods: ["GET", "PUT"],
    AllowedHeaders: ["content-type", "x-amz-*"],
    ExposeHeaders: ["etag"],
    MaxAgeSeconds: 3600,
  },
  { AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
];
const WILDCARD_WRITE =
  'rules[0].allowedOrigins[0]: "*" lets every site send PUT, DELETE; any page a visitor opens can write to the bucket from the visitor\'s browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD';
const FOREIGN: CORSRule[] = [{ AllowedOrigins: ["https://other.example"], AllowedMethods: ["DELETE"] }];

beforeAll(async () => {
  dir = fixtureDir({ "app.json": APP_AWS_JSON, "app.xml": APP_S3_XML, "bad.json": BAD_AWS_JSON, "broken-target.json": "{ profile: s3" });
  s3 = await startS3();
  for (const bucket of [
    "get",
    "plan",
    "apply",
    "adopt",
    "overwrite",
    "invalid",
    "verify",
    "verify-none",
    "delete",
    "delete-cas",
    "multi-a",
    "multi-b",
    "twice",
    "cas",
    "lint",
    "ids",
  ])
    await s3.createBucket(bucket);
  await ensureBuilt();
}, 300_000);

afterAll(async () => {
  await s3?.stop();
});

describe("get", () => {
  test("fails when the bucket has no CORS configuration: exit 1, said plainly", async () => {
    expect(clean(await cli(["get", ...flags("get")]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: S3-compatible storage bucket "get" (${id("get")}) has no CORS configuration\n`,
    });
    expect(jsonOf(await cli(["get", ...flags("get"), "--json"]))).toEqual({
      ok: false,
      error: { kind: "failure", message: `S3-compatible storage bucket "get" (${id("get")}) has no CORS configuration`, issues: [] },
    });
  });

  test("prints the live configuration as aws-json by default, or in any --format", async () => {
    await s3.putRules("get", APP_LIVE);
    const run = await cli(["get", ...flags("get")]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ CORSRules: APP_LIVE.map(({ ID, ...rest }) => (ID === undefined ? rest : { ID, ...rest })) });
    expect(clean(await cli(["get", ...flags("get"), "--format", "s3-xml"]))).toEqual({ code: 0, stdout: APP_S3_XML, stderr: "" });
  });

  // Issue 12: the live rules as a CorsPolicy's rules:, for adopting a bucket.
  test("--format pulumi prints the live rules as a ready-to-paste camelCase rules: [...]", async () => {
    expect(clean(await cli(["get", ...flags("get"), "--format", "pulumi"]))).toEqual({
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

  // Issue 12, item 4: the AWS SDK's 8-line NodeVersionSupportWarning ran into the output on Node 20.
  test("prints no AWS SDK version notice on stderr, even with the SDK's opt-out unset", async () => {
    const run = await runCli(["get", ...flags("get")], { cwd: dir, env: { ...ENV, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "" } });
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });

  test("--json: target, format, document and the normalized rules", async () => {
    const run = await cli(["get", ...flags("get"), "--format", "s3-xml", "--json"]);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toEqual({ ok: true, target: id("get"), format: "s3-xml", document: APP_S3_XML, rules: APP_RULES, warnings: [] });
  });

  test("reads the target from --target-file", async () => {
    const run = await cli(["get", "--target-file", targetFile("get-target.json", target("get")), "--json"]);
    expect(run.code).toBe(0);
    expect((jsonOf(run) as { rules: unknown }).rules).toEqual(APP_RULES);
  });

  test("fails when the bucket does not exist: exit 1 with the service's error", async () => {
    expect(clean(await cli(["get", ...flags("missing-bucket")]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: GetBucketCors on S3-compatible storage bucket "missing-bucket" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "missing-bucket", the endpoint ${s3.endpoint} and the region "us-east-1"\n`,
    });
  });

  test("fails when the format is unknown: exit 2", async () => {
    expect((await cli(["get", ...flags("get"), "--format", "yaml"])).code).toBe(2);
  });
});

describe("targets", () => {
  test("fails when no target is given: exit 2", async () => {
    expect(clean(await cli(["get"]))).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: no target: give --service and --bucket (e.g. --service r2 --account-id ACCOUNT --bucket assets), or --target-file FILE\n",
    });
  });

  test("fails when checkTarget refuses the target: exit 2 with its issues", async () => {
    expect(clean(await cli(["get", "--service", "r2", "--bucket", "assets"]))).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: the target is not valid\n  error --account-id: is missing; an R2 target needs the Cloudflare account id (or an endpoint) — give --account-id ACCOUNT (or --endpoint-url)\n`,
    });
  });

  test("fails when a target file holds an unknown field, as JSON with the issue's path", async () => {
    const run = await cli(["plan", "app.json", "--target-file", targetFile("extra.json", { ...target("plan"), secretAccessKey: "x" }), "--json"]);
    expect(run.code).toBe(2);
    const doc = jsonOf(run) as { ok: boolean; error: { kind: string; message: string; issues: { code: string; path: string }[] } };
    expect({ ok: doc.ok, kind: doc.error.kind, message: doc.error.message, issues: doc.error.issues.map((i) => `${i.code} ${i.path}`) }).toEqual({
      ok: false,
      kind: "usage",
      message: "the target is not valid",
      issues: ["target-invalid target"],
    });
  });

  test("fails when the target file is unreadable or not JSON: exit 2", async () => {
    expect(clean(await cli(["get", "--target-file", "none.json"]))).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: cannot read target file "none.json" (ENOENT) — check the path\n`,
    });
    const broken = clean(await cli(["get", "--target-file", "broken-target.json"]));
    expect([broken.code, broken.stderr]).toEqual([
      2,
      `error: target file "broken-target.json" is not JSON; its text is not shown, in case it holds a secret — write a Target object such as {"profile": "r2", "accountId": "…", "bucket": "assets"}\n`,
    ]);
  });

  test("fails when --target-file is mixed with target flags: exit 2", async () => {
    expect((await cli(["get", "--target-file", "x.json", "--bucket", "b"])).code).toBe(2);
  });

  test("fails when a named credential variable is unset: exit 2, naming the variable", async () => {
    const run = await runCli(["get", ...flags("get")], { cwd: dir, env: { [KEY_ENV]: "S3RVER", [SECRET_ENV]: "" } });
    expect(clean(run)).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: the target ${id("get")} cannot be used\n  error target.credentials.secretAccessKeyEnv: names "${SECRET_ENV}", which is not set in the environment — export ${SECRET_ENV}, or leave out --secret-access-key-env to use the AWS default chain\n`,
    });
  });

  // Issue 12, item 5: aws-cli habits.
  test("--endpoint-url is --endpoint; --profile VENDOR still works, with a note that names --service", async () => {
    const viaUrl = flags("get").map((f) => (f === "--endpoint" ? "--endpoint-url" : f));
    expect((await cli(["get", ...viaUrl])).code).toBe(0);
    const old = flags("get").map((f) => (f === "--service" ? "--profile" : f));
    const run = clean(await cli(["get", ...old]));
    expect([run.code, run.stderr]).toEqual([
      0,
      "warning: --profile s3 is read as --service s3; --profile now names an AWS credentials profile, as in aws-cli — write --service s3\n",
    ]);
  });

  test("--profile NAME is an AWS credentials profile (the default chain reads it), as in aws-cli", async () => {
    writeFileSync(join(dir, "aws-credentials"), "[cors-test]\naws_access_key_id = S3RVER\naws_secret_access_key = from-profile-file\n");
    const noKeys = ["--service", "s3", "--bucket", "get", "--endpoint", s3.endpoint, "--profile", "cors-test"];
    const run = await runCli(["get", ...noKeys], {
      cwd: dir,
      env: { AWS_SHARED_CREDENTIALS_FILE: join(dir, "aws-credentials"), AWS_CONFIG_FILE: join(dir, "none") },
    });
    expect([run.code, stderrOf(run)]).toEqual([0, ""]);
  });

  // Issue 12, item 6: credential failures said nothing of the flags or of the variables read.
  test("a refused key names the variables it was read from and the flags", async () => {
    const run = clean(await runCli(["get", ...flags("get")], { cwd: dir, env: { [KEY_ENV]: "NOT-S3RVER", [SECRET_ENV]: SECRET } }));
    expect(run.code).toBe(1);
    // The provider's advice (target.credentials, the bucket-cors: config) gives way to the CLI's, in flag words (issue 19, item 6).
    expect(run.stderr.split("\n")).toEqual([
      `error: GetBucketCors on S3-compatible storage bucket "get" failed (403 InvalidAccessKeyId): The AWS Access Key Id you provided does not exist in our records.`,
      `the keys were read from ${KEY_ENV} and ${SECRET_ENV} (--access-key-id-env, --secret-access-key-env; the AWS default chain is used only without them): check that they hold this service's access key id and secret`,
      "",
    ]);
  });

  test("no keys at all: the default chain is named, and the flags that replace it", async () => {
    const noKeys = ["--service", "s3", "--bucket", "get", "--endpoint", s3.endpoint];
    const env = {
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
      AWS_CONFIG_FILE: join(dir, "none"),
      AWS_PROFILE: "",
    };
    const run = clean(await runCli(["get", ...noKeys], { cwd: dir, env }));
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").slice(1)).toEqual([
      "no --access-key-id-env/--secret-access-key-env was given, so the AWS default chain was used (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then --profile NAME or AWS_PROFILE in ~/.aws) — give --access-key-id-env NAME --secret-access-key-env NAME naming the variables that hold this service's keys",
      "",
    ]);
  });

  test("fails when a target needs an endpoint it does not have: exit 2", async () => {
    expect(clean(await cli(["get", "--service", "s3", "--bucket", "b"]))).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: the target s3:us-east-1/b cannot be used\n  error target.endpoint: is missing; S3-compatible storage has no fixed endpoint — set endpoint, e.g. "http://127.0.0.1:7480"\n`,
    });
  });
});

describe("plan and apply", () => {
  test("plan on a bucket without configuration: every rule is added, exit 3", async () => {
    expect(clean(await cli(["plan", "app.json", ...flags("plan")]))).toEqual({
      code: 3,
      stderr: "",
      stdout: [
        `${id("plan")}: no CORS configuration; 2 rules to add`,
        "  + rules[0]: app: [GET,PUT] from https://app.example.com headers content-type,x-amz-* expose etag max-age 3600",
        "  + rules[1]: [GET] from *",
        "",
      ].join("\n"),
    });
  });

  test("apply creates the configuration, then plan finds no drift (exit 0)", async () => {
    const applied = await cli(["apply", "app.json", ...flags("plan"), "--json"]);
    expect(applied.code).toBe(0);
    expect(jsonOf(applied)).toEqual({ ok: true, results: [{ target: id("plan"), ok: true, action: "created", rules: APP_RULES, warnings: [] }] });
    expect(await s3.liveRules("plan")).toEqual(APP_LIVE);
    expect(clean(await cli(["plan", "app.xml", ...flags("plan")]))).toEqual({ code: 0, stdout: `${id("plan")}: no changes\n`, stderr: "" });
  });

  test("plan: reordered and re-cased values on the server are no change", async () => {
    await s3.putRules("plan", [
      {
        ID: "app",
        AllowedOrigins: ["https://app.example.com"],
        AllowedMethods: ["PUT", "GET"],
        AllowedHeaders: ["X-Amz-*", "Content-Type"],
        ExposeHeaders: ["ETag"],
        MaxAgeSeconds: 3600,
      },
      { AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
    ]);
    const run = await cli(["plan", "app.json", ...flags("plan"), "--json"]);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toEqual({
      ok: true,
      inSync: true,
      results: [{ target: id("plan"), ok: true, inSync: true, live: APP_RULES, desired: APP_RULES, changes: [], warnings: [] }],
    });
  });

  test("plan finds an out-of-band edit rule by rule: exit 3", async () => {
    const edited: CORSRule[] = [
      { ...APP_LIVE[0]!, AllowedMethods: ["GET"], MaxAgeSeconds: 60 },
      { AllowedOrigins: ["https://evil.example"], AllowedMethods: ["DELETE"] },
      APP_LIVE[1]!,
    ];
    await s3.putRules("plan", edited);
    const human = clean(await cli(["plan", "app.json", ...flags("plan")]));
    expect(human).toEqual({
      code: 3,
      stderr: "",
      stdout: [
        `${id("plan")}: 2 changes (live → document)`,
        "  ~ rules[0]:",
        `      allowedMethods: ["GET"] → ["GET","PUT"]`,
        "      maxAgeSeconds: 60 → 3600",
        "  - live rules[1]: [DELETE] from https://evil.example",
        "",
      ].join("\n"),
    });
    const run = await cli(["plan", "app.json", ...flags("plan"), "--json"]);
    expect(run.code).toBe(3);
    expect((jsonOf(run) as { inSync: boolean; results: { changes: unknown }[] }).results[0]!.changes).toEqual([
      {
        change: "changed",
        rule: 0,
        liveRule: 0,
        fields: [
          { field: "allowedMethods", live: ["GET"], desired: ["GET", "PUT"] },
          { field: "maxAgeSeconds", live: 60, desired: 3600 },
        ],
      },
      { change: "removed", liveRule: 1, value: { allowedOrigins: ["https://evil.example"], allowedMethods: ["DELETE"] } },
    ]);
  });

  // Issue 12, item 1: applying the same file twice failed with exit 1 the second time.
  test("apply twice: the second run is unchanged (exit 0) and writes nothing", async () => {
    expect((await cli(["apply", "app.json", ...flags("twice")])).code).toBe(0);
    const stored: CORSRule[] = [{ ...APP_LIVE[0]!, AllowedMethods: ["PUT", "GET"] }, APP_LIVE[1]!];
    await s3.putRules("twice", stored); // the same meaning in another spelling: must not be rewritten
    expect(clean(await cli(["apply", "app.xml", ...flags("twice")]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("twice")}: unchanged (2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    });
    expect(await s3.liveRules("twice")).toEqual(stored);
  });

  test("apply --expect-current OLD updates a bucket that still holds OLD, and refuses one that changed since", async () => {
    writeFileSync(join(dir, "old.json"), JSON.stringify({ CORSRules: FOREIGN }));
    expect((await cli(["apply", "old.json", ...flags("cas")])).code).toBe(0);
    expect(clean(await cli(["apply", "app.json", ...flags("cas"), "--expect-current", "old.json"]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("cas")}: updated (2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    });
    expect(await s3.liveRules("cas")).toEqual(APP_LIVE);
    // Run again in CI: already there, so unchanged even though the bucket no longer holds old.json.
    expect((await cli(["apply", "app.json", ...flags("cas"), "--expect-current", "old.json"])).code).toBe(0);
    const drifted: CORSRule[] = [{ AllowedOrigins: ["https://drift.example"], AllowedMethods: ["GET"] }];
    await s3.putRules("cas", drifted);
    expect(clean(await cli(["apply", "old.json", ...flags("cas"), "--expect-current", "app.json"]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${id("cas")}: S3-compatible storage bucket "cas" does not hold what --expect-current says: it has 1 rule ([GET] from https://drift.example), --expect-current is 2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *); nothing was changed — someone changed it since; run bucket-cors plan to see the differences, then apply again with the right --expect-current\n`,
    });
    expect(await s3.liveRules("cas")).toEqual(drifted);
    await s3.deleteRules("cas");
    expect(clean(await cli(["apply", "app.json", ...flags("cas"), "--expect-current", "none"])).stdout).toBe(
      `${id("cas")}: created (2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    );
  });

  // Issue 12, item 2: a policy allowing PUT and DELETE from "*" was applied silently.
  test("plan and apply print the risky-policy warnings preview shows; --suppress and --no-lint silence them", async () => {
    writeFileSync(join(dir, "risky.json"), JSON.stringify([{ ID: "public", AllowedOrigins: ["*"], AllowedMethods: ["PUT", "DELETE"] }]));
    const plan = clean(await cli(["plan", "risky.json", ...flags("lint")]));
    expect(plan.stderr).toBe(`warning: ${WILDCARD_WRITE}\n`);
    const applied = await cli(["apply", "risky.json", ...flags("lint"), "--json"]);
    expect((jsonOf(applied) as { results: { warnings: unknown }[] }).results[0]!.warnings).toEqual([
      { code: "wildcard-origin-write", path: "rules[0].allowedOrigins[0]", severity: "warning", message: WILDCARD_WRITE },
    ]);
    expect(clean(await cli(["plan", "risky.json", ...flags("lint"), "--suppress", "public:wildcard-origin-write"])).stderr).toBe("");
    expect(clean(await cli(["plan", "risky.json", ...flags("lint"), "--no-lint"])).stderr).toBe("");
    expect(clean(await cli(["plan", "risky.json", ...flags("lint"), "--suppress", "public:wildcard-origin-writes"]))).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'error: --suppress public:wildcard-origin-writes: "wildcard-origin-writes" is not a lint warning code; the codes are wildcard-origin-write, insecure-origin, wildcard-headers-credentialed, max-age-above-browser-cap, duplicate-rule, shadowed-rule, etag-not-exposed, credentials-never-served, s3-write-replaces-native-rules — use one of them\n',
    });
  });

  // Issue 12, item 8: rules were paired by position only.
  test("plan pairs rules by ID: an inserted rule is an addition, an edited one a change, a moved one a move", async () => {
    const live: CORSRule[] = [
      { ID: "read", AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
      { ID: "write", AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["PUT"] },
      { ID: "admin", AllowedOrigins: ["https://admin.example.com"], AllowedMethods: ["DELETE"] },
    ];
    await s3.putRules("ids", live);
    writeFileSync(
      join(dir, "ids.json"),
      JSON.stringify([
        { ID: "admin", AllowedOrigins: ["https://admin.example.com"], AllowedMethods: ["DELETE"] },
        { ID: "read", AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
        { ID: "upload", AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["POST"] },
        { ID: "write", AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["PUT", "POST"] },
      ]),
    );
    expect(clean(await cli(["plan", "ids.json", ...flags("ids")]))).toEqual({
      code: 3,
      stderr: "",
      stdout: [
        `${id("ids")}: 3 changes (live → document)`,
        "  ~ rules[1]: moved from live rules[0]",
        "  + rules[2]: upload: [POST] from https://app.example.com",
        "  ~ rules[3] (live rules[1]):",
        '      allowedMethods: ["PUT"] → ["PUT","POST"]',
        "",
      ].join("\n"),
    });
  });

  test("apply --on-existing fail refuses a foreign configuration and changes nothing", async () => {
    await s3.putRules("apply", FOREIGN);
    expect(clean(await cli(["apply", "app.json", ...flags("apply")]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${id("apply")}: S3-compatible storage bucket "apply" already has a CORS configuration: 1 rule ([DELETE] from https://other.example); nothing was changed — if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules; else use --on-existing adopt to accept it when it already matches the document, or --on-existing overwrite to replace whatever it holds\n`,
    });
    expect(await s3.liveRules("apply")).toEqual(FOREIGN);
    const json = await cli(["apply", "app.json", ...flags("apply"), "--on-existing", "fail", "--json"]);
    expect(json.code).toBe(1);
    expect(jsonOf(json)).toEqual({
      ok: false,
      results: [
        {
          target: id("apply"),
          ok: false,
          error: {
            kind: "failure",
            message: `S3-compatible storage bucket "apply" already has a CORS configuration: 1 rule ([DELETE] from https://other.example); nothing was changed — if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules; else use --on-existing adopt to accept it when it already matches the document, or --on-existing overwrite to replace whatever it holds`,
            issues: [],
          },
        },
      ],
    });
    expect(await s3.liveRules("apply")).toEqual(FOREIGN);
  });

  test("apply --on-existing adopt refuses a configuration that differs, and adopts one that matches without writing", async () => {
    await s3.putRules("adopt", FOREIGN);
    const refused = clean(await cli(["apply", "app.json", ...flags("adopt"), "--on-existing", "adopt"]));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: ${id("adopt")}: S3-compatible storage bucket "adopt" has a CORS configuration that differs from the document, so it cannot be adopted: it has 1 rule ([DELETE] from https://other.example), the document has 2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *); nothing was changed — run bucket-cors plan to see the differences; if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules; else use --on-existing overwrite\n`,
    );
    expect(await s3.liveRules("adopt")).toEqual(FOREIGN);
    const stored: CORSRule[] = [{ ...APP_LIVE[0]!, AllowedMethods: ["PUT", "GET"] }, APP_LIVE[1]!];
    await s3.putRules("adopt", stored);
    expect(clean(await cli(["apply", "app.json", ...flags("adopt"), "--on-existing", "adopt"]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("adopt")}: adopted (2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    });
    expect(await s3.liveRules("adopt")).toEqual(stored); // adopted as is: not rewritten
  });

  test("apply --on-existing overwrite replaces a foreign configuration", async () => {
    await s3.putRules("overwrite", FOREIGN);
    expect(clean(await cli(["apply", "app.json", ...flags("overwrite"), "--on-existing", "overwrite"]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("overwrite")}: replaced (2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    });
    expect(await s3.liveRules("overwrite")).toEqual(APP_LIVE);
  });

  test("apply after drift: plan exit 3, apply --on-existing overwrite, plan exit 0", async () => {
    expect((await cli(["plan", "app.json", ...flags("plan")])).code).toBe(3);
    expect((await cli(["apply", "app.json", ...flags("plan"), "--on-existing", "overwrite"])).code).toBe(0);
    expect((await cli(["plan", "app.json", ...flags("plan")])).code).toBe(0);
  });

  test("fails when the policy is invalid: exit 1 with the path-and-fix messages, nothing changed on the server", async () => {
    const before = await s3.liveRules("invalid");
    expect(clean(await cli(["apply", "bad.json", ...flags("invalid"), "--on-existing", "overwrite"]))).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        `error: the policy cannot be applied to ${id("invalid")} (S3-compatible storage); nothing was changed`,
        ...BAD_MESSAGES.map((m) => `  error ${m}`),
        "",
      ].join("\n"),
    });
    expect(before).toBeNull();
    expect(await s3.liveRules("invalid")).toBeNull();
    const plan = clean(await cli(["plan", "bad.json", ...flags("invalid")]));
    expect([plan.code, plan.stderr.split("\n")[0]]).toEqual([1, `error: the policy cannot be applied to ${id("invalid")} (S3-compatible storage)`]);
  });

  test("fails when --on-existing has an unknown value: exit 2", async () => {
    const run = clean(await cli(["apply", "app.json", ...flags("apply"), "--on-existing", "merge"]));
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: option '--on-existing <mode>' argument 'merge' is invalid. Allowed choices are fail, adopt, overwrite.\n`,
    });
  });

  test("several targets from one file: per-target results, drift in any is exit 3", async () => {
    await s3.putRules("multi-a", APP_LIVE);
    const file = targetFile("multi.json", [target("multi-a"), target("multi-b")]);
    const run = await cli(["plan", "app.json", "--target-file", file, "--json"]);
    expect(run.code).toBe(3);
    const doc = jsonOf(run) as { ok: boolean; inSync: boolean; results: { target: string; inSync: boolean; live: unknown }[] };
    expect({ ok: doc.ok, inSync: doc.inSync, results: doc.results.map((r) => [r.target, r.inSync, r.live]) }).toEqual({
      ok: true,
      inSync: false,
      results: [
        [id("multi-a"), true, APP_RULES],
        [id("multi-b"), false, null],
      ],
    });
    const applied = await cli(["apply", "app.json", "--target-file", file, "--on-existing", "adopt", "--json"]);
    expect(applied.code).toBe(0);
    expect((jsonOf(applied) as { results: { action: string }[] }).results.map((r) => r.action)).toEqual(["adopted", "created"]);
    expect((await cli(["plan", "app.json", "--target-file", file])).code).toBe(0);
  });

  test("get and verify take one target: a list in the target file is a usage error", async () => {
    const file = targetFile("two.json", [target("multi-a"), target("multi-b")]);
    expect(clean(await cli(["get", "--target-file", file]))).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: two.json holds 2 targets; this command takes one — put a single Target object in the file\n",
    });
  });
});

describe("verify", () => {
  const preflight = ["--origin", "https://app.example.com", "--method", "PUT", "--header", "content-type"];

  test("an allowed preflight: the answered status and CORS headers, exit 0", async () => {
    await s3.putRules("verify", APP_LIVE);
    const run = await cli(["verify", ...flags("verify"), ...preflight, "--dialect", "s3rver"]);
    expect(clean(run)).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `OPTIONS ${s3.endpoint}/verify/bucket-cors-verify`,
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
        "  rules[1]: not checked; rules[0] was chosen first",
        `  rules[0] answers the preflight with "*": 200`,
        "",
      ].join("\n"),
    });
  });

  test("--json with the profile's dialect (aws): the prediction names where s3rver differs from AWS", async () => {
    const run = await cli(["verify", ...flags("verify"), ...preflight, "--key", "a/b c.txt", "--json"]);
    expect(run.code).toBe(0);
    const doc = jsonOf(run) as Record<string, unknown> & { prediction: { dialect: string; agrees: boolean; differences: unknown } };
    expect({ ...doc, prediction: { dialect: doc.prediction.dialect, agrees: doc.prediction.agrees, differences: doc.prediction.differences } }).toEqual({
      ok: true,
      target: id("verify"),
      url: `${s3.endpoint}/verify/a/b%20c.txt`,
      request: {
        method: "OPTIONS",
        headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type" },
        resource: "object",
      },
      allowed: true,
      status: 200,
      headers: {
        "access-control-allow-headers": "content-type",
        "access-control-allow-methods": "GET, PUT",
        "access-control-allow-origin": "*",
        vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
      },
      errorCode: null,
      errorMessage: null,
      prediction: {
        dialect: "aws",
        agrees: false,
        differences: [
          { header: "access-control-allow-credentials", live: null, predicted: "true" },
          { header: "access-control-allow-origin", live: "*", predicted: "https://app.example.com" },
          { header: "access-control-expose-headers", live: null, predicted: "etag" },
          { header: "access-control-max-age", live: null, predicted: "3600" },
        ],
      },
      predictionError: null,
    });
  });

  test("fails when the preflight is denied: exit 1 with the server's error", async () => {
    const run = await cli(["verify", ...flags("verify"), "--origin", "https://evil.example", "--method", "PUT", "--json"]);
    expect(run.code).toBe(1);
    const doc = jsonOf(run) as { allowed: boolean; status: number; headers: unknown; errorCode: string; prediction: { allowed: boolean; agrees: boolean } };
    expect([doc.allowed, doc.status, doc.headers, doc.errorCode, doc.prediction.allowed, doc.prediction.agrees]).toEqual([
      false,
      403,
      {},
      "CORSResponse",
      false,
      true,
    ]);
  });

  // Issue 12, item 7: a denial could not be asserted.
  test("--expect denied: exit 0 when the live answer denies the origin, 1 when it allows it", async () => {
    expect((await cli(["verify", ...flags("verify"), "--origin", "https://evil.example", "--method", "PUT", "--expect", "denied"])).code).toBe(0);
    expect((await cli(["verify", ...flags("verify"), ...preflight, "--expect", "denied"])).code).toBe(1);
  });

  test("fails when the bucket has no configuration: exit 1", async () => {
    const run = clean(await cli(["verify", ...flags("verify-none"), ...preflight]));
    expect(run).toEqual({
      code: 1,
      stderr:
        "error: expected allowed, but the preflight was denied (403 CORSResponse): the bucket does not let https://app.example.com send PUT with content-type — see the prediction for why, and apply rules that allow it, or give --expect denied if it should be kept out\n",
      stdout: [
        `OPTIONS ${s3.endpoint}/verify-none/bucket-cors-verify`,
        "  Origin: https://app.example.com",
        "  Access-Control-Request-Method: PUT",
        "  Access-Control-Request-Headers: content-type",
        "DENIED (403 CORSResponse: CORS is not enabled for this bucket.)",
        "Headers: none",
        "Prediction from the live configuration (dialect aws): denied (403), as answered",
        "  the bucket has no CORS configuration",
        "",
      ].join("\n"),
    });
  });

  test("fails when the bucket does not exist: the prediction is made for a missing bucket", async () => {
    const run = await cli(["verify", ...flags("no-such-bucket"), ...preflight, "--json"]);
    expect(run.code).toBe(1);
    const doc = jsonOf(run) as { status: number; predictionError: unknown; prediction: { status: number; explanation: string[] } };
    expect([doc.status, doc.predictionError, doc.prediction.status, doc.prediction.explanation]).toEqual([
      403,
      null,
      403,
      ["the bucket does not exist: S3 answers 403, not 404, to a preflight"],
    ]);
  });

  test("fails when --method is missing: exit 2", async () => {
    expect((await cli(["verify", ...flags("verify"), "--origin", "https://a.example"])).code).toBe(2);
  });
});

describe("delete", () => {
  test("removes the configuration, then a second delete is success with nothing to remove", async () => {
    await s3.putRules("delete", FOREIGN);
    expect(clean(await cli(["delete", ...flags("delete")]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("delete")}: deleted (was 1 rule ([DELETE] from https://other.example))\n`,
    });
    expect(await s3.liveRules("delete")).toBeNull();
    const again = await cli(["delete", ...flags("delete"), "--json"]);
    expect(again.code).toBe(0);
    expect(jsonOf(again)).toEqual({ ok: true, results: [{ target: id("delete"), ok: true, action: "no-configuration", removed: null }] });
  });

  // Issue 23, item 2: a delete must never take another writer's rules; --expect-current names the ones you applied.
  test("delete --expect-current removes only the rules it names; another writer's are left in place (exit 1)", async () => {
    await s3.putRules("delete-cas", FOREIGN);
    expect(clean(await cli(["delete", ...flags("delete-cas"), "--expect-current", "app.json"]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${id("delete-cas")}: S3-compatible storage bucket "delete-cas" does not hold what --expect-current says: it has 1 rule ([DELETE] from https://other.example), --expect-current is 2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *); nothing was removed — someone else's rules are there now; leave them, or delete without --expect-current to remove whatever the bucket holds\n`,
    });
    expect(await s3.liveRules("delete-cas")).toEqual(FOREIGN);
    expect((await cli(["apply", "app.json", ...flags("delete-cas"), "--on-existing", "overwrite"])).code).toBe(0);
    expect(clean(await cli(["delete", ...flags("delete-cas"), "--expect-current", "app.json"]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("delete-cas")}: deleted (was 2 rules ([GET,PUT] from https://app.example.com headers content-type,x-amz-* max-age 3600; [GET] from *))\n`,
    });
    expect(await s3.liveRules("delete-cas")).toBeNull();
  });

  // Issue 12, item 9: a typo'd bucket exited 0.
  test("a bucket that does not exist fails (exit 1), unless --missing-ok", async () => {
    expect(clean(await cli(["delete", ...flags("no-such-bucket")]))).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${id("no-such-bucket")}: GetBucketCors on S3-compatible storage bucket "no-such-bucket" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "no-such-bucket", the endpoint ${s3.endpoint} and the region "us-east-1"; use --missing-ok when a missing bucket is fine\n`,
    });
    expect(clean(await cli(["delete", ...flags("no-such-bucket"), "--missing-ok"]))).toEqual({
      code: 0,
      stderr: "",
      stdout: `${id("no-such-bucket")}: the bucket does not exist; nothing to remove\n`,
    });
  });
});

test("a secret's value that reaches a message is masked", async () => {
  const run = await runCli(["get", ...flags(SECRET)], { cwd: dir, env: ENV });
  expect(run.code).toBe(1);
  expect(stderrOf(run)).toBe(
    `error: GetBucketCors on S3-compatible storage bucket "***" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "***", the endpoint ${s3.endpoint} and the region "us-east-1"\n`,
  );
});

test("no output of any run holds the secret's value", () => {
  expect(runs.length).toBeGreaterThan(30);
  for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
});
