import { createOutput } from "../../cli/output/output";
import { targetsFrom } from "../../cli/flags/targets";

/** An Output that writes nowhere (targetsFrom only notes warnings on it). */
const quiet = () =>
  createOutput({ json: true, stdout: { write: () => true } as unknown as NodeJS.WriteStream, stderr: { write: () => true } as unknown as NodeJS.WriteStream });

// Issue 12, item 5: the region ignored AWS_REGION and AWS_DEFAULT_REGION.
describe("the target flags read the region as aws-cli does", () => {
  const saved = { AWS_REGION: process.env["AWS_REGION"], AWS_DEFAULT_REGION: process.env["AWS_DEFAULT_REGION"] };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test.each([
    [{ AWS_REGION: "eu-west-3", AWS_DEFAULT_REGION: "us-west-2" }, {}, "eu-west-3"],
    [{ AWS_DEFAULT_REGION: "us-west-2" }, {}, "us-west-2"],
    [{ AWS_REGION: "eu-west-3" }, { region: "ap-south-1" }, "ap-south-1"],
    [{}, {}, undefined],
  ])("env %j with flags %j gives region %s on aws", (env, flags, region) => {
    delete process.env["AWS_REGION"];
    delete process.env["AWS_DEFAULT_REGION"];
    Object.assign(process.env, env);
    const [target] = targetsFrom({ service: "aws", bucket: "assets", ...flags }, quiet());
    expect(target?.region).toBe(region);
  });

  test("other services do not read the AWS region variables", () => {
    process.env["AWS_REGION"] = "eu-west-3";
    const [target] = targetsFrom({ service: "s3", bucket: "assets", endpoint: "http://127.0.0.1:9000" }, quiet());
    expect(target?.region).toBeUndefined();
  });
});
