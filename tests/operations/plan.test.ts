import { backendFor } from "../../provider/backends/for-target";
import type { CorsConfiguration } from "../../provider/model/schema";
import { planPolicy } from "../../provider/operations/plan";
import type { Target } from "../../provider/targets";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";

/**
 * planPolicy's rule-by-rule differences are data (`PlanOutcome.changes`, issue 21): the CLI's
 * `plan` only words them. Against a real s3rver, which stores what PutBucketCors sends.
 */
const KEY_ENV = "BCORS_PLAN_KEY";
let s3: EmbeddedS3;
const target = (bucket: string): Target => ({
  profile: "s3",
  bucket,
  endpoint: s3.endpoint,
  credentials: { accessKeyIdEnv: KEY_ENV, secretAccessKeyEnv: KEY_ENV },
});

const DESIRED: CorsConfiguration = {
  rules: [
    { id: "app", allowedOrigins: ["https://app.example"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["content-type"] },
    { allowedOrigins: ["*"], allowedMethods: ["GET"] },
  ],
};

beforeAll(async () => {
  process.env[KEY_ENV] = "S3RVER";
  s3 = await startS3rver();
  await s3.createBucket("drifted");
  await s3.putRules("drifted", [
    { ID: "app", AllowedOrigins: ["https://app.example"], AllowedMethods: ["GET"], AllowedHeaders: ["content-type"] },
    { AllowedOrigins: ["https://old.example"], AllowedMethods: ["DELETE"] },
    { AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
  ]);
  await s3.createBucket("bare");
  await s3.createBucket("same");
  await s3.putRules("same", [
    { ID: "app", AllowedOrigins: ["https://app.example"], AllowedMethods: ["PUT", "GET"], AllowedHeaders: ["Content-Type"] },
    { AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
  ]);
}, 120_000);

afterAll(async () => {
  await s3?.stop();
});

describe("planPolicy", () => {
  test("a drifted bucket: a changed field of the rule with the same ID, and a removed live rule", async () => {
    const plan = await planPolicy(backendFor(target("drifted")), target("drifted"), DESIRED);
    expect({ inSync: plan.inSync, changes: plan.changes }).toEqual({
      inSync: false,
      changes: [
        { change: "changed", rule: 0, liveRule: 0, fields: [{ field: "allowedMethods", live: ["GET"], desired: ["GET", "PUT"] }] },
        { change: "removed", liveRule: 1, value: { allowedOrigins: ["https://old.example"], allowedMethods: ["DELETE"] } },
      ],
    });
  });

  test("no configuration: every rule is added", async () => {
    const plan = await planPolicy(backendFor(target("bare")), target("bare"), DESIRED);
    expect({ kind: plan.live.kind, inSync: plan.inSync, changes: plan.changes }).toEqual({
      kind: "none",
      inSync: false,
      changes: [
        { change: "added", rule: 0, value: DESIRED.rules[0] },
        { change: "added", rule: 1, value: DESIRED.rules[1] },
      ],
    });
  });

  test("rules that mean the same (methods and header case differ) are no change", async () => {
    const plan = await planPolicy(backendFor(target("same")), target("same"), DESIRED);
    expect({ inSync: plan.inSync, changes: plan.changes }).toEqual({ inSync: true, changes: [] });
  });
});
