import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * What the provider host loads before its first check: the `pulumi-bucket-cors/provider` entry
 * without the AWS SDK, which only create, read, update and delete of an S3 target need
 * (backends/for-target.ts; issue 21, item 5). In a fresh Node process, as the host is.
 */
describe("the provider entry", () => {
  test("loads no AWS SDK module until a backend is asked for, then loads the S3 one", () => {
    const script = `
      const sdk = () => Object.keys(require.cache).filter((f) => f.includes("@aws-sdk/client-s3")).length > 0;
      require("./provider/index.ts");
      const before = sdk();
      require("./provider/backends/for-target.ts").backendFor({ profile: "aws", bucket: "assets", region: "eu-west-1" });
      process.stdout.write(JSON.stringify({ before, after: sdk() }));`;
    const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ before: false, after: true });
  }, 120_000);
});
