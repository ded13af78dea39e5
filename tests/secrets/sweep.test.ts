import { createHarness, secret, type Harness } from "../../testkit/host";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { policyProgram } from "../../testkit/policy-program";
import { swiftOps } from "../../testkit/swift-ops";
import { ensureBuilt } from "../cli/build";
import { fixtureDir } from "../cli/fixtures";
import { runCli } from "../cli/run-cli";
import { describeWithRgw, describeWithSwift } from "../servers/real-servers";

/*
 * Issue 11, done-when: distinctive values in every credential channel (named variables, the AWS
 * default chain with a session token, the provider config, TempAuth, a Swift token, an
 * endpoint's user:password@, and a secret given where a variable's name belongs), every
 * lifecycle step and every CLI command, failures included; none of the values, nor their first
 * eight characters, may appear in outputs, state, the serialized provider, logs or messages.
 */
const VALUES = {
  sessionToken: "SWEEPsessionTOKEN0d5e7a1c",
  wrongSecret: "SWEEPwrongSECRET4b9f2e61",
  configSecret: "SWEEPconfigSECRET7c3a9d",
  endpointPassword: "SWEEPendpointPASS58e1",
  wrongSwiftToken: "SWEEPswiftTOKEN9a7c4e",
  keystonePassword: "SWEEPkeystonePASS3f6b",
};

/** Everything a run showed: labelled texts, searched at the end. */
const seen: { label: string; text: string }[] = [];
function record(label: string, value: unknown): void {
  seen.push({ label, text: typeof value === "string" ? value : JSON.stringify(value, errorFields) });
}
function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error
    ? { ...Object.fromEntries(Object.entries(value)), name: value.name, message: value.message, stack: value.stack, cause: value.cause }
    : value;
}

/** Runs a harness operation, recording its result or its failure (message, completed steps, diagnostics). */
async function step(harness: Harness, label: string, run: (h: Harness) => Promise<unknown>): Promise<"ok" | "failed"> {
  try {
    record(label, await run(harness));
    return "ok";
  } catch (error) {
    record(`${label} (failed)`, error);
    return "failed";
  } finally {
    record(`${label}: state`, harness.state());
    record(`${label}: host logs`, harness.host.diagnostics);
  }
}

/** A harness whose host runs with `env` set (the host reads credentials from its own environment). */
async function harnessWith(env: Record<string, string>, config?: Record<string, ReturnType<typeof secret>>): Promise<Harness> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await createHarness({ project: "sweep", stack: `s${seen.length}`, ...(config === undefined ? {} : { config }) });
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** One bucket (container) per CLI channel, so the channels run at once. */
const CLI_S3 = ["sweep-cli-1", "sweep-cli-2", "sweep-cli-3", "sweep-cli-4", "sweep-cli-5"];
const CLI_SWIFT = ["sweep-cli-6", "sweep-cli-7", "sweep-cli-8"];

const rules = (origin: string) => [{ allowedOrigins: [origin], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] }];
const program = (target: Record<string, unknown>, origin = "https://app.example.com", extra: Record<string, unknown> = {}) =>
  policyProgram({ name: "sweep", args: { target, rules: rules(origin), ...extra } });

