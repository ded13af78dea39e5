import type { EvaluableRule } from "../../provider/evaluate";
import { describeWithSwift } from "../servers/real-servers";
import { runBrowserDifferential } from "./differential";
import { describeWithBrowser } from "./require-browser";

const SEED = 20261131;
const CONTAINER = "bcors-browser-swift";

/** The container metadata a policy becomes (validate/expressible.ts `widen`): every origin, the longest max-age, every expose header. */
function metadataFor(policy: { rules: EvaluableRule[] } | null): Record<string, string> {
  const rules = policy?.rules ?? [];
  const ages = rules.flatMap((r) => (r.maxAgeSeconds === undefined ? [] : [r.maxAgeSeconds]));
  const values: [string, string][] = [
    ["Allow-Origin", [...new Set(rules.flatMap((r) => r.allowedOrigins))].join(" ")],
    ["Max-Age", ages.length === 0 ? "" : String(Math.max(...ages))],
    ["Expose-Headers", [...new Set(rules.flatMap((r) => r.exposeHeaders ?? []))].join(" ")],
  ];
  return Object.fromEntries(
    values.map(([name, value]) =>
      value === "" ? [`X-Remove-Container-Meta-Access-Control-${name}`, "x"] : [`X-Container-Meta-Access-Control-${name}`, value],
    ),
  );
}

describeWithSwift("browser differential on real OpenStack Swift", (swift) => {
  describeWithBrowser('headless Chromium against predictBrowser(..., { dialect: "swift" })', (browser) => {
    let token: string;
    let storageUrl: string;

    const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<number> => {
      const response = await fetch(`${storageUrl}/${path}`, {
        method,
        headers: { "X-Auth-Token": token, ...headers },
        ...(body === undefined ? {} : { body }),
      });
      await response.arrayBuffer();
      return response.status;
    };

    beforeAll(async () => {
      const { authUrl, user, key } = swift();
      const login = await fetch(authUrl, { headers: { "X-Auth-User": user, "X-Auth-Key": key } });
      await login.arrayBuffer();
      token = login.headers.get("x-auth-token")!;
      storageUrl = login.headers.get("x-storage-url")!;
      // Public read, as a container a page reads from anonymously is set up; writes stay refused (401).
      expect([201, 202]).toContain(await call("PUT", CONTAINER, { "X-Container-Read": ".r:*" }));
      expect(await call("PUT", `${CONTAINER}/k`, {}, "hello")).toBe(201);
    });

    test("500+ random fetches: every verdict and every readable header agrees", async () => {
      const started = Date.now();
      const result = await runBrowserDifferential(
        browser(),
        {
          dialect: "swift",
          objectUrl: (key) => `${storageUrl}/${CONTAINER}/${key}`,
          apply: async (policy) => {
            expect(await call("POST", CONTAINER, metadataFor(policy))).toBe(204);
          },
          concurrency: 6,
        },
        SEED,
        20,
        26,
      );
      console.log(`browser differential swift: seed ${SEED}, ${result.cases} fetches in ${Date.now() - started} ms, ${JSON.stringify(result.tally)}`);
      expect(result.cases).toBeGreaterThanOrEqual(500);
      expect(result.mismatches.slice(0, 3)).toEqual([]);
      expect(result.mismatches).toHaveLength(0);
    }, 300000);
  });
});
