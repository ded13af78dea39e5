import { ensureBuilt } from "./build";
import { APP_AWS_JSON, APP_S3_XML, BAD_AWS_JSON, BAD_MESSAGES, fixtureDir } from "./fixtures";
import { jsonOf, runCli, type CliRun } from "./run-cli";

let dir: string;
const cli = (args: string[], input?: string): Promise<CliRun> => runCli(args, { cwd: dir, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  dir = fixtureDir({
    "app.json": APP_AWS_JSON,
    "app.xml": APP_S3_XML,
    "bad.json": BAD_AWS_JSON,
    "canonical.json": JSON.stringify({ rules: [{ allowedOrigins: ["https://a.example"], allowedMethods: ["get"] }] }),
    "swift.txt": "X-Container-Meta-Access-Control-Allow-Origin: https://a.example https://b.example\nX-Container-Meta-Access-Control-Max-Age: 600\n",
    "prose.txt": "allow everything please\n",
    // Backblaze B2's native rules, as `b2 bucket update --cors-rules` takes them: one S3 operation and one native one.
    "b2.json": JSON.stringify([
      {
        corsRuleName: "downloadFromApp",
        allowedOrigins: ["https://app.example.com"],
        allowedOperations: ["s3_get", "b2_download_file_by_name"],
        maxAgeSeconds: 3600,
      },
    ]),
    "risky.json": JSON.stringify({
      rules: [
        { allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"] },
        { allowedOrigins: ["http://a.example"], allowedMethods: ["GET"] },
      ],
    }),
    "ok.json": JSON.stringify({
      CORSRules: [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["content-type"] }],
    }),
  });
  await ensureBuilt();
}, 300_000);

const UNREADABLE = (file: string) => `error: cannot read "${file}" (ENOENT) — check the path\n`;

