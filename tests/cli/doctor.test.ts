import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";
import { describeWithRgw, describeWithSwift, describeWithVersitygw, type RgwInfo, type VersitygwInfo } from "../servers/real-servers";
import { ensureBuilt } from "./build";
import { jsonOf, runCli, stderrOf } from "./run-cli";
import { startS3, type TestS3 } from "./s3rver";

/** Issue 22, item 3: `bucket-cors doctor` probes each real server read-only and says what it supports. */

const RULES = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }];

/** Request ids differ on every answer: each is checked against its server's shape, then shown as <id>. */
function masked(json: unknown, ids: Record<string, RegExp>): unknown {
  const doc = json as { server: { headers: Record<string, string> } };
  for (const [name, shape] of Object.entries(ids)) {
    const value = doc.server.headers[name];
    expect(value).toMatch(shape);
    doc.server.headers[name] = "<id>";
  }
  return doc;
}

const doctor = async (args: string[], env: Record<string, string> = {}) => {
  const run = await runCli(["doctor", ...args, "--json"], { env });
  return { code: run.code, stderr: stderrOf(run), json: jsonOf(run) };
};

beforeAll(() => ensureBuilt(), 300_000);

describe("on s3rver", () => {
  let s3: TestS3;
  const flags = (bucket: string) => [
    "--service",
    "s3",
    "--endpoint",
    s3.endpoint,
    "--bucket",
    bucket,
    "--access-key-id-env",
    "BCT_DOCTOR_KEY",
    "--secret-access-key-env",
    "BCT_DOCTOR_KEY",
  ];
  process.env["BCT_DOCTOR_KEY"] = "S3RVER";

  beforeAll(async () => {
    s3 = await startS3();
    await s3.createBucket("rules");
    await s3.createBucket("bare");
    await s3.putRules("rules", RULES);
  });
  afterAll(() => s3?.stop());

  test("reads the rules and prints both preflights as answered and as the rules predict (s3rver answers * to a listed origin)", async () => {
    const run = await runCli(["doctor", ...flags("rules")]);
    const url = `${s3.endpoint}/rules/bucket-cors-verify`;
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      0,
      [
        `S3-compatible storage bucket "rules" (s3:${s3.host}/rules)`,
        "reads CORS: yes (1 rule)",
        `preflight GET from https://app.example.com (an origin the rules allow) to ${url}`,
        "ALLOWED (200)",
        "Headers:",
        "  access-control-allow-methods: GET, PUT",
        "  access-control-allow-origin: *",
        "  vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
        "  the rules predict allowed",
        `preflight GET from https://doctor.invalid (an origin no rule lists) to ${url}`,
        "DENIED (403 CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.)",
        "Headers: none",
        "  the rules predict denied",
        "answers preflights per bucket rules: yes",
        "server: not recognized",
        "",
      ].join("\n"),
      "",
    ]);
  });

  test("with no configuration: one preflight from an unlisted origin, denied as predicted, and no CORS without configuration", async () => {
    expect(await doctor(flags("bare"))).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: `s3:${s3.host}/bare`,
        read: { kind: "none", rules: null, reason: null },
        preflights: [
          {
            origin: "https://doctor.invalid",
            method: "GET",
            purpose: "unlisted",
            url: `${s3.endpoint}/bare/bucket-cors-verify`,
            status: 403,
            allowed: false,
            headers: {},
            predicted: false,
          },
        ],
        followsRules: true,
        corsWithoutConfiguration: false,
        server: { headers: {}, looksLike: null },
      },
    });
    expect(await s3.liveRules("bare")).toBeNull();
  });

  test("fails when the bucket does not exist: exit 1", async () => {
    const run = await runCli(["doctor", ...flags("missing")]);
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      1,
      "",
      `error: GetBucketCors on S3-compatible storage bucket "missing" failed (404 NoSuchBucket): The specified bucket does not exist — check the bucket name "missing", the endpoint ${s3.endpoint} and the region "us-east-1"\n`,
    ]);
  });

  test("fails when no target is given: exit 2", async () => {
    const run = await runCli(["doctor"]);
    expect([run.code, run.stdout, stderrOf(run)]).toEqual([
      2,
      "",
      "error: no target: give --service and --bucket (e.g. --service r2 --account-id ACCOUNT --bucket assets), or --target-file FILE\n",
    ]);
  });
});

/** The target flags for `bucket` on a real S3 server global-setup started, its keys named by the variables it set. */
const s3Flags =
  (service: string, server: () => RgwInfo | VersitygwInfo) =>
  (bucket: string): string[] => [
    "--service",
    service,
    "--endpoint",
    server().endpoint,
    "--bucket",
    bucket,
    "--access-key-id-env",
    server().credentialEnv.accessKeyIdEnv,
    "--secret-access-key-env",
    server().credentialEnv.secretAccessKeyEnv,
  ];

