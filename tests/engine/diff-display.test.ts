import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { program, type PolicySpec } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

/*
 * `pulumi preview --diff` as a user reads it, typed in the project directory: the engine compares
 * a dynamic resource's stored inputs with the checked ones element by element, so check keeps
 * them as written and diff decides on the normalized forms (provider/lifecycle/index.ts). Each
 * step previews one edit, pins the resource's block of the display exactly, then applies it.
 */

const DASHBOARD_BEFORE = '[{"AllowedOrigins":["https://app.example.com"],"AllowedMethods":["GET","HEAD"]}]';
const DASHBOARD_AFTER = '[{"AllowedOrigins":["https://app.example.com","https://admin.example.com"],"AllowedMethods":["GET","HEAD"]}]';

/** The first lines of every block below that changes `rules`. */
const RULES_UPDATED = ["    ~ pulumi-nodejs:dynamic/bucket-cors:CorsPolicy: (update)", "      ~ rules : ["];

/** The target, unchanged, as the display shows it after a changed `rules` (the port is the s3rver's, masked). */
const UNCHANGED_TARGET = [
  "        target: {",
  '            bucket     : "assets"',
  "            credentials: {",
  '                accessKeyIdEnv    : "BCORS_DIFF_KEY_ID"',
  '                secretAccessKeyEnv: "BCORS_DIFF_SECRET"',
  "            }",
  '            endpoint   : "http://127.0.0.1:PORT"',
  '            profile    : "s3"',
  "        }",
];

/** The resource's block of a `--diff` display, without its id, urn and provider lines (ports and hashes vary). */
function resourceBlock(output: string): string[] {
  const lines = output.split("\n");
  const start = lines.findIndex((line) => line.includes("pulumi-nodejs:dynamic/bucket-cors:CorsPolicy: ("));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && (line.trim() === "" || line.startsWith("Resources:")));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((line) => !/^\s*\[(id|urn|provider)=/.test(line))
    .map((line) => line.trimEnd().replace(/127\.0\.0\.1:\d+/, "127.0.0.1:PORT"));
}

