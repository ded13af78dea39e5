import { ensureBuilt } from "./build";
import { fixtureDir } from "./fixtures";
import { jsonOf, runCli } from "./run-cli";

/*
 * Issue 12, item 7: explain contradicted itself — it called an Origin with a trailing slash wrong
 * and then advised listing it, and under s3rver (which answers "*" to every preflight) advised
 * listing an origin the rule already lists.
 */

let dir: string;

beforeAll(async () => {
  dir = fixtureDir({
    "get-only.json": JSON.stringify({ rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }] }),
    "http-only.json": JSON.stringify({ rules: [{ allowedOrigins: ["http://app.example.com"], allowedMethods: ["GET"] }] }),
    "star.json": JSON.stringify({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] }),
  });
  await ensureBuilt();
}, 300_000);

async function diagnosesOf(file: string, args: string[]): Promise<{ code: number | null; diagnoses: string[] }> {
  const run = await runCli(["explain", file, ...args, "--json"], { cwd: dir });
  return { code: run.code, diagnoses: (jsonOf(run) as { diagnoses: string[] }).diagnoses };
}

const SLASHED =
  '"https://app.example.com/" is not what a browser sends: Origin never has a path or trailing slash (and omits default ports), so the browser sends "https://app.example.com" — use --origin https://app.example.com, and write origins that way in the policy';

describe("explain advises only valid values not already present", () => {
  test("a slashed origin refused for its method: the advice is about the method, never the slashed origin", async () => {
    expect(await diagnosesOf("get-only.json", ["--origin", "https://app.example.com/", "--method", "PUT"])).toEqual({
      code: 1,
      diagnoses: [SLASHED, "rules[0] allows the origin but not the method PUT (it allows GET) — add PUT to rules[0].allowedMethods"],
    });
  });

  test("a slashed origin no rule allows: list the origin a browser sends", async () => {
    expect(await diagnosesOf("http-only.json", ["--origin", "https://app.example.com/", "--method", "GET"])).toEqual({
      code: 1,
      diagnoses: [
        SLASHED,
        `no rule allows the origin "https://app.example.com" — add it to a rule's allowedOrigins`,
        `rules[0].allowedOrigins has "http://app.example.com": scheme, host and port must all match, so it does not allow "https://app.example.com" — add "https://app.example.com" as well`,
      ],
    });
  });

  test("a slashed origin answered * with credentials: list the origin a browser sends", async () => {
    expect(await diagnosesOf("star.json", ["--origin", "https://app.example.com/", "--method", "GET", "--credentials"])).toEqual({
      code: 1,
      diagnoses: [
        SLASHED,
        `the answer is Access-Control-Allow-Origin: *, which a browser refuses for a request with credentials — list "https://app.example.com" in rules[0].allowedOrigins (before any "*" rule) instead of relying on "*"`,
      ],
    });
  });

  test("a value that is no origin at all is never advised", async () => {
    expect(await diagnosesOf("get-only.json", ["--origin", "app.example.com", "--method", "GET"])).toEqual({
      code: 1,
      diagnoses: [
        `"app.example.com" is not an origin; browsers send scheme://host[:port], e.g. https://app.example.com — pass that to --origin`,
        `no rule allows "app.example.com"`,
      ],
    });
    expect(await diagnosesOf("star.json", ["--origin", "app.example.com", "--method", "GET", "--credentials"])).toEqual({
      code: 1,
      diagnoses: [
        `"app.example.com" is not an origin; browsers send scheme://host[:port], e.g. https://app.example.com — pass that to --origin`,
        `the answer is Access-Control-Allow-Origin: *, which a browser refuses for a request with credentials — give --origin the page's origin (scheme://host[:port]) to see what to list instead of "*"`,
      ],
    });
  });

  test("s3rver answers * for a listed origin: no advice to list it again", async () => {
    const run = await runCli(["explain", "get-only.json", "--origin", "https://app.example.com", "--method", "GET", "--dialect", "s3rver"], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Preflight OPTIONS from https://app.example.com for GET (dialect s3rver)",
        "ALLOWED by rules[0] (200)",
        "Headers:",
        "  access-control-allow-methods: GET",
        "  access-control-allow-origin: *",
        "  vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
        "Explanation:",
        `  rules[0]: matches: origin "https://app.example.com" matches "https://app.example.com", method "GET" is allowed`,
        `  rules[0]: no headers requested`,
        `  rules[0] answers the preflight with "*": 200`,
        "Diagnosis:",
        `  - the answer is Access-Control-Allow-Origin: *: fine for anonymous requests, but a browser refuses it if the page sends credentials (cookies, fetch credentials: "include", withCredentials) — if it does, rules[0] already lists "https://app.example.com", but this server answers "*" to every preflight, so no policy makes such a page work here`,
        "",
      ].join("\n"),
    });
  });

  test("fails (exit 1) under s3rver with credentials, naming the server's behaviour rather than a fix", async () => {
    expect(await diagnosesOf("get-only.json", ["--origin", "https://app.example.com", "--method", "GET", "--dialect", "s3rver", "--credentials"])).toEqual({
      code: 1,
      diagnoses: [
        `the answer is Access-Control-Allow-Origin: *, which a browser refuses for a request with credentials — rules[0] already lists "https://app.example.com", but this server answers "*" to every preflight, so no policy makes such a page work here`,
      ],
    });
  });
});
