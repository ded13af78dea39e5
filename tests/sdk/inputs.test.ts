import type { LintCode } from "../../provider/evaluate/lint/messages";
import * as pulumi from "@pulumi/pulumi";
import { CorsPolicy, CorsPolicySet, rules, targets, type TargetArgs } from "../../sdk";
import { CorsPolicy as PluginCorsPolicy } from "../../sdk/plugin";

interface Registration {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

const registered: Registration[] = [];
const BUCKET_TYPE = "aws:s3/bucketV2:BucketV2";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
        // The bucket's name is its id, chosen by the "cloud" (as auto-naming does): only an Output in the program.
        if (args.type === BUCKET_TYPE) return { id: `${args.name}-8d3f21`, state: {} };
        return { id: `${args.name}-id`, state: { ...args.inputs, resourceId: "aws:x", fingerprint: "sha256:0000000000000000" } };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

/** Stands in for aws.s3.BucketV2: a bucket created in the same program. */
class Bucket extends pulumi.CustomResource {
  constructor(name: string) {
    super(BUCKET_TYPE, name, {});
  }
}

function whenResolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** The target a CorsPolicy was registered with, once the program's outputs have resolved. */
async function registeredTarget(policy: CorsPolicy): Promise<unknown> {
  await whenResolved(policy.urn);
  const name = await whenResolved(policy.urn.apply((urn) => urn.split("::").pop()!));
  return registered.find((r) => r.name === name)!.inputs["target"];
}

/** Every field (and every credentials field) as an Output or a promise: what a program gets from other resources. */
function asInputs<T extends object>(args: T): T {
  return Object.fromEntries(
    Object.entries(args).map(([key, value], i) => [
      key,
      typeof value === "object" ? asInputs(value as object) : i % 2 === 0 ? pulumi.output(value) : Promise.resolve(value),
    ]),
  ) as T;
}

const web = rules([{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }]);
const credentials = { accessKeyIdEnv: "KEY_ID", secretAccessKeyEnv: "SECRET", sessionTokenEnv: "TOKEN" };

/** Every preset with every field it takes, and the target it builds from plain values. */
const PRESETS: [string, (inputs: boolean) => TargetArgs, Record<string, unknown>][] = [
  [
    "aws",
    (i) => targets.aws(wrap(i, { bucket: "b", region: "eu-west-1", endpoint: "https://e", credentials })),
    { profile: "aws", bucket: "b", region: "eu-west-1", endpoint: "https://e", credentials },
  ],
  [
    "r2",
    (i) => targets.r2(wrap(i, { bucket: "b", accountId: "0123456789abcdef0123456789abcdef", jurisdiction: "eu" as const, credentials })),
    { profile: "r2", bucket: "b", accountId: "0123456789abcdef0123456789abcdef", jurisdiction: "eu", credentials },
  ],
  ["spaces", (i) => targets.spaces(wrap(i, { bucket: "b", region: "nyc3" })), { profile: "spaces", bucket: "b", region: "nyc3" }],
  ["ovh", (i) => targets.ovh(wrap(i, { bucket: "b", region: "gra" })), { profile: "ovh", bucket: "b", region: "gra" }],
  ["exoscale", (i) => targets.exoscale(wrap(i, { bucket: "b", zone: "de-fra-1" })), { profile: "exoscale", bucket: "b", region: "de-fra-1" }],
  [
    "ceph",
    (i) => targets.ceph(wrap(i, { bucket: "b", endpoint: "http://rgw:7480", region: "default" })),
    { profile: "ceph", bucket: "b", endpoint: "http://rgw:7480", region: "default" },
  ],
  ["b2", (i) => targets.b2(wrap(i, { bucket: "b", region: "us-west-004" })), { profile: "b2", bucket: "b", region: "us-west-004" }],
  ["wasabi", (i) => targets.wasabi(wrap(i, { bucket: "b", region: "us-east-1" })), { profile: "wasabi", bucket: "b", region: "us-east-1" }],
  [
    "s3",
    (i) => targets.s3(wrap(i, { bucket: "b", endpoint: "http://s3:9000", region: "r", forcePathStyle: false })),
    { profile: "s3", bucket: "b", endpoint: "http://s3:9000", region: "r", forcePathStyle: false },
  ],
  [
    "swift",
    (i) => targets.swift(wrap(i, { container: "c", endpoint: "https://swift/v1/AUTH_p" })),
    { profile: "swift", bucket: "c", endpoint: "https://swift/v1/AUTH_p" },
  ],
  [
    "vstorage",
    (i) => targets.vstorage(wrap(i, { container: "c", region: "hcm03", projectId: "p" })),
    { profile: "vstorage", bucket: "c", region: "hcm03", projectId: "p" },
  ],
  [
    "ovhSwift",
    (i) => targets.ovhSwift(wrap(i, { container: "c", region: "gra", projectId: "p" })),
    { profile: "ovh-swift", bucket: "c", region: "gra", projectId: "p" },
  ],
];

function wrap<T extends object>(inputs: boolean, args: T): T {
  return inputs ? asInputs(args) : args;
}

describe("targets.* with pulumi.Input fields", () => {
  test("a bucket created in the same program: the resource receives its resolved name", async () => {
    const bucket = new Bucket("site");
    const policy = new CorsPolicy("site-cors", { target: targets.aws({ bucket: bucket.id, region: "eu-west-1" }), rules: web });
    expect(await registeredTarget(policy)).toEqual({ profile: "aws", bucket: "site-8d3f21", region: "eu-west-1" });
  });

  test.each(PRESETS)("%s: plain values give a plain target", (_name, preset, expected) => {
    expect(preset(false)).toEqual(expected);
  });

  test.each(PRESETS)("%s: every field as an Output or a promise resolves to the same target", async (name, preset, expected) => {
    const policy = new CorsPolicy(`inputs-${name}`, { target: preset(true), rules: web });
    expect(await registeredTarget(policy)).toEqual(expected);
  });

  test("the profile stays plain and the Output stays inside the target, unresolved", () => {
    const bucket = pulumi.output("assets");
    const target = targets.r2({ accountId: "0123456789abcdef0123456789abcdef", bucket });
    expect(target.profile).toBe("r2");
    expect(target.bucket).toBe(bucket);
  });

  test("CorsPolicyArgs fields as Outputs reach the resource resolved", async () => {
    const policy = new CorsPolicy("args-inputs", {
      target: targets.s3({ bucket: "b", endpoint: "http://s3:9000" }),
      rules: pulumi.output(web),
      onExisting: pulumi.output("adopt" as const),
      propagationTimeoutSeconds: Promise.resolve(12),
      swift: { allowWidening: pulumi.output(true) },
      expect: [pulumi.output({ origin: "https://app.example.com", method: "GET", allowed: true })],
      verify: pulumi.output("none" as const),
      lint: pulumi.output(false as const),
    });
    await whenResolved(policy.urn);
    const { __provider: _provider, ...inputs } = registered.find((r) => r.name === "args-inputs")!.inputs;
    expect(inputs).toEqual({
      target: { profile: "s3", bucket: "b", endpoint: "http://s3:9000" },
      rules: web,
      onExisting: "adopt",
      propagationTimeoutSeconds: 12,
      swift: { allowWidening: true },
      expect: [{ origin: "https://app.example.com", method: "GET", allowed: true }],
      verify: "none",
      lint: false,
    });
  });
});

describe("CorsPolicySet with Output buckets", () => {
  test("names a child by position when its bucket is an Output, by bucket otherwise", async () => {
    const bucket = new Bucket("media");
    const set = new CorsPolicySet("web", {
      targets: [
        targets.aws({ bucket: "assets", region: "eu-west-1" }),
        targets.aws({ bucket: bucket.id, region: "eu-west-1" }),
        targets.r2({ accountId: "0123456789abcdef0123456789abcdef", bucket: bucket.id }),
      ],
      rules: web,
    });
    expect(await Promise.all(set.policies.map((p) => whenResolved(p.urn.apply((urn) => urn.split("::").pop()!))))).toEqual([
      "web-aws-assets",
      "web-aws-1",
      "web-r2-2",
    ]);
    expect(await registeredTarget(set.policies[2]!)).toEqual({ profile: "r2", accountId: "0123456789abcdef0123456789abcdef", bucket: "media-8d3f21" });
  });
});

describe("preview warnings with a target whose bucket is unknown", () => {
  const risky = [{ id: "public", allowedOrigins: ["*"], allowedMethods: ["PUT"], maxAgeSeconds: 90000 }];
  const WILDCARD_WRITE =
    'rules[0].allowedOrigins[0]: "*" lets every site send PUT; any page a visitor opens can write to the bucket from the visitor\'s browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD';
  const MAX_AGE =
    "rules[0].maxAgeSeconds: 90000 is more than any browser honours; Chrome caches a preflight for at most 7200 s (2 h) and Firefox for at most 86400 s (24 h) — use 7200";

  /** The warnings a CorsPolicy logs, given its args. */
  async function warningsOf(name: string, lint: Parameters<typeof lintArgs>[0]): Promise<unknown[]> {
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
      const unknownBucket = pulumi.output(pulumi.unknown) as pulumi.Output<string>;
      new CorsPolicy(name, { target: targets.r2({ accountId: "0123456789abcdef0123456789abcdef", bucket: unknownBucket }), rules: risky, ...lintArgs(lint) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return warn.mock.calls.map(([message]) => message);
    } finally {
      warn.mockRestore();
    }
  }

  function lintArgs(lint: "default" | pulumi.Input<false> | { suppress: pulumi.Input<Record<string, LintCode[]>> }) {
    return lint === "default" ? {} : { lint };
  }

  test("are logged from the rules and the plain profile without waiting for the bucket", async () => {
    expect(await warningsOf("warned", "default")).toEqual([WILDCARD_WRITE, MAX_AGE]);
  });

  test("are silenced per rule ID by a suppress list given as an Output", async () => {
    expect(await warningsOf("suppressed", { suppress: pulumi.output({ public: ["wildcard-origin-write" as const] }) })).toEqual([MAX_AGE]);
  });

  test("are all off with lint: false given as an Output", async () => {
    expect(await warningsOf("quiet", pulumi.output(false as const))).toEqual([]);
  });
});

/** The plugin's class (`pulumi-bucket-cors/plugin`) registers what the dynamic one does, over the same list (sdk/policy-inputs.ts). */
describe("the plugin's CorsPolicy", () => {
  const target = { profile: "s3" as const, bucket: "plugin-b", endpoint: "http://s3:9000" };
  const args = { target, rules: web, expect: [{ origin: "https://app.example.com", method: "GET", allowed: true }], verify: "preflight" as const };

  /** The inputs registered under `name`, once registered. */
  async function inputsOf(resource: pulumi.CustomResource, name: string): Promise<Record<string, unknown>> {
    await whenResolved(resource.urn);
    return registered.find((r) => r.name === name)!.inputs;
  }

  test("registers the plugin's type with the dynamic class's inputs, less its serialized provider", async () => {
    const viaPlugin = await inputsOf(new PluginCorsPolicy("via-plugin", args), "via-plugin");
    const dynamic = await inputsOf(new CorsPolicy("via-dynamic", args), "via-dynamic");
    expect(registered.find((r) => r.name === "via-plugin")!.type).toBe("bucket-cors:index:CorsPolicy");
    const dynamicOnly = Object.keys(dynamic).filter((key) => !(key in viaPlugin));
    // The bucket claim resolves to undefined when no other policy claims the bucket, so it is not sent.
    expect(dynamicOnly).toEqual(["__provider"]);
    expect(viaPlugin).toEqual(Object.fromEntries(Object.entries(dynamic).filter(([key]) => !dynamicOnly.includes(key))));
  });

  test("refuses a lone surrogate in the program, as the dynamic class does, before anything is registered", () => {
    const bad = { target, rules: [{ allowedOrigins: ["https://a\uD800.example"], allowedMethods: ["GET" as const] }] };
    expect(() => new PluginCorsPolicy("surrogate", bad)).toThrow(
      'CorsPolicy "surrogate": rules[0].allowedOrigins[0]: "https://a\\ud800.example" holds a lone surrogate (\\uD800), half of a UTF-16 pair, which Pulumi cannot send as written (its encoder drops or garbles it, so the bucket would get another value) — remove it, or write the whole character',
    );
    expect(registered.some((r) => r.name === "surrogate")).toBe(false);
  });
});
