import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { s3Backend } from "../../provider/backends/s3/backend";
import { setProviderConfig } from "../../provider/backends/provider-config";
import type { Target } from "../../provider/targets";
import { S3RVER_KEY } from "../../testkit/s3rver-server";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { swiftBackend } from "../../provider/backends/swift/backend";
import { describeWithRgw, describeWithSwift } from "../servers/real-servers";
import { rejection } from "./rejection";

// Issue 19, item 6: a refused key said nothing of where it came from. Each source signs with a wrong key in turn.

const CHAIN = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then AWS_PROFILE in ~/.aws, then a container or instance role";
const KEYS_FIX = "check that they are this service's access key id and secret";
const FROM_VARIABLES = `the keys were read from BCT_CRED_KEY and BCT_CRED_SECRET, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain) — ${KEYS_FIX}`;
const FROM_CONFIG = `the keys came from the bucket-cors: config (bucket-cors:accessKeyId and bucket-cors:secretAccessKey), used when target.credentials names no variables and before the AWS default chain — ${KEYS_FIX} (pulumi config get); pulumi refresh signs with the bucket-cors: config saved in the state at the last pulumi up, so a key changed since then is used only from the next pulumi up`;
const FROM_CHAIN = `target.credentials names no variables and the bucket-cors: config has no keys, so the AWS default chain, tried last, signed (${CHAIN}) — ${KEYS_FIX}, or name the variables that hold this service's keys in target.credentials: { accessKeyIdEnv, secretAccessKeyEnv }`;

const CHAIN_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"];
const saved = Object.fromEntries(CHAIN_VARIABLES.map((name) => [name, process.env[name]]));