/** A preflight in doctor's JSON, as the RGW and Swift tests expect it. */
const listed = (url: string, headers: Record<string, string>) => ({
  origin: "https://app.example.com",
  method: "GET",
  purpose: "listed",
  url,
  status: 200,
  allowed: true,
  headers,
  predicted: true,
});
const unlisted = (url: string, status: number) => ({
  origin: "https://doctor.invalid",
  method: "GET",
  purpose: "unlisted",
  url,
  status,
  allowed: false,
  headers: {},
  predicted: false,
});

describeWithRgw("on real Ceph RGW", (rgw) => {
  let ops: BucketOps;
  const info = () => rgw();
  const flags = s3Flags("ceph", info);
  const id = (bucket: string) => `ceph:${info().endpoint.replace("http://", "")}/${bucket}`;
  const url = (bucket: string) => `${info().endpoint}/${bucket}/bucket-cors-verify`;
  const RGW_ID = /^tx[0-9a-f]{21}-[0-9a-f]{10}-[0-9a-f]+-default$/;

  beforeAll(async () => {
    ops = bucketOps(info().endpoint, info(), info().region);
    await ops.createBucket("bcors-doctor-rules");
    await ops.createBucket("bcors-doctor-bare");
    await ops.putRules("bcors-doctor-rules", RULES);
    await ops.deleteRules("bcors-doctor-bare");
  });
  afterAll(async () => {
    await ops?.deleteRules("bcors-doctor-rules");
    ops?.client.destroy();
  });

  test("reads the rules; the listed origin is allowed and the unlisted denied, as the ceph dialect predicts; recognized by its request id", async () => {
    const run = await doctor(flags("bcors-doctor-rules"));
    expect({ ...run, json: masked(run.json, { "x-amz-request-id": RGW_ID }) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("bcors-doctor-rules"),
        read: { kind: "rules", rules: 1, reason: null },
        preflights: [
          listed(url("bcors-doctor-rules"), {
            "access-control-allow-methods": "GET",
            "access-control-allow-origin": "https://app.example.com",
            vary: "Origin",
          }),
          unlisted(url("bcors-doctor-rules"), 403),
        ],
        followsRules: true,
        corsWithoutConfiguration: null,
        server: { headers: { "x-amz-request-id": "<id>" }, looksLike: "Ceph RGW" },
      },
    });
    expect(await ops.liveRules("bcors-doctor-rules")).toEqual(RULES);
  });

  test("with no configuration RGW 16.2 answers no CORS headers", async () => {
    const run = await doctor(flags("bcors-doctor-bare"));
    expect({ ...run, json: masked(run.json, { "x-amz-request-id": RGW_ID }) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("bcors-doctor-bare"),
        read: { kind: "none", rules: null, reason: null },
        preflights: [unlisted(url("bcors-doctor-bare"), 403)],
        followsRules: true,
        corsWithoutConfiguration: false,
        server: { headers: { "x-amz-request-id": "<id>" }, looksLike: "Ceph RGW" },
      },
    });
    expect(await ops.liveRules("bcors-doctor-bare")).toBeNull();
  });
});

