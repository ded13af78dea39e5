import { create, delete as destroy, update } from "../../provider/lifecycle";
import type { PolicyOutputs } from "../../provider/lifecycle/types";
import { UnconfirmedWrite } from "../../provider/lifecycle/unconfirmed";
import { proxiedS3rver } from "../faults/s3-proxied";
import { appliedThenInternalError, cors, every, internalError } from "../faults/faults";

/*
 * An update recorded as unconfirmed (lifecycle/unconfirmed.ts) stored the new rules in the state;
 * when its write never landed, a later destroy found the old rules (which this resource wrote) and
 * left them in place as foreign: the bucket kept a configuration the user destroyed. The engine
 * records a partial failure's properties as the outputs and destroy gets them back, so this runs
 * the lifecycle in-process with those properties: s3rver behind the fault proxy.
 */

process.env["BCT_UNCONFIRMED_KEY"] = "S3RVER";
process.env["BCT_UNCONFIRMED_SECRET"] = "unconfirmed-delete-secret";
const OLD = [{ allowedOrigins: ["https://old.example"], allowedMethods: ["GET"] }];
const NEW = [{ allowedOrigins: ["https://new.example"], allowedMethods: ["GET", "PUT"], maxAgeSeconds: 600 }];
const OLD_LIVE = [{ AllowedOrigins: ["https://old.example"], AllowedMethods: ["GET"] }];
const NEW_LIVE = [{ AllowedOrigins: ["https://new.example"], AllowedMethods: ["GET", "PUT"], MaxAgeSeconds: 600 }];
const THIRD_LIVE = [{ AllowedOrigins: ["https://third.example"], AllowedMethods: ["GET"] }];
const BUCKETS = ["dropped", "landed", "third-party", "twice"];

const keys = { accessKeyIdEnv: "BCT_UNCONFIRMED_KEY", secretAccessKeyEnv: "BCT_UNCONFIRMED_SECRET" };
const { s3, proxy, target } = proxiedS3rver(BUCKETS, keys);
let stderr: jest.SpyInstance;

beforeEach(() => {
  stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  stderr.mockRestore();
});

/** The inputs of a CorsPolicy on `bucket`, through the proxy, as a program writes them. */
function written(bucket: string, rules: unknown[]) {
  return { target: target(bucket), rules, propagationTimeoutSeconds: 1 };
}

/** What the provider wrote on its stderr (the engine's diagnostics on the resource). */
const printed = () => stderr.mock.calls.map(([chunk]) => String(chunk));

/** Creates the policy (no faults): its id and outputs. */
async function created(bucket: string, rules: unknown[]): Promise<{ id: string; outs: PolicyOutputs }> {
  const { id, outs } = await create(written(bucket, rules) as never);
  if (outs === undefined) throw new Error("create returned no outputs");
  return { id, outs };
}

/** The outputs the engine records for an update that may have landed: the failure's properties. */
async function unconfirmedUpdate(id: string, olds: PolicyOutputs, rules: unknown[]): Promise<PolicyOutputs> {
  try {
    await update(id, olds, written(olds.target.bucket, rules) as never);
  } catch (error) {
    if (error instanceof UnconfirmedWrite) return error.properties as PolicyOutputs;
    throw error;
  }
  throw new Error("the update succeeded under a persistent fault");
}

describe("destroy after an unconfirmed update removes what this resource wrote, whichever of its rule sets the bucket holds", () => {
  const cases = [
    { name: "the update's PutBucketCors never reached the bucket (500 every time)", bucket: "dropped", fault: internalError(), live: OLD_LIVE },
    { name: "the update's PutBucketCors landed but was answered 500", bucket: "landed", fault: appliedThenInternalError(), live: NEW_LIVE },
  ];
  test.each(cases)("$name: the bucket is left without CORS and nothing is warned", async ({ bucket, fault, live }) => {
    const { id, outs } = await created(bucket, OLD);
    proxy().plan(every(cors("PUT"), fault));
    const recorded = await unconfirmedUpdate(id, outs, NEW);
    expect([recorded.rules, recorded.replacedRules]).toEqual([NEW, [OLD]]);
    expect(await s3().liveRules(bucket)).toEqual(live);
    proxy().plan();
    stderr.mockClear();
    await destroy(id, recorded);
    expect(await s3().liveRules(bucket)).toBeNull();
    expect(printed()).toEqual([]);
  });

  test("two unconfirmed updates in a row: destroy still removes the first rules, which neither write replaced", async () => {
    const { id, outs } = await created("twice", OLD);
    proxy().plan(every(cors("PUT"), internalError()));
    const first = await unconfirmedUpdate(id, outs, NEW);
    const third = [{ allowedOrigins: ["https://third.example"], allowedMethods: ["GET"] }];
    const second = await unconfirmedUpdate(id, first, third);
    expect([second.rules, second.replacedRules]).toEqual([third, [NEW, OLD]]);
    expect(await s3().liveRules("twice")).toEqual(OLD_LIVE);
    proxy().plan();
    await destroy(id, second);
    expect(await s3().liveRules("twice")).toBeNull();
  });

  test("a third party changed the rules after the unconfirmed update: destroy leaves them, with the warning", async () => {
    const { id, outs } = await created("third-party", OLD);
    proxy().plan(every(cors("PUT"), internalError()));
    const recorded = await unconfirmedUpdate(id, outs, NEW);
    proxy().plan();
    await s3().putRules("third-party", THIRD_LIVE);
    stderr.mockClear();
    await destroy(id, recorded);
    expect(await s3().liveRules("third-party")).toEqual(THIRD_LIVE);
    expect(printed()).toEqual([
      'warning: S3-compatible storage bucket "third-party" holds a CORS configuration this resource did not write: 1 rule ([GET] from https://third.example); it was left in place and only this resource was removed — if nobody owns those rules, remove them with bucket-cors delete\n',
    ]);
  });
});
