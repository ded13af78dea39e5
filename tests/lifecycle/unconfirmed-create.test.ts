import { create, delete as destroy, diff, update } from "../../provider/lifecycle";
import type { PolicyOutputs } from "../../provider/lifecycle/types";
import { UnconfirmedWrite } from "../../provider/lifecycle/unconfirmed";
import type * as grpc from "@grpc/grpc-js";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { answer } from "../../plugin/respond";
import { proxiedS3rver } from "../faults/s3-proxied";
import { appliedThenInternalError, cors, every, internalError } from "../faults/faults";

/*
 * A create whose PutBucketCors may have reached the bucket (answer lost, 5xx, deadline) failed with
 * nothing recorded: the next up met rules it did not know it wrote. Both routes let a create answer a
 * partial failure: the dynamic provider host packs an error's `id` and `properties` into
 * ErrorResourceInitFailed for create as for update (@pulumi/pulumi cmd/dynamic-provider/index.js,
 * `create` → `grpcResponseFromError`), and the plugin does the same (plugin/respond.ts). The engine then
 * records the resource with those outputs and its reasons as initialization errors, and updates it on
 * the next up. Here: the lifecycle in-process, with the properties the engine would record.
 */

process.env["BCT_CREATE_KEY"] = "S3RVER";
process.env["BCT_CREATE_SECRET"] = "unconfirmed-create-secret";
const RULES = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const LIVE = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }];
const FOREIGN = [{ AllowedOrigins: ["https://foreign.example"], AllowedMethods: ["GET"] }];
const INTERNAL = "failed (500 InternalError): We encountered an internal error. Please try again.";
const RECORDED =
  "The stack records this policy as unconfirmed: the next pulumi up writes the program's rules (nothing when the bucket already holds them), pulumi refresh reads what the bucket holds, and pulumi destroy removes these rules only";

const keys = { accessKeyIdEnv: "BCT_CREATE_KEY", secretAccessKeyEnv: "BCT_CREATE_SECRET" };
const { s3, proxy, target } = proxiedS3rver(["landed", "dropped", "foreign", "plugin"], keys);
let stderr: jest.SpyInstance;

beforeEach(() => {
  stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  stderr.mockRestore();
});

const written = (bucket: string, extra: Record<string, unknown> = {}) => ({ target: target(bucket), rules: RULES, propagationTimeoutSeconds: 1, ...extra });
const where = (bucket: string) => `S3-compatible storage bucket "${bucket}"`;

/** The message of a create whose every PutBucketCors landed but was answered 500. */
const landedMessage = (bucket: string) =>
  `PutBucketCors on ${where(bucket)} ${INTERNAL}\nThe write may still have reached the bucket: ${where(bucket)} holds either 1 rule ([GET] from https://app.example.com) or no CORS configuration — run the same pulumi up (or bucket-cors apply) again: rules that already mean the same are taken over without a write\n${RECORDED}`;

/** The partial failure a create answered with; fails the test when it succeeded or failed otherwise. */
async function partialCreate(inputs: Record<string, unknown>): Promise<UnconfirmedWrite> {
  try {
    await create(inputs as never);
  } catch (error) {
    if (error instanceof UnconfirmedWrite) return error;
    throw error;
  }
  throw new Error("the create succeeded under a persistent fault");
}

describe("a create whose write may have reached the bucket is recorded as unconfirmed (a partial failure)", () => {
  test("fails when PutBucketCors lands but is answered 500: the failure carries the id and the outputs to record; destroy with them removes the rules", async () => {
    proxy().plan(every(cors("PUT"), appliedThenInternalError()));
    const failure = await partialCreate(written("landed"));
    const id = `s3:${proxy().url.replace("http://", "")}/landed`;
    expect(failure.message).toBe(landedMessage("landed"));
    expect([failure.id, failure.reasons]).toEqual([id, [failure.message]]);
    const recorded = failure.properties as PolicyOutputs;
    expect([recorded.resourceId, recorded.rules, recorded.replacedRules, recorded.unconfirmed]).toEqual([
      id,
      RULES,
      undefined,
      `a create failed after a write that may have reached ${where("landed")}: it holds 1 rule ([GET] from https://app.example.com), or what it held before, as the failure says`,
    ]);
    expect(await s3().liveRules("landed")).toEqual(LIVE);
    proxy().plan();
    await destroy(id, recorded);
    expect(await s3().liveRules("landed")).toBeNull();
  });

  test("the write never landed (500, not forwarded): diff reports a change, and the next up's update writes the rules", async () => {
    proxy().plan(every(cors("PUT"), internalError()));
    const failure = await partialCreate(written("dropped"));
    expect(await s3().liveRules("dropped")).toBeNull();
    proxy().plan();
    const recorded = failure.properties as PolicyOutputs;
    expect((await diff(failure.id, recorded, written("dropped") as never)).changes).toBe(true);
    const { outs } = await update(failure.id, recorded, written("dropped"));
    expect(outs?.unconfirmed).toBeUndefined();
    expect(await s3().liveRules("dropped")).toEqual(LIVE);
  });

  test('a foreign configuration that onExisting: "overwrite" may not have replaced is left by destroy, with the warning', async () => {
    await s3().putRules("foreign", FOREIGN);
    proxy().plan(every(cors("PUT"), internalError()));
    const failure = await partialCreate(written("foreign", { onExisting: "overwrite" }));
    proxy().plan();
    stderr.mockClear();
    await destroy(failure.id, failure.properties as PolicyOutputs);
    expect(await s3().liveRules("foreign")).toEqual(FOREIGN);
    expect(stderr.mock.calls.map(([chunk]) => String(chunk))).toEqual([
      `warning: ${where("foreign")} holds a CORS configuration this resource did not write: 1 rule ([GET] from https://foreign.example); it was left in place and only this resource was removed — if nobody owns those rules, remove them with bucket-cors delete\n`,
    ]);
  });

  // The plugin's Create calls the same lifecycle create (plugin/service.ts) and answers through `answer`.
  test("on the plugin route the failure is answered as ErrorResourceInitFailed with the id, the outputs and the reason", async () => {
    proxy().plan(every(cors("PUT"), appliedThenInternalError()));
    const status = await new Promise<Partial<grpc.StatusObject>>((resolve) => {
      answer(
        (error) => resolve(error as Partial<grpc.StatusObject>),
        () => create(written("plugin") as never),
      );
    });
    const [bytes] = status.metadata?.get("grpc-status-details-bin") ?? [];
    const [detail] = Status.deserializeBinary(bytes as Buffer).getDetailsList();
    const failed = ErrorResourceInitFailed.deserializeBinary(detail!.getValue_asU8());
    const recorded = failed.getProperties()?.toJavaScript();
    expect([failed.getId(), recorded?.["rules"], recorded?.["unconfirmed"], failed.getReasonsList()]).toEqual([
      `s3:${proxy().url.replace("http://", "")}/plugin`,
      RULES,
      `a create failed after a write that may have reached ${where("plugin")}: it holds 1 rule ([GET] from https://app.example.com), or what it held before, as the failure says`,
      [status.details],
    ]);
    expect(status.details).toBe(landedMessage("plugin"));
  });
});
