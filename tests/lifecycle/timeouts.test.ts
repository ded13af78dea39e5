import { checkInputs } from "../../provider/lifecycle/check";
import { create, diff, read } from "../../provider/lifecycle";
import type { PolicyInputs, PolicyOutputs } from "../../provider/lifecycle/types";
import { rejection } from "../backends/rejection";
import { drip, servedPerFile } from "../backends/loopback";

process.env["BCT_TIMEOUTS_KEY"] = "AKIDTIMEOUTS";
process.env["BCT_TIMEOUTS_SECRET"] = "timeouts-secret";
const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const serve = servedPerFile();

function inputs(endpoint: string, timeouts?: PolicyInputs["timeouts"]): PolicyInputs {
  const target = {
    profile: "s3",
    bucket: "slow",
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyIdEnv: "BCT_TIMEOUTS_KEY", secretAccessKeyEnv: "BCT_TIMEOUTS_SECRET" },
  };
  const { inputs: checked, failures } = checkInputs({ target, rules, ...(timeouts === undefined ? {} : { timeouts }) });
  expect(failures).toEqual([]);
  return checked!;
}

describe("timeouts: the overall deadline of every call a resource makes", () => {
  test("create, and refresh, end at operationSeconds against a server that drips a byte every 2 s", async () => {
    const server = await serve(drip());
    const started = Date.now();
    const error = await rejection(create(inputs(server.url, { operationSeconds: 1.5 })));
    expect(error.message).toBe(
      'GetBucketCors on S3-compatible storage bucket "slow" failed (Timeout): no complete answer within the deadline of 1.5 s — the service is unreachable, stalled or too slow; try again later',
    );
    const props = { ...inputs(server.url, { operationSeconds: 1 }), resourceId: "s3:slow", fingerprint: "sha256:0" } satisfies PolicyOutputs;
    expect((await rejection(read("s3:slow", props))).message).toContain("within the deadline of 1 s");
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  test("check refuses a deadline that is not a positive number of seconds up to an hour, naming the shape", () => {
    for (const timeouts of [{ operationSeconds: 0 }, { probeSeconds: 3601 }, { totalSeconds: Number.NaN }, { operation: 5 }, 30]) {
      expect(checkInputs({ target: { profile: "aws", bucket: "assets", region: "eu-west-1" }, rules, timeouts }).failures).toEqual([
        {
          property: "timeouts",
          reason: `${JSON.stringify(timeouts)} is not valid; it takes { operationSeconds?: number, probeSeconds?: number, totalSeconds?: number }, each more than 0 and at most 3600 — e.g. timeouts: { operationSeconds: 120 }, or omit it for 60 s, 10 s and, for the whole operation, twice operationSeconds plus twice the propagation timeout`,
        },
      ]);
    }
  });

  test("a change of timeouts alone is an update that writes nothing (no replace)", async () => {
    const olds = { ...inputs("http://127.0.0.1:9"), resourceId: "s3:slow", fingerprint: "sha256:0" } satisfies PolicyOutputs;
    expect(await diff("s3:slow", olds, inputs("http://127.0.0.1:9", { operationSeconds: 120 }))).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await diff("s3:slow", olds, inputs("http://127.0.0.1:9"))).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});