describe("convert", () => {
  test("aws-json to s3-xml prints the normalized XML document, nothing else", async () => {
    expect(await cli(["convert", "app.json", "--to", "s3-xml"])).toEqual({ code: 0, stdout: APP_S3_XML, stderr: "" });
  });

  test("s3-xml to aws-json and back is the same document", async () => {
    const json = await cli(["convert", "app.xml", "--to", "aws-json"]);
    expect(json.code).toBe(0);
    expect(await cli(["convert", "-", "--to", "s3-xml"], json.stdout)).toEqual({ code: 0, stdout: APP_S3_XML, stderr: "" });
  });

  test.each([
    [
      "rule-array",
      `[{"ID":"app","AllowedHeaders":["content-type","x-amz-*"],"AllowedMethods":["GET","PUT"],"AllowedOrigins":["https://app.example.com"],"ExposeHeaders":["etag"],"MaxAgeSeconds":3600},{"AllowedMethods":["GET"],"AllowedOrigins":["*"]}]`,
    ],
    [
      "cloudflare-api",
      `{"rules":[{"id":"app","allowed":{"origins":["https://app.example.com"],"methods":["GET","PUT"],"headers":["content-type","x-amz-*"]},"exposeHeaders":["etag"],"maxAgeSeconds":3600},{"allowed":{"origins":["*"],"methods":["GET"]}}]}`,
    ],
  ])("aws-json to %s", async (format, compact) => {
    const run = await cli(["convert", "app.json", "--to", format]);
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify(JSON.parse(compact), null, 2)}\n`, stderr: "" });
  });

  test("the canonical model is read as input, methods in any case", async () => {
    const run = await cli(["convert", "canonical.json", "--to", "aws-json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ CORSRules: [{ AllowedMethods: ["GET"], AllowedOrigins: ["https://a.example"] }] });
  });

  test("swift-headers is written as Name: value lines and read back with --from", async () => {
    const swift = await cli(["convert", "swift.txt", "--to", "swift-headers"]);
    expect(swift).toEqual({
      code: 0,
      stdout: "X-Container-Meta-Access-Control-Allow-Origin: https://a.example https://b.example\nX-Container-Meta-Access-Control-Max-Age: 600\n",
      stderr: "",
    });
    const back = await cli(["convert", "-", "--from", "swift-headers", "--to", "aws-json", "--json"], swift.stdout);
    expect(back.code).toBe(0);
    expect(jsonOf(back)).toEqual({
      ok: true,
      from: "swift-headers",
      to: "aws-json",
      warnings: [],
      document: JSON.stringify(
        {
          CORSRules: [
            {
              AllowedHeaders: ["*"],
              AllowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
              AllowedOrigins: ["https://a.example", "https://b.example"],
              MaxAgeSeconds: 600,
            },
          ],
        },
        null,
        2,
      ),
    });
  });

  test("b2-json is read with --from: s3_get becomes GET, the b2_* operation is dropped with its warning on stderr", async () => {
    expect(await cli(["convert", "b2.json", "--from", "b2-json", "--to", "aws-json"])).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ CORSRules: [{ ID: "downloadFromApp", AllowedMethods: ["GET"], AllowedOrigins: ["https://app.example.com"], MaxAgeSeconds: 3600 }] }, null, 2)}\n`,
      stderr:
        'warning: rules[0].allowedMethods: ["b2_download_file_by_name"] are B2 Native API operations; the canonical model holds S3 methods (the s3_* operations) only — dropped, so a policy written from this document no longer allows them; keep them with b2_update_bucket if pages use the native API\n',
    });
  });

  test("aws-json to b2-json writes s3_* operations under Backblaze's field names", async () => {
    const run = await cli(["convert", "app.json", "--to", "b2-json"]);
    const expected = [
      {
        corsRuleName: "app",
        allowedOrigins: ["https://app.example.com"],
        allowedOperations: ["s3_get", "s3_put"],
        allowedHeaders: ["content-type", "x-amz-*"],
        exposeHeaders: ["etag"],
        maxAgeSeconds: 3600,
      },
      { allowedOrigins: ["*"], allowedOperations: ["s3_get"] },
    ];
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify(expected, null, 2)}\n`, stderr: "" });
  });

  test("--json prints one document with the formats, the converted document and the warnings", async () => {
    const run = await cli(["convert", "app.json", "--to", "s3-xml", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify({ ok: true, from: "aws-json", to: "s3-xml", document: APP_S3_XML, warnings: [] }, null, 2)}\n`);
    expect(run.stderr).toBe("");
  });

  test("fails when the target format cannot hold the policy: exit 1 with the codec's issues, nothing on stdout", async () => {
    const run = await cli(["convert", "app.json", "--to", "gcs-json"]);
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "error: the gcs-json format cannot hold this policy",
        `  error rules[0].id: "app" cannot be stored; GCS CORS entries have no id — remove the id, or use a format that keeps ids`,
        `  error rules[0].allowedHeaders: ["content-type","x-amz-*"] cannot be stored; GCS CORS has no allowed request headers (its responseHeader is what S3 calls ExposeHeaders) — remove allowedHeaders, or use another format`,
        "",
      ].join("\n"),
    });
  });

  test("fails when the target format cannot hold the policy, as JSON", async () => {
    const run = await cli(["convert", "app.json", "--to", "swift-headers", "--json"]);
    expect(run.code).toBe(1);
    const doc = jsonOf(run) as { ok: boolean; error: { kind: string; message: string; issues: { code: string; path: string }[] } };
    expect(doc.ok).toBe(false);
    expect(doc.error.kind).toBe("failure");
    expect(doc.error.message).toBe("the swift-headers format cannot hold this policy");
    expect(doc.error.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "rules-not-expressible rules",
      "id-not-expressible rules[0].id",
      "methods-would-widen rules[0].allowedMethods",
      "headers-would-widen rules[0].allowedHeaders",
      "methods-would-widen rules[1].allowedMethods",
      "headers-would-widen rules[1].allowedHeaders",
    ]);
  });

  test("fails when the format is unknown: exit 2, commander's message naming the choices", async () => {
    const run = await cli(["convert", "app.json", "--to", "yaml"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: option '--to <format>' argument 'yaml' is invalid. Allowed choices are s3-xml, aws-json, rule-array, cloudflare-api, gcs-json, swift-headers, b2-json, pulumi.\n`,
    });
    expect((await cli(["convert", "app.json", "--to", "aws-json", "--from", "yaml"])).code).toBe(2);
  });

  test("fails when the format is unknown, as one JSON document", async () => {
    const run = await cli(["convert", "app.json", "--to", "yaml", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    expect(jsonOf(run)).toEqual({
      ok: false,
      error: {
        kind: "usage",
        message:
          "option '--to <format>' argument 'yaml' is invalid. Allowed choices are s3-xml, aws-json, rule-array, cloudflare-api, gcs-json, swift-headers, b2-json, pulumi.",
        issues: [],
      },
    });
  });

  test("fails when --to is missing: exit 2", async () => {
    expect(await cli(["convert", "app.json"])).toEqual({ code: 2, stdout: "", stderr: "error: required option '--to <format>' not specified\n" });
  });

  test("fails when the file cannot be read: exit 2, naming the file", async () => {
    expect(await cli(["convert", "missing.json", "--to", "s3-xml"])).toEqual({ code: 2, stdout: "", stderr: UNREADABLE("missing.json") });
    expect(await cli(["convert", ".", "--to", "s3-xml"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: cannot read "." (EISDIR) — name a file, not a directory\n`,
    });
  });

  test("fails when the file cannot be read, as JSON", async () => {
    const run = await cli(["convert", "missing.json", "--to", "s3-xml", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `${JSON.stringify({ ok: false, error: { kind: "usage", message: `cannot read "missing.json" (ENOENT) — check the path`, issues: [] } }, null, 2)}\n`,
    );
  });

  test("fails when the document is in no known format: exit 1 listing the formats", async () => {
    const run = await cli(["convert", "prose.txt", "--to", "s3-xml"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      "error: prose.txt cannot be read",
      `  error "allow everything please" is text, not a CORS document in a format this package reads — write it in one of these formats:`,
    ]);
  });
});