/** Only these keys reach the default chain: no profile files, no instance metadata. */
function chainWith(keys: { accessKeyId: string; secretAccessKey: string } | undefined): void {
  for (const name of CHAIN_VARIABLES) delete process.env[name];
  Object.assign(process.env, {
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    AWS_CONFIG_FILE: "/nonexistent/config",
    AWS_EC2_METADATA_DISABLED: "true",
  });
  if (keys !== undefined) Object.assign(process.env, { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
}

afterEach(() => {
  setProviderConfig({});
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

type Keys = { accessKeyId: string; secretAccessKey: string };

/** Each source, its hint, and what puts `keys()` in it (read in the test: a real server's keys are known only then). */
function sources(keys: () => Keys) {
  return [
    [
      "target.credentials variables",
      FROM_VARIABLES,
      (): Partial<Target> => {
        Object.assign(process.env, { BCT_CRED_KEY: keys().accessKeyId, BCT_CRED_SECRET: keys().secretAccessKey });
        return { credentials: { accessKeyIdEnv: "BCT_CRED_KEY", secretAccessKeyEnv: "BCT_CRED_SECRET" } };
      },
    ],
    [
      "bucket-cors: config",
      FROM_CONFIG,
      (): Partial<Target> => {
        setProviderConfig(keys());
        return {};
      },
    ],
    [
      "AWS default chain",
      FROM_CHAIN,
      (): Partial<Target> => {
        chainWith(keys());
        return {};
      },
    ],
  ] as const;
}

describe("credential failures on s3rver name the source that signed", () => {
  let s3: EmbeddedS3;
  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket("creds");
  });
  afterAll(() => s3?.stop());
  const target = (extra: Partial<Target>): Target => ({
    profile: "s3",
    bucket: "creds",
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    ...extra,
  });

  test.each(sources(() => ({ accessKeyId: "NOT-S3RVER", secretAccessKey: S3RVER_KEY })))(
    "fails with 403 InvalidAccessKeyId when the key id from the %s is wrong, saying so",
    async (_source, hint, arrange) => {
      const error = await rejection(s3Backend.get(target(arrange())));
      expect([error.code, error.message]).toEqual([
        "ServiceError",
        `GetBucketCors on S3-compatible storage bucket "creds" failed (403 InvalidAccessKeyId): The AWS Access Key Id you provided does not exist in our records. — ${hint}`,
      ]);
    },
  );

  test("fails with NoCredentials when no source has keys, naming all three in order", async () => {
    chainWith(undefined);
    const error = await rejection(s3Backend.get(target({ endpoint: s3.endpoint.replace("127.0.0.1", "localhost") })));
    expect([error.code, error.message]).toEqual([
      "MissingCredentials",
      `GetBucketCors on S3-compatible storage bucket "creds" failed (NoCredentials): Could not load credentials from any providers — target.credentials names no variables, the bucket-cors: config has no keys, and the AWS default chain found none (${CHAIN}) — name the variables that hold this service's keys in target.credentials: { accessKeyIdEnv, secretAccessKeyEnv }, or set bucket-cors:accessKeyId and bucket-cors:secretAccessKey with pulumi config set --secret`,
    ]);
  });
});

describeWithRgw("credential failures on real Ceph RGW name the source that signed", (rgw) => {
  const WRONG_SECRET = "wrong-secret-0c5e1d9a";
  const target = (extra: Partial<Target>): Target => ({ profile: "ceph", bucket: "creds", endpoint: rgw().endpoint, region: rgw().region, ...extra });

  // The right key id with a wrong secret: only the signature is wrong.
  test.each(sources(() => ({ accessKeyId: rgw().accessKeyId, secretAccessKey: WRONG_SECRET })))(
    "fails with 403 SignatureDoesNotMatch when the secret from the %s is wrong, saying so and never showing it",
    async (_source, hint, arrange) => {
      const error = await rejection(s3Backend.get(target(arrange())));
      // RGW's <Message> is empty (the SDK says "UnknownError"), so the request id follows the code.
      expect([error.code, error.message.replace(/tx[0-9a-f-]+-default/, "<id>")]).toEqual([
        "ServiceError",
        `GetBucketCors on Ceph RGW bucket "creds" failed (403 SignatureDoesNotMatch) (request id <id>) — ${hint}`,
      ]);
      expect(error.message.includes(WRONG_SECRET)).toBe(false);
    },
  );
});

describeWithRgw("AccessDenied on real Ceph RGW: keys the service knows, refused this bucket", (rgw) => {
  // A second RGW user (radosgw-admin, on the cluster scripts/servers/rgw.sh started): its keys are valid, the bucket is not its own.
  const OTHER = { accessKeyId: "BCORSMSGSOTHER0001", secretAccessKey: "bcors-msgs-other-secret-7d41" };
  beforeAll(async () => {
    const conf = join(dirname(process.env["BCORS_RGW_ENV_FILE"] ?? ""), "ceph.conf");
    const admin = (...args: string[]) => execFileSync("radosgw-admin", ["-c", conf, ...args], { stdio: "pipe" });
    try {
      admin("user", "info", "--uid=bcors-msgs-other");
    } catch {
      admin(
        "user",
        "create",
        "--uid=bcors-msgs-other",
        "--display-name=another account",
        `--access-key=${OTHER.accessKeyId}`,
        `--secret=${OTHER.secretAccessKey}`,
      );
    }
    const ops = bucketOps(rgw().endpoint, rgw());
    await ops.createBucket("creds-denied");
    ops.client.destroy();
  });

  test("fails with 403 AccessDenied, naming the variables and saying the keys lack access", async () => {
    Object.assign(process.env, { BCT_CRED_KEY: OTHER.accessKeyId, BCT_CRED_SECRET: OTHER.secretAccessKey });
    const target: Target = {
      profile: "ceph",
      bucket: "creds-denied",
      endpoint: rgw().endpoint,
      region: rgw().region,
      credentials: { accessKeyIdEnv: "BCT_CRED_KEY", secretAccessKeyEnv: "BCT_CRED_SECRET" },
    };
    const error = await rejection(s3Backend.get(target));
    expect([error.code, error.message.replace(/tx[0-9a-f-]+-default/, "<id>")]).toEqual([
      "ServiceError",
      `GetBucketCors on Ceph RGW bucket "creds-denied" failed (403 AccessDenied) (request id <id>) — the keys were read from BCT_CRED_KEY and BCT_CRED_SECRET, the variables target.credentials names, which come first (then the bucket-cors: config, then the AWS default chain) — the service knows these keys but refuses this call: check that they belong to the bucket's account and that their policy allows s3:GetBucketCORS on it (what GetBucketCors needs; every change reads the configuration first, so changes need s3:GetBucketCORS and s3:PutBucketCORS)`,
    ]);
  });
});

describeWithSwift("credential failures on real Swift name the variables the token came from", (swift) => {
  const SWIFT_VARIABLES = ["OS_AUTH_TOKEN", "OS_STORAGE_URL", "ST_AUTH", "ST_USER", "ST_KEY", "OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD"];
  const before = Object.fromEntries(SWIFT_VARIABLES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test("fails with 401 Unauthorized when OS_AUTH_TOKEN is wrong (after one fresh login), saying it came first and how to fall back", async () => {
    for (const name of SWIFT_VARIABLES) delete process.env[name];
    process.env["OS_AUTH_TOKEN"] = "AUTH_tk-wrong-token-5b1e";
    const error = await rejection(swiftBackend.get({ profile: "swift", bucket: "creds", endpoint: swift().storageUrl }));
    expect([error.code, error.message.replace(/\(request id [^)]+\)/, "(request id <id>)")]).toEqual([
      "AuthFailed",
      `HeadContainer on OpenStack Swift container "creds" failed (401 Unauthorized) (request id <id>) — the token came from OS_AUTH_TOKEN, which is tried first (then a TempAuth login with ST_AUTH, ST_USER and ST_KEY, then Keystone with OS_AUTH_URL, OS_USERNAME and OS_PASSWORD) — the token is refused: check that it is current and issued for this storage URL, or unset OS_AUTH_TOKEN to log in with the other variables`,
    ]);
    expect(error.message.includes("wrong-token")).toBe(false);
  });
});
