import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { literal } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

// Issue 23, item 2: a delete removed whatever the bucket held. Two stacks on one bucket with
// `overwrite`: B wrote last, A's destroy emptied the bucket and B's preview still passed. Two
// resources swapping buckets: one's delete could run after the other's create on the same
// bucket, and 1 swap in 10 lost a configuration. A delete now compares the live configuration
// with the rules the state says this resource wrote, and leaves anything else in place.

const credentials = { accessKeyIdEnv: "BCORS_OWN_KEY_ID", secretAccessKeyEnv: "BCORS_OWN_SECRET" };
const ENV = { BCORS_OWN_KEY_ID: "S3RVER", BCORS_OWN_SECRET: "S3RVER" };

/** Swaps run in CI; the closing note of issue 23 reports a run of 20 (BCORS_SWAP_TRIALS=20). */
const SWAP_TRIALS = Number(process.env["BCORS_SWAP_TRIALS"] ?? "4");

/** One policy on bucket `shared`, its origin from stack config, replacing whatever is there. */
function sharedProgram(endpoint: string): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

new cors.CorsPolicy("site", {
  target: cors.targets.s3({ bucket: "shared", endpoint: ${JSON.stringify(endpoint)}, credentials: ${literal(credentials)} }),
  rules: [{ allowedOrigins: [new pulumi.Config().require("origin")], allowedMethods: ["GET"] }],
  onExisting: "overwrite",
});
`;
}

/** Policies p and q on buckets left and right, swapped when config `swapped` is true. */
function swapProgram(endpoint: string): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const swapped = new pulumi.Config().getBoolean("swapped") ?? false;
const on = (bucket: string) => cors.targets.s3({ bucket, endpoint: ${JSON.stringify(endpoint)}, credentials: ${literal(credentials)} });
new cors.CorsPolicy("p", { target: on(swapped ? "right" : "left"), rules: [{ allowedOrigins: ["https://p.example"], allowedMethods: ["GET"] }], onExisting: "overwrite" });
new cors.CorsPolicy("q", { target: on(swapped ? "left" : "right"), rules: [{ allowedOrigins: ["https://q.example"], allowedMethods: ["PUT"] }], onExisting: "overwrite" });
`;
}

const P = [{ AllowedOrigins: ["https://p.example"], AllowedMethods: ["GET"] }];
const Q = [{ AllowedOrigins: ["https://q.example"], AllowedMethods: ["PUT"] }];

describeWithPulumi(
  "A delete leaves rules it did not write (pulumi typed in the project directory)",
  (cli) => {
    let s3: EmbeddedS3;

    beforeAll(async () => {
      s3 = await startS3rver();
      for (const bucket of ["shared", "left", "right"]) await s3.createBucket(bucket);
    }, 600_000);

    afterAll(async () => s3?.stop());

    test("two stacks on one bucket: A's destroy keeps B's rules, says so, and B still owns them", async () => {
      const installed = await installedProject();
      const [a, b] = await Promise.all(
        ["a", "b"].map((stack) => EngineWorkspace.create(installed, { project: "cors-shared", stack, binDir: cli().binDir, route: "directory", env: ENV })),
      );
      for (const [ws, origin] of [
        [a!, "https://a.example"],
        [b!, "https://b.example"],
      ] as const) {
        await ws.program(sharedProgram(s3.endpoint));
        await ws.pulumi(["config", "set", "origin", origin]);
        await ws.up();
      }
      const B = [{ AllowedOrigins: ["https://b.example"], AllowedMethods: ["GET"] }];
      expect(await s3.liveRules("shared")).toEqual(B);

      const destroyed = await a!.destroy();
      expect(destroyed.output).toContain(
        'warning: S3-compatible storage bucket "shared" holds a CORS configuration this resource did not write: 1 rule ([GET] from https://b.example); it was left in place and only this resource was removed — if nobody owns those rules, remove them with bucket-cors delete',
      );
      expect(await a!.resources()).toEqual([]);
      expect(await s3.liveRules("shared")).toEqual(B);
      await b!.refresh();
      await b!.preview({ expectNoChanges: true });

      await b!.destroy();
      expect(await s3.liveRules("shared")).toBeNull();
    });

    test(`two policies swapping buckets keep both configurations on every swap (${SWAP_TRIALS} swaps)`, async () => {
      const ws = await EngineWorkspace.create(await installedProject(), { project: "cors-swap", binDir: cli().binDir, route: "directory", env: ENV });
      await ws.program(swapProgram(s3.endpoint));
      await ws.up();
      for (let trial = 1; trial <= SWAP_TRIALS; trial++) {
        const swapped = trial % 2 === 1;
        await ws.pulumi(["config", "set", "swapped", String(swapped)]);
        await ws.up();
        const live = { left: await s3.liveRules("left"), right: await s3.liveRules("right") };
        expect(live).toEqual(swapped ? { left: Q, right: P } : { left: P, right: Q });
      }
      await ws.destroy();
      expect({ left: await s3.liveRules("left"), right: await s3.liveRules("right") }).toEqual({ left: null, right: null });
    });
  },
  { route: "directory" },
);
