import { evaluate, type CorsRequest, type EvaluableRule } from "../../provider/evaluate";
import { describeWithSwift, type SwiftInfo } from "../servers/real-servers";
import { drawCases } from "./generators";

// Lists Swift builds from Python sets come out in an order that changes between proxy restarts,
// and header-name case varies (docs/cors-semantics.md, "15. OpenStack Swift"): compare them as case-insensitive sets.
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

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly code: string | undefined;
  readonly message: string | undefined;
}

interface Comparable {
  readonly status: number | undefined;
  readonly headers: Record<string, string>;
  readonly code: string | undefined;
  readonly message: string | undefined;
}

const APP = "https://app.example.com";
const one = (origins: string[], extra: Partial<EvaluableRule> = {}) => ({ rules: [{ allowedOrigins: origins, allowedMethods: ["GET"], ...extra }] });
const options = (headers: Record<string, string>, resource: "object" | "bucket" = "object"): CorsRequest => ({ method: "OPTIONS", headers, resource });

/** Behaviour read from Swift's source that the random draw rarely or never produces. */
const EDGE_CASES: [string, { rules: EvaluableRule[] } | null, CorsRequest, boolean][] = [
  [
    "COPY is appended to the answer but refused as Access-Control-Request-Method",
    one([APP]),
    options({ Origin: APP, "Access-Control-Request-Method": "COPY" }),
    true,
  ],
  ["OPTIONS is an allowed Access-Control-Request-Method", one([APP]), options({ Origin: APP, "Access-Control-Request-Method": "OPTIONS" }), true],
  [
    "a preflight to the container lists the container's methods",
    one([APP], { maxAgeSeconds: 5 }),
    options({ Origin: APP, "Access-Control-Request-Method": "GET" }, "bucket"),
    true,
  ],
  [
    "* next to a listed origin echoes the origin",
    one(["*", APP]),
    options({ Origin: "https://any.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "a, a,,b" }),
    true,
  ],
  [
    "a whole-value * answers * with Vary only for the requested headers",
    one(["*"]),
    options({ Origin: APP, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "X-A" }),
    true,
  ],
  ["an OPTIONS without Origin is a plain OPTIONS: 200", one([APP]), options({ "Access-Control-Request-Method": "GET" }), true],
  ["a missing container: 401", one([APP]), options({ Origin: APP, "Access-Control-Request-Method": "GET" }), false],
  [
    "a container listing for an unknown origin: Vary: Accept only",
    one([APP]),
    { method: "GET", headers: { Origin: "https://evil.example" }, resource: "bucket" },
    true,
  ],
  [
    "expose headers are merged with Swift's defaults, lower-cased",
    one([APP], { exposeHeaders: ["X-Custom", "ETag"] }),
    { method: "GET", headers: { Origin: APP }, resource: "object" },
    true,
  ],
];

describeWithSwift('differential: evaluate(..., { dialect: "swift" }) against real OpenStack Swift 2.30', (swift) => {
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

  /** What Swift answers to `request`, next to what the evaluator predicts, in comparable form. */
  async function compare(
    policy: { rules: EvaluableRule[] } | null,
    request: CorsRequest,
    exists: boolean,
  ): Promise<{ p: Comparable; r: Comparable; real: Answer }> {
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
    const real: Answer = { status: response.status, headers, ...(response.status === 401 ? htmlError(html) : { code: undefined, message: undefined }) };
    const predicted = evaluate(policy, request, { dialect: "swift", bucketExists: exists });
    const preflight = request.method === "OPTIONS";
    return {
      p: { status: predicted.status, headers: asSets(predicted.headers), code: predicted.errorCode, message: predicted.errorMessage },
      r: {
        status: preflight ? real.status : undefined,
        headers: asSets(real.headers),
        code: preflight ? real.code : undefined,
        message: preflight ? real.message : undefined,
      },
      real,
    };
  }

  test("500+ random (policy, request) pairs agree on status, CORS headers (lists as case-insensitive sets) and the 401 page", async () => {
    const mismatches: unknown[] = [];
    const tally: Record<string, number> = {};
    let pairs = 0;
    for (const [index, { policy, requests }] of drawCases(20260525, 70, 8).entries()) {
      expect(await call("POST", `${storageUrl}/${container}`, metadataFor(policy))).toBe(204);
      const sends: { request: CorsRequest; exists: boolean }[] = requests.map((request) => ({ request, exists: true }));
      if (index % 8 === 0) sends.push({ request: requests[0]!, exists: false });
      const results = await Promise.all(sends.map(({ request, exists }) => compare(policy, request, exists)));
      for (const [i, { p, r, real }] of results.entries()) {
        const { request, exists } = sends[i]!;
        pairs++;
        const outcome =
          request.method === "OPTIONS"
            ? `preflight ${real.status}`
            : Object.keys(real.headers).length > 0
              ? "actual with CORS headers"
              : "actual without CORS headers";
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

  test.each(EDGE_CASES)("edge case agrees with Swift: %s", async (_name, policy, request, exists) => {
    expect(await call("POST", `${storageUrl}/${container}`, metadataFor(policy))).toBe(204);
    const { p, r } = await compare(policy, request, exists);
    expect(p).toEqual(r);
  });
});
