import fc from "fast-check";
import { evaluate, type EvaluableConfig } from "../../provider/evaluate";
import { policyArb, requestArb } from "./generators";
import { actual, AWS_VARY, preflight } from "./requests";

// The `r2` dialect: what docs/cors-semantics.md, "12. Cloudflare R2", records about R2 matches AWS; everything
// else is evaluated as AWS and the explanation says so.

const r2 = { dialect: "r2" } as const;
const workers: EvaluableConfig = { rules: [{ allowedOrigins: ["https://*-myapp.sub.workers.dev"], allowedMethods: ["GET"] }] };

describe("r2", () => {
  test.each([
    ["a partial wildcard matches (cloudflare-docs#32888: https://*-myapp.<sub>.workers.dev)", "https://a1b2c3d4-myapp.sub.workers.dev", 200],
    ["and does not match another worker", "https://other-worker.sub.workers.dev", 403],
  ])("%s", (_name, origin, status) => {
    expect(evaluate(workers, preflight(origin, "GET"), r2).status).toBe(status);
  });

  test("an allowed preflight answers like AWS: origin echoed with credentials, AWS's Vary", () => {
    expect(evaluate(workers, preflight("https://a1b2c3d4-myapp.sub.workers.dev", "GET"), r2).headers).toEqual({
      "access-control-allow-origin": "https://a1b2c3d4-myapp.sub.workers.dev",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET",
      vary: AWS_VARY,
    });
  });

  test("a request without Origin gets no CORS headers (R2 docs)", () => {
    expect(evaluate({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] }, actual("GET"), r2).headers).toEqual({});
  });

  test("the explanation says R2 is evaluated as AWS", () => {
    expect(evaluate(null, preflight(undefined, "GET"), r2).explanation[0]).toBe(
      "r2: evaluated as aws; R2's error bodies and Vary/credentials headers are not recorded",
    );
  });

  test("answers exactly as aws for any policy and request (only the explanation differs)", () => {
    fc.assert(
      fc.property(policyArb(), requestArb(), fc.boolean(), (policy, request, bucketExists) => {
        const { explanation: _a, ...asAws } = evaluate(policy, request, { bucketExists });
        const { explanation: _r, ...asR2 } = evaluate(policy, request, { dialect: "r2", bucketExists });
        expect(asR2).toEqual(asAws);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
