import * as pulumi from "@pulumi/pulumi";
import { CorsPolicy, targets, rules } from "../../sdk";

interface Registration {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

const registered: Registration[] = [];
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
        return { id: `${args.name}-id`, state: { ...args.inputs, resourceId: "s3:test/assets", fingerprint: "sha256:0000000000000000" } };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

function whenResolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

const web = rules([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }]);

describe("CorsPolicy under pulumi.runtime.setMocks", () => {
  test("registers the dynamic type token with the user's inputs and a serialized provider", async () => {
    const policy = new CorsPolicy("assets", { target: targets.s3({ bucket: "assets", endpoint: "http://127.0.0.1:9" }), rules: web, onExisting: "adopt" });
    await whenResolved(policy.urn);
    const reg = registered.find((r) => r.name === "assets")!;
    expect(reg.type).toBe("pulumi-nodejs:dynamic/bucket-cors:CorsPolicy");
    const { __provider, ...userInputs } = reg.inputs;
    expect(userInputs).toEqual({
      target: { profile: "s3", bucket: "assets", endpoint: "http://127.0.0.1:9" },
      rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }],
      onExisting: "adopt",
    });
    expect(typeof __provider).toBe("string");
    expect((__provider as string).length).toBeGreaterThan(0);
    expect(await whenResolved(policy.resourceId)).toBe("s3:test/assets");
  });

  test("keeps secret inputs secret", async () => {
    const policy = new CorsPolicy("secretive", { target: targets.s3({ bucket: "b", endpoint: "http://127.0.0.1:9" }), rules: pulumi.secret(web) });
    await whenResolved(policy.urn);
    const reg = registered.find((r) => r.name === "secretive")!;
    expect(reg.inputs["rules"]).toEqual({ [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: web });
    expect(await pulumi.isSecret(policy.rules)).toBe(true);
  });
});
