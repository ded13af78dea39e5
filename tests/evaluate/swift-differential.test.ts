import { evaluate, type CorsRequest, type EvaluableRule } from "../../provider/evaluate";
import { describeWithSwift, type SwiftInfo } from "../servers/real-servers";
import { drawCases } from "./generators";

// Lists Swift builds from Python sets come out in an order that changes between proxy restarts,
// and header-name case varies (test-servers.md): compare them as case-insensitive sets.
const SET_VALUED = ["access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers"];

function asSets(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out[name] = SET_VALUED.includes(name) ? [...new Set(value.split(",").map((v) => v.trim().toLowerCase()))].sort().join(",") : value;
  }
  return out;
}

/** Swift's 401 page: `<h1>Unauthorized</h1><p>…</p>`. */
function htmlError(html: string): { code: string | undefined; message: string | undefined } {
  const match = /<h1>([^<]*)<\/h1><p>([^<]*)<\/p>/.exec(html);
  return { code: match?.[1], message: match?.[2] };
}

/** The container metadata a policy becomes: every origin, the longest max-age, every expose header (model/expressible.ts `widen`). */
function metadataFor(policy: { rules: EvaluableRule[] } | null): Record<string, string> {
  const rules = policy?.rules ?? [];
  const origins = [...new Set(rules.flatMap((r) => r.allowedOrigins))].join(" ");
  const ages = rules.flatMap((r) => (r.maxAgeSeconds === undefined ? [] : [r.maxAgeSeconds]));
  const expose = [...new Set(rules.flatMap((r) => r.exposeHeaders ?? []))].join(" ");
  const meta: Record<string, string> = {};
  const set = (name: string, value: string) => {
    if (value === "") meta[`X-Remove-Container-Meta-Access-Control-${name}`] = "x";
    else meta[`X-Container-Meta-Access-Control-${name}`] = value;
  };
  set("Allow-Origin", origins);
  set("Max-Age", ages.length === 0 ? "" : String(Math.max(...ages)));
  set("Expose-Headers", expose);
  return meta;
}

describeWithSwift("differential: evaluate(..., { dialect: \"swift\" }) against real OpenStack Swift 2.30", (swift) => {
  const container = "bcors-eval-swift";
  let token: string;
  let storageUrl: string;

  const call = async (method: string, url: string, headers: Record<string, string> = {}): Promise<number> => {
    const response = await fetch(url, { method, headers: { "X-Auth-Token": token, ...headers }, ...(method === "PUT" ? { body: "hello" } : {}) });
    await response.arrayBuffer();
    return response.status;
  };

  beforeAll(async () => {
    const info: SwiftInfo = swift();
    const login = await fetch(info.authUrl, { headers: { "X-Auth-User": info.user, "X-Auth-Key": info.key } });
    await login.arrayBuffer();
    token = login.headers.get("x-auth-token")!;
    storageUrl = login.headers.get("x-storage-url")!;
    expect([201, 202]).toContain(await call("PUT", `${storageUrl}/${container}`));
    expect(await call("PUT", `${storageUrl}/${container}/k`)).toBe(201);
  });

  afterAll(async () => {
    if (!token) return;
    await call("DELETE", `${storageUrl}/${container}/k`);
    await call("DELETE", `${storageUrl}/${container}`);
  });

  test("500+ random (policy, request) pairs agree on status, CORS headers (lists as case-insensitive sets) and the 401 page", async () => {
    const mismatches: unknown[] = [];
    const tally: Record<string, number> = {};
    let pairs = 0;
    for (const [index, { policy, requests }] of drawCases(20260525, 70, 8).entries()) {
      expect(await call("POST", `${storageUrl}/${container}`, metadataFor(policy))).toBe(204);
      const sends: { request: CorsRequest; exists: boolean }[] = requests.map((request) => ({ request, exists: true }));
      if (index % 8 === 0) sends.push({ request: requests[0]!, exists: false });
      const answers = await Promise.all(
        sends.map(async ({ request, exists }) => {
          const url = `${storageUrl}/${exists ? container : "bcors-eval-missing"}${request.resource === "bucket" ? "" : "/k"}`;
          // Browsers send no token on a preflight; actual requests are authorized so that a
          // container GET carries its metadata headers (which Swift adds to Expose-Headers).
          const auth: Record<string, string> = request.method === "OPTIONS" ? {} : { "X-Auth-Token": token };
          const response = await fetch(url, { method: request.method, headers: { ...request.headers, ...auth }, ...(request.method === "PUT" ? { body: "x" } : {}) });
          const html = await response.text();
          const headers: Record<string, string> = {};
          response.headers.forEach((value, name) => {
            if (name.startsWith("access-control-") || name === "vary") headers[name] = value;
          });
          return { status: response.status, headers, error: response.status === 401 ? htmlError(html) : { code: undefined, message: undefined } };
        }),
      );
      for (const [i, { request, exists }] of sends.entries()) {
        const real = answers[i]!;
        const predicted = evaluate(policy, request, { dialect: "swift", bucketExists: exists });
        const preflight = request.method === "OPTIONS";
        const p = { status: predicted.status, headers: asSets(predicted.headers), code: predicted.errorCode, message: predicted.errorMessage };
        const r = { status: preflight ? real.status : undefined, headers: asSets(real.headers), code: preflight ? real.error.code : undefined, message: preflight ? real.error.message : undefined };
        pairs++;
        const outcome = preflight ? `preflight ${real.status}` : Object.keys(real.headers).length > 0 ? "actual with CORS headers" : "actual without CORS headers";
        tally[outcome] = (tally[outcome] ?? 0) + 1;
        if (JSON.stringify(p) !== JSON.stringify(r)) mismatches.push({ policy, request, exists, predicted: p, real: r });
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(500);
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(mismatches).toHaveLength(0);
    expect(Object.keys(tally).sort()).toEqual(["actual with CORS headers", "actual without CORS headers", "preflight 200", "preflight 401"]);
    expect(Object.entries(tally).filter(([, n]) => n < 15)).toEqual([]);
  });
});