describeWithSwift("on real OpenStack Swift", (swift) => {
  let ops: SwiftOps;
  const flags = (container: string) => ["--service", "swift", "--endpoint", swift().storageUrl, "--bucket", container];
  const env = () => ({ ST_AUTH: swift().authUrl, ST_USER: swift().user, ST_KEY: swift().key });
  const id = (container: string) => `swift:${swift().storageUrl.replace("http://", "")}/${container}`;
  const url = (container: string) => `${swift().storageUrl}/${container}/bucket-cors-verify`;
  const SWIFT_ID = /^tx[0-9a-f]{21}-[0-9a-f]{10}$/;
  const ids = { "x-trans-id": SWIFT_ID, "x-openstack-request-id": SWIFT_ID };
  /** Swift lists its allowed methods from a set, in no fixed order (swift/proxy/controllers/base.py, OPTIONS): sorted here. */
  const sortedMethods = (json: unknown) => {
    for (const p of (json as { preflights: { headers: Record<string, string> }[] }).preflights) {
      const methods = p.headers["access-control-allow-methods"];
      if (methods !== undefined) p.headers["access-control-allow-methods"] = methods.split(", ").sort().join(", ");
    }
    return json;
  };

  beforeAll(async () => {
    ops = await swiftOps(swift().authUrl, swift().user, swift().key);
    await ops.createContainer("doctor-rules");
    await ops.createContainer("doctor-bare");
    await ops.post("doctor-rules", { "X-Container-Meta-Access-Control-Allow-Origin": "https://app.example.com" });
  });

  test("reads the container metadata (HEAD); the listed origin is allowed for every method, the unlisted answered 401", async () => {
    const run = await doctor(flags("doctor-rules"), env());
    expect({ ...run, json: sortedMethods(masked(run.json, ids)) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("doctor-rules"),
        read: { kind: "rules", rules: 1, reason: null },
        preflights: [
          listed(url("doctor-rules"), {
            "access-control-allow-methods": "COPY, DELETE, GET, HEAD, OPTIONS, POST, PUT",
            "access-control-allow-origin": "https://app.example.com",
            vary: "Origin",
          }),
          unlisted(url("doctor-rules"), 401),
        ],
        followsRules: true,
        corsWithoutConfiguration: null,
        server: { headers: { "x-trans-id": "<id>", "x-openstack-request-id": "<id>" }, looksLike: "OpenStack Swift" },
      },
    });
    expect(await ops.corsMeta("doctor-rules")).toEqual({ "x-container-meta-access-control-allow-origin": "https://app.example.com" });
  });

  test("with no CORS metadata: denied, and no CORS without configuration", async () => {
    const run = await doctor(flags("doctor-bare"), env());
    expect({ ...run, json: masked(run.json, ids) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("doctor-bare"),
        read: { kind: "none", rules: null, reason: null },
        preflights: [unlisted(url("doctor-bare"), 401)],
        followsRules: true,
        corsWithoutConfiguration: false,
        server: { headers: { "x-trans-id": "<id>", "x-openstack-request-id": "<id>" }, looksLike: "OpenStack Swift" },
      },
    });
    expect(await ops.corsMeta("doctor-bare")).toEqual({});
  });
});

describeWithVersitygw("on real versitygw", (versitygw) => {
  let ops: BucketOps;
  const flags = s3Flags("versitygw", versitygw);
  const id = (bucket: string) => `versitygw:${versitygw().endpoint.replace("http://", "")}/${bucket}`;
  const url = (bucket: string) => `${versitygw().endpoint}/${bucket}/bucket-cors-verify`;
  // 16 upper-case letters and digits, and a base64 id; an allowed preflight carries each of them twice
  // (the CORS answer sets them again), which Node joins with ", " (versitygw 1.8.0, seen here).
  const ID = "[0-9A-Z]{16}";
  const ID2 = "[A-Za-z0-9+/]+={0,2}";
  const once = { "x-amz-request-id": new RegExp(`^${ID}$`), "x-amz-id-2": new RegExp(`^${ID2}$`) };
  const twice = { "x-amz-request-id": new RegExp(`^(${ID}), \\1$`), "x-amz-id-2": new RegExp(`^(${ID2}), \\1$`) };
  const server = { headers: { server: "VERSITYGW", "x-amz-request-id": "<id>", "x-amz-id-2": "<id>" }, looksLike: "versitygw" };

  beforeAll(async () => {
    ops = bucketOps(versitygw().endpoint, versitygw(), versitygw().region);
    await ops.createBucket("bcors-doctor-rules");
    await ops.createBucket("bcors-doctor-bare");
    await ops.putRules("bcors-doctor-rules", RULES);
  });
  afterAll(async () => {
    await ops?.deleteRules("bcors-doctor-rules");
    ops?.client.destroy();
  });

  test("reads the rules; the listed origin is echoed with credentials and ETag exposed, the unlisted denied, as the versitygw dialect predicts; recognized by its Server header", async () => {
    const run = await doctor(flags("bcors-doctor-rules"));
    expect({ ...run, json: masked(run.json, twice) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("bcors-doctor-rules"),
        read: { kind: "rules", rules: 1, reason: null },
        preflights: [
          listed(url("bcors-doctor-rules"), {
            "access-control-allow-credentials": "true",
            "access-control-allow-methods": "GET, PUT",
            "access-control-allow-origin": "https://app.example.com",
            "access-control-expose-headers": "ETag",
            vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
          }),
          unlisted(url("bcors-doctor-rules"), 403),
        ],
        followsRules: true,
        corsWithoutConfiguration: null,
        server,
      },
    });
    expect(await ops.liveRules("bcors-doctor-rules")).toEqual(RULES);
  });

  test("with no configuration: denied (403 AccessForbidden), and no CORS without configuration", async () => {
    const run = await doctor(flags("bcors-doctor-bare"));
    expect({ ...run, json: masked(run.json, once) }).toEqual({
      code: 0,
      stderr: "",
      json: {
        ok: true,
        target: id("bcors-doctor-bare"),
        read: { kind: "none", rules: null, reason: null },
        preflights: [unlisted(url("bcors-doctor-bare"), 403)],
        followsRules: true,
        corsWithoutConfiguration: false,
        server,
      },
    });
    expect(await ops.liveRules("bcors-doctor-bare")).toBeNull();
  });
});
