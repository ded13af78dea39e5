import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { S3RVER_KEY, startS3rver } from "../../scripts/demo/s3rver";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { testWithLanguageHost } from "./language-host";

const root = join(__dirname, "..", "..");
const BUCKET = "quickstart-assets";

// Issue 19, items 6 and 10: the repository root is a Pulumi project (Pulumi.yaml runs
// examples/quickstart), so `pulumi preview` there does what the quickstart's README says.
describeWithPulumi("the repository root as a Pulumi project", (cli) => {
  testWithLanguageHost(
    "pulumi preview at the root plans the quickstart's CorsPolicy, and up applies it to the endpoint in the stack config",
    async () => {
      // Its own storage prefix: the demo's tests count theirs (bucket-cors-demo-…) meanwhile.
      const s3 = await startS3rver([BUCKET], "bcors-root-project-s3-");
      const dir = mkdtempSync(join(tmpdir(), "bcors-root-project-"));
      // The stack's settings file is written beside Pulumi.yaml (ignored by git) and removed below.
      const stack = `root-test-${process.pid}`;
      const env = {
        ...process.env,
        PATH: [cli().binDir, process.env["PATH"] ?? ""].join(delimiter),
        PULUMI_HOME: join(dir, "home"),
        PULUMI_BACKEND_URL: `file://${dir}`,
        PULUMI_CONFIG_PASSPHRASE: "root-project-test",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        NO_COLOR: "1",
      };
      const pulumi = (...args: string[]) => {
        const run = spawnSync("pulumi", [...args, "--stack", stack, "--non-interactive"], { cwd: root, env, encoding: "utf8", timeout: 240_000 });
        if (run.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${String(run.status)}):\n${run.stdout}${run.stderr}`);
        return run.stdout.split("\n");
      };
      const ops = bucketOps(s3.endpoint, { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY });
      try {
        spawnSync("pulumi", ["stack", "init", stack, "--non-interactive"], { cwd: root, env, stdio: "ignore" });
        // The commands of examples/quickstart/README.md, "Run it against a local S3 server".
        pulumi("config", "set", "bucket", BUCKET);
        pulumi("config", "set", "endpoint", s3.endpoint);
        pulumi("config", "set", "bucket-cors:accessKeyId", S3RVER_KEY);
        pulumi("config", "set", "--secret", "bucket-cors:secretAccessKey", S3RVER_KEY);
        const preview = pulumi("preview");
        expect(preview).toContain("    + 2 to create");
        expect(preview.filter((line) => line.includes("CorsPolicy"))).toEqual([" +  pulumi-nodejs:dynamic/bucket-cors:CorsPolicy quickstart create "]);
        expect(pulumi("up", "--yes", "--skip-preview")).toContain("    + 2 created");
        expect(await ops.liveRules(BUCKET)).toEqual([
          {
            ID: "app",
            AllowedOrigins: ["https://app.example.com"],
            AllowedMethods: ["GET", "HEAD"],
            AllowedHeaders: ["content-type", "x-amz-*"],
            // Normalized: header names lower-case (README, "A semantic diff").
            ExposeHeaders: ["etag"],
            MaxAgeSeconds: 3600,
          },
          { ID: "public-read", AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
        ]);
        expect(pulumi("destroy", "--yes", "--skip-preview")).toContain("    - 2 deleted");
        expect(await ops.liveRules(BUCKET)).toBeNull();
      } finally {
        ops.client.destroy();
        spawnSync("pulumi", ["stack", "rm", stack, "--yes", "--force", "--non-interactive"], { cwd: root, env, stdio: "ignore" });
        rmSync(join(root, `Pulumi.${stack}.yaml`), { force: true });
        rmSync(dir, { recursive: true, force: true });
        await s3.stop();
      }
    },
    300_000,
  );
});