describeWithPulumi(
  "pulumi preview --diff reads like the change (typed in the project directory, s3rver)",
  (cli) => {
    let s3: EmbeddedS3;
    let ws: EngineWorkspace;
    const site = (args: Record<string, unknown>): PolicySpec => ({
      name: "site",
      target: {
        preset: "s3",
        args: { bucket: "assets", endpoint: s3.endpoint, credentials: { accessKeyIdEnv: "BCORS_DIFF_KEY_ID", secretAccessKeyEnv: "BCORS_DIFF_SECRET" } },
      },
      args,
    });
    const rules = (methods: string[], origins = ["https://app.example.com", "https://admin.example.com"], maxAgeSeconds = 600, more: unknown[] = []) => [
      { allowedOrigins: origins, allowedMethods: methods, maxAgeSeconds },
      ...more,
    ];
    const previewOf = async (args: Record<string, unknown>): Promise<{ ops: string[]; block: string[] }> => {
      await ws.program(program([site(args)]));
      const preview = await ws.preview({ diff: true });
      return { ops: opsOf(preview), block: resourceBlock(preview.output) };
    };

    beforeAll(async () => {
      s3 = await startS3rver();
      await s3.createBucket("assets");
      ws = await EngineWorkspace.create(await installedProject(), {
        project: "cors-diff",
        binDir: cli().binDir,
        env: { BCORS_DIFF_KEY_ID: "S3RVER", BCORS_DIFF_SECRET: "diff-secret" },
        route: "directory",
      });
      await ws.program(program([site({ rules: rules(["GET", "HEAD"]) })]));
      await ws.up();
    }, 600_000);

    afterAll(async () => {
      await s3?.stop();
    });

    test("a method appended shows as one +", async () => {
      const { ops, block } = await previewOf({ rules: rules(["GET", "HEAD", "PUT"]) });
      await ws.up();
      expect(ops).toEqual(["update site"]);
      expect(block).toEqual([
        ...RULES_UPDATED,
        "          ~ [0]: {",
        "                  ~ allowedMethods: [",
        '                        [0]: "GET"',
        '                        [1]: "HEAD"',
        '                      + [2]: "PUT"',
        "                    ]",
        "                    allowedOrigins: [",
        '                        [0]: "https://app.example.com"',
        '                        [1]: "https://admin.example.com"',
        "                    ]",
        "                    maxAgeSeconds : 600",
        "                }",
        "        ]",
        ...UNCHANGED_TARGET,
      ]);
    });

    test("an origin removed shows as one -", async () => {
      const { ops, block } = await previewOf({ rules: rules(["GET", "HEAD", "PUT"], ["https://app.example.com"]) });
      await ws.up();
      expect(ops).toEqual(["update site"]);
      expect(block).toEqual([
        ...RULES_UPDATED,
        "          ~ [0]: {",
        "                    allowedMethods: [",
        '                        [0]: "GET"',
        '                        [1]: "HEAD"',
        '                        [2]: "PUT"',
        "                    ]",
        "                  ~ allowedOrigins: [",
        '                        [0]: "https://app.example.com"',
        '                      - [1]: "https://admin.example.com"',
        "                    ]",
        "                    maxAgeSeconds : 600",
        "                }",
        "        ]",
        ...UNCHANGED_TARGET,
      ]);
    });

    test("max-age changed shows as one ~", async () => {
      const { ops, block } = await previewOf({ rules: rules(["GET", "HEAD", "PUT"], ["https://app.example.com"], 900) });
      await ws.up();
      expect(ops).toEqual(["update site"]);
      expect(block).toEqual([
        ...RULES_UPDATED,
        "          ~ [0]: {",
        "                    allowedMethods: [",
        '                        [0]: "GET"',
        '                        [1]: "HEAD"',
        '                        [2]: "PUT"',
        "                    ]",
        "                    allowedOrigins: [",
        '                        [0]: "https://app.example.com"',
        "                    ]",
        "                  ~ maxAgeSeconds : 600 => 900",
        "                }",
        "        ]",
        ...UNCHANGED_TARGET,
      ]);
    });

    test("a rule added shows as one + with its fields", async () => {
      const { ops, block } = await previewOf({
        rules: rules(["GET", "HEAD", "PUT"], ["https://app.example.com"], 900, [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }]),
      });
      await ws.up();
      expect(ops).toEqual(["update site"]);
      expect(block).toEqual([
        ...RULES_UPDATED,
        "            [0]: {",
        "                    allowedMethods: [",
        '                        [0]: "GET"',
        '                        [1]: "HEAD"',
        '                        [2]: "PUT"',
        "                    ]",
        "                    allowedOrigins: [",
        '                        [0]: "https://app.example.com"',
        "                    ]",
        "                    maxAgeSeconds : 900",
        "                }",
        "          + [1]: {",
        "                  + allowedMethods: [",
        '                  +     [0]: "GET"',
        "                    ]",
        "                  + allowedOrigins: [",
        '                  +     [0]: "*"',
        "                    ]",
        "                }",
        "        ]",
        ...UNCHANGED_TARGET,
      ]);
    });

    test("methods reordered within a rule: no change, nothing displayed", async () => {
      // Rule order is not in this list: the first matching rule answers, so swapping rules is a change.
      const { ops, block } = await previewOf({
        rules: rules(["PUT", "GET", "HEAD"], ["https://app.example.com"], 900, [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }]),
      });
      expect(ops).toEqual(["same site"]);
      expect(block).toEqual([]);
    });

    test("re-cased only: no change, nothing displayed", async () => {
      const { ops, block } = await previewOf({
        rules: rules(["get", "head", "put"], ["https://app.example.com"], 900, [{ allowedOrigins: ["*"], allowedMethods: ["get"] }]),
      });
      expect(ops).toEqual(["same site"]);
      expect(block).toEqual([]);
    });

    test("a document edited in place shows the document's old and new text", async () => {
      await ws.program(program([site({ document: DASHBOARD_BEFORE, onExisting: "overwrite" })]));
      await ws.up();
      const { ops, block } = await previewOf({ document: DASHBOARD_AFTER, onExisting: "overwrite" });
      await ws.up();
      expect(ops).toEqual(["update site"]);
      expect(block).toEqual([
        "    ~ pulumi-nodejs:dynamic/bucket-cors:CorsPolicy: (update)",
        "      ~ document  : (json) [",
        "          ~ [0]: {",
        "                    AllowedMethods: [",
        '                        [0]: "GET"',
        '                        [1]: "HEAD"',
        "                    ]",
        "                  ~ AllowedOrigins: [",
        '                        [0]: "https://app.example.com"',
        '                      + [1]: "https://admin.example.com"',
        "                    ]",
        "                }",
        "        ]",
        '        onExisting: "overwrite"',
        "        target    : {",
        '            bucket     : "assets"',
        "            credentials: {",
        '                accessKeyIdEnv    : "BCORS_DIFF_KEY_ID"',
        '                secretAccessKeyEnv: "BCORS_DIFF_SECRET"',
        "            }",
        '            endpoint   : "http://127.0.0.1:PORT"',
        '            profile    : "s3"',
        "        }",
      ]);
      expect(opsOf(await ws.destroy())).toEqual(["delete site"]);
    });
  },
  { route: "directory" },
);