describe("lint", () => {
  test("a valid policy: exit 0, no problems", async () => {
    expect(await cli(["lint", "ok.json"])).toEqual({ code: 0, stdout: "ok.json (aws-json, profile s3): no problems found\n", stderr: "" });
  });

  test("warnings of a risky policy are printed, and exit 0", async () => {
    const run = await cli(["lint", "risky.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("risky.json (canonical, profile s3): 0 errors, 3 warnings");
    const json = jsonOf(await cli(["lint", "risky.json", "--json"])) as {
      ok: boolean;
      errors: unknown[];
      warnings: { code: string; path: string; severity: string }[];
    };
    expect({ ok: json.ok, errors: json.errors, warnings: json.warnings.map((w) => `${w.severity} ${w.code} ${w.path}`) }).toEqual({
      ok: true,
      errors: [],
      warnings: [
        "warning wildcard-origin-write rules[0].allowedOrigins[0]",
        "warning insecure-origin rules[1].allowedOrigins[0]",
        "warning shadowed-rule rules[1]",
      ],
    });
  });

  test("fails when the policy is invalid: exit 1 with every path-and-fix message", async () => {
    const run = await cli(["lint", "bad.json"]);
    expect(run).toEqual({
      code: 1,
      stdout: ["bad.json (aws-json, profile s3): 2 errors, 0 warnings", ...BAD_MESSAGES.map((m) => `  error ${m}`), ""].join("\n"),
      stderr: "",
    });
  });

  test("--json lists errors and warnings with code, path, message and severity", async () => {
    const run = await cli(["lint", "bad.json", "--json"]);
    expect(run.code).toBe(1);
    expect(jsonOf(run)).toEqual({
      ok: false,
      file: "bad.json",
      format: "aws-json",
      profile: "s3",
      warnings: [],
      errors: [
        { code: "origin-has-path", path: "rules[0].allowedOrigins[0]", message: BAD_MESSAGES[0], severity: "error" },
        { code: "method-unsupported", path: "rules[0].allowedMethods[1]", message: BAD_MESSAGES[1], severity: "error" },
      ],
    });
  });

  test("--service applies the vendor's rules: Swift cannot restrict methods", async () => {
    const run = await cli(["lint", "ok.json", "--service", "swift", "--json"]);
    expect(run.code).toBe(1);
    const doc = jsonOf(run) as { profile: string; errors: { code: string; path: string }[] };
    expect(doc.profile).toBe("swift");
    expect(doc.errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      "methods-would-widen rules[0].allowedMethods",
      "headers-would-widen rules[0].allowedHeaders",
    ]);
  });

  test("--target, the former name of --service, still works: the same document as --service swift", async () => {
    const [byTarget, byService] = await Promise.all([
      cli(["lint", "ok.json", "--target", "swift", "--json"]),
      cli(["lint", "ok.json", "--service", "swift", "--json"]),
    ]);
    expect(byTarget).toEqual(byService);
    expect((jsonOf(byTarget) as { profile: string }).profile).toBe("swift");
  });

  test("fails when --target and --service are both given: exit 2", async () => {
    expect(await cli(["lint", "ok.json", "--target", "swift", "--service", "r2"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: option '--target <profile>' cannot be used with option '--service <name>'\n",
    });
  });

  test("fails when the profile is unknown: exit 2", async () => {
    const run = await cli(["lint", "ok.json", "--service", "gcs"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: option '--service <name>' argument 'gcs' is invalid. Allowed choices are aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift, versitygw.\n`,
    );
  });

  test("fails when the file cannot be read: exit 2", async () => {
    expect(await cli(["lint", "missing.json"])).toEqual({ code: 2, stdout: "", stderr: UNREADABLE("missing.json") });
  });
});

describe("explain", () => {
  test("an allowed preflight: the exact headers, the rule-by-rule explanation, exit 0", async () => {
    const run = await cli([
      "explain",
      "app.json",
      "--origin",
      "https://app.example.com",
      "--method",
      "PUT",
      "--header",
      "Content-Type",
      "--header",
      "x-amz-date",
    ]);
    expect(run).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Preflight OPTIONS from https://app.example.com for PUT with Content-Type, x-amz-date (dialect aws)",
        "ALLOWED by rules[0] (200)",
        "Headers:",
        "  access-control-allow-credentials: true",
        "  access-control-allow-headers: content-type, x-amz-date",
        "  access-control-allow-methods: GET, PUT",
        "  access-control-allow-origin: https://app.example.com",
        "  access-control-expose-headers: etag",
        "  access-control-max-age: 3600",
        "  vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
        "Explanation:",
        `  rules[0]: matches: origin "https://app.example.com" matches "https://app.example.com", method "PUT" is allowed, headers "Content-Type", "x-amz-date" allowed`,
        "  rules[1]: not checked; rules[0] was chosen first",
        "  rules[0] answers the preflight: 200",
        "",
      ].join("\n"),
    });
  });

  test("--json: the request, the answer, the explanation and the diagnoses", async () => {
    const run = await cli(["explain", "app.json", "--origin", "https://x.example", "--method", "get", "--json"]);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toEqual({
      ok: true,
      file: "app.json",
      format: "aws-json",
      dialect: "aws",
      request: { method: "OPTIONS", headers: { Origin: "https://x.example", "Access-Control-Request-Method": "GET" }, resource: "object" },
      allowed: true,
      status: 200,
      matchedRule: 1,
      errorCode: null,
      errorMessage: null,
      headers: {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET",
        vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
      },
      explanation: [
        `rules[0]: origin "https://x.example" matches none of "https://app.example.com"`,
        `rules[1]: matches: origin "https://x.example" matches "*", method "GET" is allowed, no headers requested`,
        "rules[1] answers the preflight: 200",
      ],
      diagnoses: [
        `the answer is Access-Control-Allow-Origin: *: fine for anonymous requests, but a browser refuses it if the page sends credentials (cookies, fetch credentials: "include", withCredentials) — if it does, list "https://x.example" in rules[1].allowedOrigins (before any "*" rule) instead of relying on "*"`,
      ],
    });
  });

  const diagnosesOf = async (args: string[]) => {
    const run = await cli(["explain", "app.json", ...args, "--json"]);
    return { code: run.code, diagnoses: (jsonOf(run) as { diagnoses: string[] }).diagnoses };
  };

  test("fails (exit 1) and diagnoses an origin with a trailing slash", async () => {
    expect(await diagnosesOf(["--origin", "https://app.example.com/", "--method", "PUT"])).toEqual({
      code: 1,
      diagnoses: [
        `"https://app.example.com/" is not what a browser sends: Origin never has a path or trailing slash (and omits default ports), so the browser sends "https://app.example.com" — use --origin https://app.example.com, and write origins that way in the policy`,
        `with the Origin a browser really sends, "https://app.example.com", the preflight is allowed by rules[0]`,
      ],
    });
  });

  test("fails (exit 1) and diagnoses a method no rule allows", async () => {
    expect(await diagnosesOf(["--origin", "https://app.example.com", "--method", "DELETE"])).toEqual({
      code: 1,
      diagnoses: [
        "rules[0] allows the origin but not the method DELETE (it allows GET, PUT) — add DELETE to rules[0].allowedMethods",
        "rules[1] allows the origin but not the method DELETE (it allows GET) — add DELETE to rules[1].allowedMethods",
      ],
    });
  });

  test("fails (exit 1) and says PATCH can never be allowed", async () => {
    expect(await diagnosesOf(["--origin", "https://app.example.com", "--method", "PATCH"])).toEqual({
      code: 1,
      diagnoses: ["PATCH can never be allowed: CORS rules allow only GET, PUT, POST, DELETE, HEAD — send the request as one of those"],
    });
  });

  test("fails (exit 1) and diagnoses a request header not allowed", async () => {
    expect(await diagnosesOf(["--origin", "https://app.example.com", "--method", "PUT", "--header", "content-type,x-custom"])).toEqual({
      code: 1,
      diagnoses: ["rules[0] allows the origin and PUT but not the request header x-custom — add it to rules[0].allowedHeaders"],
    });
  });

  test("fails (exit 1) when the page sends credentials and the answer is *", async () => {
    const run = await cli(["explain", "app.json", "--origin", "https://x.example", "--method", "GET", "--credentials"]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[1]).toBe("DENIED (200; the browser refuses Access-Control-Allow-Origin: * with credentials)");
    expect(run.stdout).toContain(
      `Diagnosis:\n  - the answer is Access-Control-Allow-Origin: *, which a browser refuses for a request with credentials — list "https://x.example" in rules[1].allowedOrigins (before any "*" rule) instead of relying on "*"\n`,
    );
  });

  test("diagnoses a policy origin with a path, and names the near miss", async () => {
    const policy = JSON.stringify({ rules: [{ allowedOrigins: ["https://app.example.com/"], allowedMethods: ["GET"] }] });
    const run = await cli(["explain", "-", "--origin", "https://app.example.com", "--method", "GET", "--json"], policy);
    expect(run.code).toBe(1);
    expect((jsonOf(run) as { diagnoses: string[] }).diagnoses).toEqual([
      `the policy itself is invalid and a server would refuse it: rules[0].allowedOrigins[0]: "https://app.example.com/" has a path; an origin is "*" or scheme://host[:port] — use "https://app.example.com"`,
      `no rule allows the origin "https://app.example.com" — add it to a rule's allowedOrigins`,
      `rules[0].allowedOrigins has "https://app.example.com/": it has a path or trailing slash, so it never matches an Origin header — write "https://app.example.com"`,
    ]);
  });

  test("--dialect reproduces another server: s3rver answers * even for a listed origin", async () => {
    const run = await cli(["explain", "app.json", "--origin", "https://app.example.com", "--method", "GET", "--dialect", "s3rver", "--json"]);
    expect(run.code).toBe(0);
    expect((jsonOf(run) as { headers: Record<string, string> }).headers["access-control-allow-origin"]).toBe("*");
  });

  test("fails when --origin is missing, or the dialect is unknown: exit 2", async () => {
    expect(await cli(["explain", "app.json", "--method", "GET"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: required option '--origin <origin>' not specified\n",
    });
    expect((await cli(["explain", "app.json", "--origin", "https://a.example", "--method", "GET", "--dialect", "gcs"])).code).toBe(2);
  });

  test("fails when the file cannot be read: exit 2", async () => {
    expect(await cli(["explain", "missing.json", "--origin", "https://a.example", "--method", "GET"])).toEqual({
      code: 2,
      stdout: "",
      stderr: UNREADABLE("missing.json"),
    });
  });
});

describe("usage errors", () => {
  test("fails on an unknown command: exit 2 with a suggestion", async () => {
    expect(await cli(["conver", "app.json"])).toEqual({ code: 2, stdout: "", stderr: "error: unknown command 'conver'\n(Did you mean convert?)\n" });
  });

  test("fails on an unknown option: exit 2", async () => {
    // commander suggests the nearest flag by edit distance: --service, since lint names the profile as every command does.
    expect(await cli(["lint", "app.json", "--strict"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: unknown option '--strict'\n(Did you mean --service?)\n",
    });
  });

  test("fails on an unknown option with --json: one JSON document on stdout", async () => {
    const run = await cli(["lint", "app.json", "--strict", "--json"]);
    expect(run).toEqual({
      code: 2,
      stderr: "",
      stdout: `${JSON.stringify({ ok: false, error: { kind: "usage", message: "unknown option '--strict'\n(Did you mean --service?)", issues: [] } }, null, 2)}\n`,
    });
  });
});