describeWithRgw("no secret reaches outputs, state, the serialized provider, logs or messages", (rgw) => {
  describeWithSwift("(with Swift)", (swift) => {
    let secrets: Record<string, string>;

    beforeAll(async () => {
      const info = swift();
      const login = await fetch(info.authUrl, { headers: { "X-Auth-User": info.user, "X-Auth-Key": info.key } });
      secrets = {
        ...VALUES,
        rgwSecret: rgw().secretAccessKey,
        swiftKey: info.key,
        swiftToken: login.headers.get("x-auth-token") ?? "",
      };
      const ops = bucketOps(rgw().endpoint, rgw(), rgw().region);
      for (const bucket of ["sweep-named", "sweep-chain", "sweep-config", ...CLI_S3]) await ops.createBucket(bucket);
      for (const container of ["sweep-tempauth", "sweep-token", ...CLI_SWIFT])
        await (await swiftOps(info.authUrl, info.user, info.key)).createContainer(container);
      await ensureBuilt();
    }, 300_000);

    test("S3 with named variables: create, preview, update, refresh, failed steps, destroy", async () => {
      const { endpoint } = rgw();
      const named = { profile: "ceph", bucket: "sweep-named", endpoint, credentials: { accessKeyIdEnv: "SWEEP_KEY", secretAccessKeyEnv: "SWEEP_SECRET" } };
      const harness = await harnessWith({ SWEEP_KEY: rgw().accessKeyId, SWEEP_SECRET: rgw().secretAccessKey, SWEEP_WRONG: VALUES.wrongSecret });
      try {
        const expectations = [{ origin: "https://app.example.com", method: "PUT", headers: ["content-type"], allowed: true }];
        expect(await step(harness, "create", (h) => h.up(program(named, undefined, { verify: "preflight", expect: expectations })))).toBe("ok");
        expect(await step(harness, "preview", (h) => h.preview(program(named, "https://b.example.com")))).toBe("ok");
        expect(await step(harness, "update", (h) => h.up(program(named, "https://b.example.com")))).toBe("ok");
        expect(await step(harness, "refresh", (h) => h.refresh())).toBe("ok");
        const failures = [
          program({ ...named, credentials: { accessKeyIdEnv: "SWEEP_KEY", secretAccessKeyEnv: "SWEEP_WRONG" } }, "https://c.example.com"),
          program({ ...named, credentials: { accessKeyIdEnv: "SWEEP_KEY", secretAccessKeyEnv: rgw().secretAccessKey } }),
          program({ ...named, endpoint: endpoint.replace("://", `://user:${VALUES.endpointPassword}@`) }),
          program({ ...named, bucket: "sweep-missing" }),
        ];
        for (const [i, text] of failures.entries()) expect(await step(harness, `failing up ${i}`, (h) => h.up(text))).toBe("failed");
        expect(await step(harness, "destroy", (h) => h.destroy())).toBe("ok");
      } finally {
        await harness.stop();
      }
    }, 300_000);

    test("S3 with the default chain and its session token, and with the provider config (right and wrong)", async () => {
      const chain = await harnessWith({
        AWS_ACCESS_KEY_ID: rgw().accessKeyId,
        AWS_SECRET_ACCESS_KEY: rgw().secretAccessKey,
        AWS_SESSION_TOKEN: VALUES.sessionToken,
      });
      try {
        const target = { profile: "ceph", bucket: "sweep-chain", endpoint: rgw().endpoint };
        // RGW ignores a session token it did not issue, so this succeeds: the token is sent and must still never show.
        expect(await step(chain, "default chain: up", (h) => h.up(program(target)))).toBe("ok");
        expect(await step(chain, "default chain: refresh", (h) => h.refresh())).toBe("ok");
        expect(await step(chain, "default chain: missing bucket", (h) => h.up(program({ ...target, bucket: "sweep-missing" })))).toBe("failed");
      } finally {
        await chain.stop();
      }
      const config = { "bucket-cors:accessKeyId": secret(rgw().accessKeyId), "bucket-cors:secretAccessKey": secret(rgw().secretAccessKey) };
      const configured = await harnessWith({}, config);
      try {
        const target = { profile: "ceph", bucket: "sweep-config", endpoint: rgw().endpoint };
        expect(await step(configured, "provider config: up", (h) => h.up(program(target)))).toBe("ok");
        expect(await step(configured, "provider config: refresh", (h) => h.refresh())).toBe("ok");
        expect(await step(configured, "provider config: destroy", (h) => h.destroy())).toBe("ok");
      } finally {
        await configured.stop();
      }
      const wrongConfig = await harnessWith({}, { ...config, "bucket-cors:secretAccessKey": secret(VALUES.configSecret) });
      try {
        const target = { profile: "ceph", bucket: "sweep-config", endpoint: rgw().endpoint };
        expect(await step(wrongConfig, "wrong provider config: up", (h) => h.up(program(target)))).toBe("failed");
      } finally {
        await wrongConfig.stop();
      }
    }, 300_000);

    test("Swift with TempAuth, a pre-issued token, a wrong token and a refused Keystone login", async () => {
      const info = swift();
      const tempAuth = await harnessWith({ ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key });
      try {
        const target = { profile: "swift", bucket: "sweep-tempauth" };
        expect(await step(tempAuth, "tempauth: up", (h) => h.up(program(target)))).toBe("ok");
        expect(await step(tempAuth, "tempauth: update", (h) => h.up(program({ ...target, endpoint: info.storageUrl }, "https://b.example.com")))).toBe("ok");
        expect(await step(tempAuth, "tempauth: refresh", (h) => h.refresh())).toBe("ok");
        expect(await step(tempAuth, "tempauth: missing container", (h) => h.up(program({ profile: "swift", bucket: "sweep-absent" })))).toBe("failed");
        expect(await step(tempAuth, "tempauth: destroy", (h) => h.destroy())).toBe("ok");
      } finally {
        await tempAuth.stop();
      }
      for (const [label, token] of [
        ["token", secrets["swiftToken"]!],
        ["wrong token", VALUES.wrongSwiftToken],
      ] as const) {
        const harness = await harnessWith({ OS_AUTH_TOKEN: token, OS_STORAGE_URL: info.storageUrl });
        try {
          const outcome = await step(harness, `${label}: up`, (h) => h.up(program({ profile: "swift", bucket: "sweep-token" })));
          expect(outcome).toBe(label === "token" ? "ok" : "failed");
          await step(harness, `${label}: destroy`, (h) => h.destroy());
        } finally {
          await harness.stop();
        }
      }
      const keystone = await harnessWith({
        OS_AUTH_URL: `${info.authUrl.replace(/\/auth\/v1\.0$/, "")}/v3`,
        OS_USERNAME: "demo",
        OS_PASSWORD: VALUES.keystonePassword,
        OS_PROJECT_NAME: "demo",
      });
      try {
        expect(await step(keystone, "keystone: up", (h) => h.up(program({ profile: "swift", bucket: "sweep-token" })))).toBe("failed");
      } finally {
        await keystone.stop();
      }
    }, 300_000);

    test("every CLI command, plain and --json, succeeding and failing, in every channel", async () => {
      const info = swift();
      const dir = fixtureDir({ "cors.json": JSON.stringify({ rules: rules("https://app.example.com") }) });
      const s3 = (i: number) => ["--service", "ceph", "--bucket", CLI_S3[i]!, "--endpoint-url", rgw().endpoint];
      const sw = (i: number) => ["--service", "swift", "--bucket", CLI_SWIFT[i]!];
      const key = { SWEEP_KEY: rgw().accessKeyId };
      const channels: { label: string; flags: string[]; env: Record<string, string> }[] = [
        {
          label: "named",
          flags: [...s3(0), "--access-key-id-env", "SWEEP_KEY", "--secret-access-key-env", "SWEEP_SECRET"],
          env: { ...key, SWEEP_SECRET: rgw().secretAccessKey },
        },
        {
          label: "wrong secret",
          flags: [...s3(1), "--access-key-id-env", "SWEEP_KEY", "--secret-access-key-env", "SWEEP_WRONG"],
          env: { ...key, SWEEP_WRONG: VALUES.wrongSecret },
        },
        { label: "value as name", flags: [...s3(2), "--access-key-id-env", "SWEEP_KEY", "--secret-access-key-env", rgw().secretAccessKey], env: key },
        {
          label: "default chain",
          flags: s3(3),
          env: { AWS_ACCESS_KEY_ID: rgw().accessKeyId, AWS_SECRET_ACCESS_KEY: rgw().secretAccessKey, AWS_SESSION_TOKEN: VALUES.sessionToken },
        },
        {
          label: "endpoint password",
          flags: [...s3(4).slice(0, 4), "--endpoint-url", rgw().endpoint.replace("://", `://u:${VALUES.endpointPassword}@`)],
          env: {},
        },
        { label: "tempauth", flags: sw(0), env: { ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key } },
        { label: "swift token", flags: [...sw(1), "--endpoint-url", info.storageUrl], env: { OS_AUTH_TOKEN: secrets["swiftToken"]! } },
        { label: "wrong swift token", flags: [...sw(2), "--endpoint-url", info.storageUrl], env: { OS_AUTH_TOKEN: VALUES.wrongSwiftToken } },
      ];
      const commands = [
        ["apply", "cors.json"],
        ["plan", "cors.json"],
        ["get"],
        ["get", "--format", "pulumi"],
        ["verify", "--origin", "https://app.example.com", "--method", "PUT"],
        ["verify", "--origin", "https://evil.example", "--method", "PUT"],
        ["delete"],
      ];
      const codes: string[] = [];
      await Promise.all(
        channels.map(async (channel) => {
          for (const command of commands) {
            for (const json of [[], ["--json"]]) {
              const run = await runCli([...command, ...channel.flags, ...json], { cwd: dir, env: channel.env });
              record(`cli ${channel.label}: ${command.join(" ")} ${json.join("")}`, run);
              codes.push(`${channel.label}: ${command[0]!}=${run.code ?? "signal"}`);
            }
          }
        }),
      );
      // The channels that hold good credentials succeed (so the sweep saw real output), the others fail.
      for (const good of ["named", "default chain", "tempauth", "swift token"])
        expect(codes.filter((c) => c.startsWith(`${good}: apply`))).toEqual([`${good}: apply=0`, `${good}: apply=0`]);
      for (const bad of ["wrong secret", "value as name", "endpoint password", "wrong swift token"])
        expect(codes.filter((c) => c.startsWith(`${bad}: get=`))).not.toContain(`${bad}: get=0`);
    }, 600_000);

    test("none of the values, nor a prefix of one, is in anything recorded", () => {
      // Every value, and its first eight characters (a prefix is an echo too), in every text recorded.
      const found: string[] = [];
      for (const [name, value] of Object.entries(secrets)) {
        for (const piece of [value, value.slice(0, 8)])
          for (const { label, text } of seen) if (text.includes(piece)) found.push(`${name} (${piece === value ? "whole" : "prefix"}) in ${label}`);
      }
      expect(found).toEqual([]);
      expect(seen.length).toBeGreaterThan(150);
    });
  });
});
