import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { repoRoot, tmpRoot } from "../../testkit/host/paths";
import { describeWithPulumi, pulumiCliRequired, type FoundCli } from "../../testkit/engine/pulumi-cli";

/*
 * A Go program over the generated Go SDK (sdk/go), run as an Automation API inline program
 * (tests/engine/go-program/main.go: the Go process serves the program to the engine, so no Go
 * language host is needed), against s3rver through the real pulumi CLI. The plugin is found as a
 * user installs it: `pulumi plugin install` of the archive into a private PULUMI_HOME, with
 * automatic plugin acquisition off. The binary is built by scripts/go-build.sh (.ci/run).
 */

const BUCKET = "go-web";
const ORIGIN = "https://app.example.com";
const repo = repoRoot();
const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { version: string };
const ARCHIVE = path.join(repo, "dist", `pulumi-resource-bucket-cors-v${version}-linux-${process.arch === "x64" ? "amd64" : process.arch}.tar.gz`);

/** What the program prints: the operation's change summary and the stack's outputs. */
interface GoResult {
  readonly changes: Record<string, number>;
  readonly outputs: Record<string, unknown>;
}

/** The built program, or why there is none. */
function goProgram(): { readonly binary: string } | { readonly missing: string } {
  try {
    const args = [path.join(repo, "scripts/go-build.sh"), "--print-path", "--no-build", "go-program"];
    return { binary: execFileSync("bash", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim() };
  } catch (error) {
    return { missing: String((error as { stderr?: unknown }).stderr ?? error).trim() };
  }
}

function suite(binary: string, cli: () => FoundCli): void {
  let s3: EmbeddedS3;
  let env: NodeJS.ProcessEnv;
  let root: string | undefined;
  let work: string;

  function run(op: "up" | "preview" | "destroy", origin = ORIGIN): Promise<GoResult> {
    const args = ["--op", op, "--dir", work, "--endpoint", s3.endpoint, "--bucket", BUCKET, "--origin", origin];
    return new Promise((resolve, reject) => {
      execFile(binary, args, { env, timeout: 240_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`go-program --op ${op} failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as GoResult);
      });
    });
  }

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket(BUCKET);
    fs.mkdirSync(tmpRoot(repo), { recursive: true });
    root = fs.mkdtempSync(path.join(tmpRoot(repo), "go-program-"));
    work = path.join(root, "work");
    fs.mkdirSync(work);
    fs.mkdirSync(path.join(root, "backend"));
    env = {
      ...process.env,
      PATH: `${cli().binDir}${path.delimiter}${process.env["PATH"] ?? ""}`,
      PULUMI_HOME: path.join(root, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(root, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "go-program",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      BUCKET_CORS_SECRET_ACCESS_KEY: S3RVER_KEY,
    };
    delete env["PULUMI_ACCESS_TOKEN"];
    execFileSync(path.join(cli().binDir, "pulumi"), ["plugin", "install", "resource", "bucket-cors", version, "--file", ARCHIVE], { env, stdio: "pipe" });
  }, 300_000);

  afterAll(async () => {
    await s3?.stop();
    if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
  });

  test("up creates the policy the Go program declares: the bucket holds its rules", async () => {
    const up = await run("up");
    expect(up).toEqual({
      changes: { create: 2 },
      outputs: { resourceId: `s3:${s3.endpoint.slice("http://".length)}/${BUCKET}`, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) },
    });
    expect(await s3.liveRules(BUCKET)).toEqual([{ AllowedOrigins: [ORIGIN], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }]);
  });

  test("a preview of the same program shows no change", async () => {
    const preview = await run("preview");
    expect(preview.changes).toEqual({ same: 2 });
  });

  test("fails at preview when the Go program's rule has an invalid origin, naming the property, the value and the fix", async () => {
    await expect(run("preview", "app.example.com")).rejects.toThrow(
      `bucket-cors:index:CorsPolicy resource 'web' has a problem: rules[0].allowedOrigins[0]: "app.example.com" has no scheme; an origin is "*" or scheme://host[:port] — use "https://app.example.com"`,
    );
    expect(await s3.liveRules(BUCKET)).toEqual([{ AllowedOrigins: [ORIGIN], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }]);
  });

  test("destroy removes the rules from the bucket", async () => {
    const destroy = await run("destroy");
    expect(destroy).toEqual({ changes: { delete: 2 }, outputs: {} });
    expect(await s3.liveRules(BUCKET)).toBeNull();
  });
}

const built = goProgram();
const NAME = "A Go Automation API program over the generated Go SDK (sdk/go) against s3rver";
if ("binary" in built) {
  describeWithPulumi(NAME, (cli) => suite(built.binary, cli));
} else if (pulumiCliRequired()) {
  describe(NAME, () => {
    test("fails when the Go program is not built", () => {
      throw new Error(`REQUIRE_PULUMI_CLI is set: ${built.missing}`);
    });
  });
} else {
  describe.skip(`${NAME} [skipped: ${built.missing}]`, () => test("runs", () => undefined));
}
