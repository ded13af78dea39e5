import { createHarness, type Harness } from "../../testkit/host";
import { policyProgram } from "../../testkit/policy-program";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness({ project: "cors", stack: "warnings" });
}, 180_000);
afterAll(() => harness?.stop());

const target = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const risky = [{ id: "open", allowedOrigins: ["*"], allowedMethods: ["GET", "PUT"] }];
const warnings = (result: { diagnostics: { text: string }[] }) => result.diagnostics.map((d) => d.text).filter((t) => t.includes("rules["));

describe("preview warnings", () => {
  test("risky rules are warned about at preview without failing it", async () => {
    const result = await harness.preview(policyProgram({ name: "site", args: { target, rules: risky } }));
    expect(result.steps.map((s) => s.op)).toEqual(["create"]);
    expect(warnings(result)).toEqual([
      `warning: [runtime] rules[0].allowedOrigins[0]: "*" lets every site send PUT; any page a visitor opens can write to the bucket from the visitor's browser wherever writes are authorized (presigned URLs, public-write buckets) — list the origins that need to write, and keep "*" in a rule with only GET and HEAD`,
    ]);
  });

  test("warnings can be suppressed per rule id, or turned off", async () => {
    const suppressed = await harness.preview(
      policyProgram({ name: "site", args: { target, rules: risky, lint: { suppress: { open: ["wildcard-origin-write"] } } } }),
    );
    expect(warnings(suppressed)).toEqual([]);
    const off = await harness.preview(policyProgram({ name: "site", args: { target, rules: risky, lint: false } }));
    expect(warnings(off)).toEqual([]);
  });

  test("an expect entry sent with credentials makes preview warn about a rule that can never answer it", async () => {
    const rules = [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }];
    const expectations = [{ origin: "https://app.example.com", method: "GET", credentials: true, allowed: false }];
    const result = await harness.preview(policyProgram({ name: "site", args: { target, rules, expect: expectations } }));
    expect(result.steps.map((s) => s.op)).toEqual(["create"]);
    expect(warnings(result)).toEqual([
      `warning: [runtime] rules[0].allowedOrigins[0]: "*" answers "https://app.example.com" with Access-Control-Allow-Origin: *, which browsers refuse to a request with credentials, and expect sends credentials from it — list "https://app.example.com" in this rule's allowedOrigins, so that it is echoed with Access-Control-Allow-Credentials: true`,
    ]);
  });
});
