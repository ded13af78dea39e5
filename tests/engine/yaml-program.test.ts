import { describeWithRgw } from "../servers/real-servers";
import { bucketOps, type BucketOps } from "../../testkit/s3-bucket-ops";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { describeWithPulumiYaml, writeYamlProgram, yamlWorkspace } from "../../testkit/engine/yaml";
import type { EngineWorkspace } from "../../testkit/engine/workspace";
import { pluginBuildDir } from "../../testkit/engine/plugin-program";

/*
 * A Pulumi YAML program (`runtime: yaml`, run by pulumi-language-yaml v1.25.0 from
 * scripts/pulumi/yaml-host.sh) declaring the plugin's CorsPolicy and its component CorsPolicySet
 * from stack config, through the Pulumi.yaml `plugins:` path. The bucket is read on the server at
 * every step.
 */

const POLICY = "bucket-cors:index:CorsPolicy";
const SET = "bucket-cors:index:CorsPolicySet";

/** The program: one CorsPolicy and one CorsPolicySet over two buckets, the endpoint and the origin from stack config. */
function program(methods = "[GET, PUT]", extra = "", prefix = "", webFront = ""): string {
  return `plugins:
  providers:
    - name: bucket-cors
      path: ${pluginBuildDir()}
config:
  endpoint:
    type: string
  origin:
    type: string
resources:
  web:
    type: ${POLICY}
    properties:
      target:
        profile: s3
        bucket: ${prefix}web
        endpoint: \${endpoint}
      rules:
${webFront}        - allowedOrigins: ["\${origin}"]
          allowedMethods: ${methods}
  sites:
    type: ${SET}
    properties:
      targets:
        - profile: s3
          bucket: ${prefix}site-a
          endpoint: \${endpoint}
        - profile: s3
          bucket: ${prefix}site-b
          endpoint: \${endpoint}
      rules:
        - allowedOrigins: ["\${origin}"]
          allowedMethods: [GET]
          maxAgeSeconds: 600
${extra}outputs:
  siteIds: \${sites.resourceIds}
`;
}

/** Configures the stack: the service's credentials in the provider's config, the endpoint and origin as the program's. */
async function configure(ws: EngineWorkspace, endpoint: string, keyId: string, secret: string): Promise<void> {
  await ws.pulumi(["config", "set", "bucket-cors:accessKeyId", keyId]);
  await ws.pulumi(["config", "set", "--secret", "bucket-cors:secretAccessKey", secret]);
  await ws.pulumi(["config", "set", "endpoint", endpoint]);
  await ws.pulumi(["config", "set", "origin", "https://app.example.com"]);
}

