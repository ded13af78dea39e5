import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { EngineWorkspace } from "../../testkit/engine/workspace";

// Issue 23, item A: a check failure that named a top-level property made the engine print the
// property's whole value (`property target value {map[… secretAccessKey:{wJalr…}]} has a problem`),
// pulumi.secret() or not, and a failing 10 MB document printed 21 MB. Every failure now reaches the
// engine with no property and its path in the reason, scrubbed and bounded.

/** An AWS secret access key's shape (the example key of AWS's docs, one letter changed). */
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
/** Most characters a failed preview may print: its header, the failure and the summary. */
const MAX_OUTPUT = 8_000;

/** How `show` writes the secret: its length, never a character of it (provider/model/secret-like.ts). */
const HIDDEN = '"(41 characters, not shown: they look like a secret)"';
/** The one reason for an unknown target field: its name only. */
const TARGET_UNKNOWN =
  'target: has unknown field "secretAccessKey"; a target takes profile, bucket, endpoint, region, accountId, jurisdiction, projectId, forcePathStyle, credentials, expectedBucketOwner and version — remove it; credentials are never target fields: name the environment variables that hold them in credentials: { accessKeyIdEnv, secretAccessKeyEnv }';

/** What the engine prints before a failure that names no property (pulumi/pulumi step_generator.go, issueCheckErrors). */
const PROBLEM = "resource 'site' has a problem: ";

/** Each case puts the secret in one top-level field; the program picks the case from config. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const SECRET = ${JSON.stringify(SECRET)};
const target = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const cases: Record<string, Record<string, unknown>> = {
  "target field": { target: { ...target, secretAccessKey: SECRET }, rules },
  "target field, pulumi.secret": { target: pulumi.secret({ ...target, secretAccessKey: SECRET }), rules },
  "target itself": { target: SECRET, rules },
  "rules itself": { target, rules: SECRET },
  "rules origin": { target, rules: [{ allowedOrigins: [SECRET], allowedMethods: ["GET"] }] },
  "document": { target, document: SECRET },
  "10 MB document": { target, document: "[" + "x".repeat(10 * 1024 * 1024) },
  "expect itself": { target, rules, expect: SECRET },
  "expect origin": { target, rules, expect: [{ origin: SECRET, method: "GET", allowed: true }] },
  "verify": { target, rules, verify: SECRET },
  "onExisting": { target, rules, onExisting: pulumi.secret(SECRET) },
  "swift": { target, rules, swift: { allowWidening: SECRET } },
  "timeouts": { target, rules, timeouts: { operationSeconds: SECRET } },
  "propagationTimeoutSeconds": { target, rules, propagationTimeoutSeconds: SECRET },
  "lint": { target, rules, lint: SECRET },
};
const which = new pulumi.Config().require("case");
new cors.CorsPolicy("site", cases[which] as any);
`;

/** Every 8 characters of the secret: not even a part of it may show. */
const PIECES = Array.from({ length: SECRET.length - 7 }, (_, i) => SECRET.slice(i, i + 8));

describeWithPulumi(
  "Nothing the user typed is echoed by the engine (pulumi typed in the project directory)",
  (cli) => {
    let ws: EngineWorkspace;

    beforeAll(async () => {
      ws = await EngineWorkspace.create(await installedProject(), { project: "cors-no-echo", binDir: cli().binDir, route: "directory" });
      await ws.program(PROGRAM);
    }, 600_000);

    /** The reasons a failed preview of one case prints (each first line, once), after checking that the output is bounded and holds no part of the secret. */
    async function problemOf(which: string): Promise<string[]> {
      await ws.pulumi(["config", "set", "case", which]);
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      expect(result.output.length).toBeLessThan(MAX_OUTPUT);
      expect(PIECES.filter((piece) => result.output.includes(piece))).toEqual([]);
      expect(result.output).not.toContain("value {");
      const lines = result.output.split("\n").filter((line) => line.includes(PROBLEM));
      return [...new Set(lines.map((line) => line.slice(line.indexOf(PROBLEM) + PROBLEM.length).trim()))];
    }

    test.each([
      ["target field", TARGET_UNKNOWN],
      ["target field, pulumi.secret", TARGET_UNKNOWN],
      [
        "target itself",
        `target: ${HIDDEN} is not valid; expected object, received string — fix the target, or build it with a preset such as targets.aws({ bucket, region })`,
      ],
      ["rules itself", `rules: ${HIDDEN} is a string; expected a list — change its type`],
      ["rules origin", `rules[0].allowedOrigins[0]: ${HIDDEN} has no scheme; an origin is "*" or scheme://host[:port] — use "https://***"`],
      ["document", `document: ${HIDDEN} is text, not a CORS document in a format this package reads — write it in one of these formats:`],
      [
        "10 MB document",
        "document: the document is 10485761 bytes, more than the 262144-byte limit; CORS documents are small (S3 accepts at most 64 KB) — check that this is the right file, or remove content",
      ],
      ["expect itself", `expect: ${HIDDEN} is not a list; it takes [{ origin, method, headers?, allowed, exposes? }] — wrap the entry in [ ]`],
      [
        "expect origin",
        'expect[0]: GET from ***: expected allowed, but it is denied (status 403) (aws rules) — rules[0]: origin "***" matches none of "https://app.example.com"; no rule matches',
      ],
      [
        "verify",
        `verify: ${HIDDEN} is not an option; allowed are "none", "read", "preflight" — use "preflight" to send real preflights for every expect entry after apply`,
      ],
      [
        "onExisting",
        `onExisting: ${HIDDEN} is not an option; allowed are "fail", "adopt", "overwrite" — use "adopt" to take over a matching configuration, "overwrite" to replace it`,
      ],
      ["swift", `swift: {"allowWidening":${HIDDEN}} is not valid; it takes { allowWidening?: boolean } — e.g. swift: { allowWidening: true }`],
      [
        "timeouts",
        `timeouts: {"operationSeconds":${HIDDEN}} is not valid; it takes { operationSeconds?: number, probeSeconds?: number, totalSeconds?: number }, each more than 0 and at most 3600 — e.g. timeouts: { operationSeconds: 120 }, or omit it for 60 s, 10 s and, for the whole operation, twice operationSeconds plus twice the propagation timeout`,
      ],
      [
        "propagationTimeoutSeconds",
        `propagationTimeoutSeconds: ${HIDDEN} is not a number of seconds between 0 and 3600 — use e.g. 60, or omit it for the vendor's default`,
      ],
      [
        "lint",
        `lint: ${HIDDEN} is not valid; it takes false or { suppress?: { [ruleId]: codes[] } } — e.g. lint: { suppress: { "public-read": ["wildcard-origin-write"] } }`,
      ],
    ])("fails at preview with a secret in %s: the reason names the path, and no part of the secret shows", async (which, expected) => {
      expect(await problemOf(which)).toEqual([expected]);
    });
  },
  { route: "directory" },
);