describeWithPulumiYaml("A Pulumi YAML program declaring CorsPolicy and CorsPolicySet (the provider plugin, pulumi-language-yaml)", (cli) => {
  describe("on s3rver", () => {
    let s3: EmbeddedS3;
    let ws: EngineWorkspace;

    beforeAll(async () => {
      s3 = await startS3rver();
      for (const bucket of ["web", "site-a", "site-b", "adopt"]) await s3.createBucket(bucket);
      await s3.putRules("adopt", [{ AllowedOrigins: ["https://b.example.com"], AllowedMethods: ["GET"] }]);
      ws = await yamlWorkspace(cli(), "cors-yaml");
      writeYamlProgram(ws, "cors-yaml", program());
      await configure(ws, s3.endpoint, "S3RVER", "yaml-secret-51c2");
    }, 300_000);

    afterAll(async () => {
      await s3?.stop();
    });

    const sorted = (steps: readonly { op: string; type: string; name: string }[]): string[] => steps.map((s) => `${s.op} ${s.type} ${s.name}`).sort();

    test("preview plans the policy, the set and one child per target, and writes nothing", async () => {
      const result = await ws.preview();
      expect(sorted(result.steps)).toEqual([
        `create ${POLICY} sites-s3-site-a`,
        `create ${POLICY} sites-s3-site-b`,
        `create ${POLICY} web`,
        `create ${SET} sites`,
      ]);
      for (const bucket of ["web", "site-a", "site-b"]) expect(await s3.liveRules(bucket)).toBeNull();
    });

    test("up writes each bucket's rules, the set's children under the set; a second preview shows no change", async () => {
      await ws.up();
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT"] }]);
      for (const bucket of ["site-a", "site-b"]) {
        expect(await s3.liveRules(bucket)).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 }]);
      }
      const children = (await ws.resources(POLICY)).map((r) => r.urn.split("::").slice(2).join("::")).sort();
      expect(children).toEqual([`${POLICY}::web`, `${SET}$${POLICY}::sites-s3-site-a`, `${SET}$${POLICY}::sites-s3-site-b`]);
      const host = s3.endpoint.slice("http://".length);
      expect(JSON.parse(await ws.pulumi(["stack", "output", "siteIds", "--json"]))).toEqual([`s3:${host}/site-a`, `s3:${host}/site-b`]);
      await ws.preview({ expectNoChanges: true });
    });

    test("a changed origin in stack config shows in preview --diff, writes nothing, and up applies it", async () => {
      await ws.pulumi(["config", "set", "origin", "https://www.example.com"]);
      const result = await ws.preview({ diff: true });
      // One line per policy: web and the set's two children.
      const changed = result.output.split("\n").filter((line) => line.includes("example.com"));
      expect(changed.map((line) => line.trim())).toEqual(Array(3).fill('~ [0]: "https://app.example.com" => "https://www.example.com"'));
      expect(await s3.liveRules("site-a")).toEqual([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 }]);
      await ws.up();
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET", "PUT"] }]);
      expect(await s3.liveRules("site-b")).toEqual([{ AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET"], MaxAgeSeconds: 600 }]);
    });

    test("refresh reads every bucket and finds no drift", async () => {
      const result = await ws.refresh({ expectNoChanges: true });
      expect(sorted(result.steps)).toEqual([
        `refresh ${POLICY} sites-s3-site-a`,
        `refresh ${POLICY} sites-s3-site-b`,
        `refresh ${POLICY} web`,
        `refresh ${SET} sites`,
      ]);
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET", "PUT"] }]);
    });

    test("a rule added in front shows in preview --diff as one added rule, not as every rule after it changed (the plugin's detailed diff)", async () => {
      const front = `        - allowedOrigins: ["https://new.example.com"]\n          allowedMethods: [GET]\n`;
      writeYamlProgram(ws, "cors-yaml", program("[GET, PUT]", "", "", front));
      const result = await ws.preview({ diff: true });
      const lines = result.output.split("\n").map((line) => line.trim());
      const start = lines.indexOf("~ rules: [");
      // The engine's own comparison would show `~ [0]` (the old first rule's origin and methods) and `+ [1]`.
      expect(lines.slice(start, start + 10)).toEqual([
        "~ rules: [",
        "+ [0]: {",
        "+ allowedMethods: [",
        '+     [0]: "GET"',
        "]",
        "+ allowedOrigins: [",
        '+     [0]: "https://new.example.com"',
        "]",
        "}",
        "]",
      ]);
      expect(lines.filter((line) => line.startsWith("~ rules") || line.startsWith("~ 1 to update"))).toEqual(["~ rules: [", "~ 1 to update"]);
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET", "PUT"] }]);
      writeYamlProgram(ws, "cors-yaml", program());
      await ws.preview({ expectNoChanges: true });
    });

    test("pulumi import adopts a live configuration; the program declaring it then previews no change", async () => {
      await ws.pulumi(["import", POLICY, "adopted", `s3:${s3.endpoint}/adopt`, "--yes", "--generate-code=false", "--protect=false"]);
      expect(await s3.liveRules("adopt")).toEqual([{ AllowedOrigins: ["https://b.example.com"], AllowedMethods: ["GET"] }]);
      const adopted = `  adopted:
    type: ${POLICY}
    properties:
      target:
        profile: s3
        bucket: adopt
        endpoint: \${endpoint}
      rules:
        - allowedOrigins: [https://b.example.com]
          allowedMethods: [get]
`;
      writeYamlProgram(ws, "cors-yaml", program("[GET, PUT]", adopted));
      await ws.preview({ expectNoChanges: true });
      expect(await s3.liveRules("adopt")).toEqual([{ AllowedOrigins: ["https://b.example.com"], AllowedMethods: ["GET"] }]);
    });

    test("fails at preview when a rule names a method no server allows, with the property path and the fix", async () => {
      writeYamlProgram(ws, "cors-yaml", program("[GET, FETCH]"));
      const result = await ws.attempt("preview");
      expect(result.ok).toBe(false);
      // The engine stops at the first failed check: the set's Construct may be cut off ("the client connection is closing").
      expect(result.diagnostics.filter((d) => d.severity === "error" && d.urn?.endsWith("::web") === true).map((d) => d.message)).toEqual([
        `${POLICY} resource 'web' has a problem: rules[0].allowedMethods[1]: "FETCH" is not a method S3-compatible storage allows in a CORS rule; allowed are GET, PUT, POST, DELETE, HEAD — remove it`,
      ]);
      expect(await s3.liveRules("web")).toEqual([{ AllowedOrigins: ["https://www.example.com"], AllowedMethods: ["GET", "PUT"] }]);
    });

    test("destroy removes every policy's rules", async () => {
      writeYamlProgram(ws, "cors-yaml", program());
      await ws.destroy();
      for (const bucket of ["web", "site-a", "site-b", "adopt"]) expect(await s3.liveRules(bucket)).toBeNull();
    });
  });

  describeWithRgw("on Ceph RGW (real server)", (rgw) => {
    const prefix = `yaml-${process.pid}-`;
    let ops: BucketOps;
    let ws: EngineWorkspace;
    const rules = (methods: string[], maxAge?: number): unknown => [
      { AllowedOrigins: ["https://app.example.com"], AllowedMethods: methods, ...(maxAge === undefined ? {} : { MaxAgeSeconds: maxAge }) },
    ];

    beforeAll(async () => {
      const info = rgw();
      ops = bucketOps(info.endpoint, info, info.region);
      for (const bucket of ["web", "site-a", "site-b"]) await ops.createBucket(`${prefix}${bucket}`);
      ws = await yamlWorkspace(cli(), "cors-yaml-rgw");
      writeYamlProgram(ws, "cors-yaml-rgw", program("[GET, PUT]", "", prefix));
      await configure(ws, info.endpoint, info.accessKeyId, info.secretAccessKey);
    }, 300_000);

    test("up writes the policy and the set's children on RGW, a second preview shows no change, destroy removes them", async () => {
      await ws.up();
      expect(await ops.liveRules(`${prefix}web`)).toEqual(rules(["GET", "PUT"]));
      for (const bucket of ["site-a", "site-b"]) expect(await ops.liveRules(`${prefix}${bucket}`)).toEqual(rules(["GET"], 600));
      await ws.preview({ expectNoChanges: true });
      await ws.destroy();
      for (const bucket of ["web", "site-a", "site-b"]) expect(await ops.liveRules(`${prefix}${bucket}`)).toBeNull();
    });
  });
});
