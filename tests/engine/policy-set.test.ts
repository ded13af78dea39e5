import { describeWithRgw, describeWithSwift } from "../servers/real-servers";
import { bucketOps } from "../../testkit/s3-bucket-ops";
import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";
import { swiftOps } from "../../testkit/swift-ops";
import { opsOf } from "../../testkit/engine/events";
import { describeWithPulumi } from "../../testkit/engine/pulumi-cli";
import { installedProject } from "../../testkit/engine/project";
import { literal } from "../../testkit/engine/programs";
import { EngineWorkspace } from "../../testkit/engine/workspace";

const web = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] }];
const liveWeb = [{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], AllowedHeaders: ["*"] }];
// RGW 16.2 stores methods in its own order (GET, PUT, DELETE, HEAD, POST).
const rgwWeb = [{ ...liveWeb[0]!, AllowedMethods: ["GET", "PUT", "DELETE", "HEAD", "POST"] }];

/** One CorsPolicySet across s3rver, real Ceph RGW and real Swift, through the real pulumi CLI. */
describeWithRgw("Ceph RGW (real server)", (rgw) => {
  describeWithSwift("OpenStack Swift (real server)", (swift) => {
    describeWithPulumi("CorsPolicySet across s3rver + RGW + Swift through the real pulumi CLI", (cli) => {
      let s3: EmbeddedS3;
      let ws: EngineWorkspace;

      beforeAll(async () => {
        s3 = await startS3rver();
        await s3.createBucket("web");
        await bucketOps(rgw().endpoint, rgw(), rgw().region).createBucket("web-set");
        await (await swiftOps(swift().authUrl, swift().user, swift().key)).createContainer("web-set");
        const info = swift();
        ws = await EngineWorkspace.create(await installedProject(), {
          project: "cors-set",
          binDir: cli().binDir,
          route: "inline",
          env: { ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key, BCORS_SET_KEY_ID: "S3RVER", BCORS_SET_SECRET: "set-secret" },
        });
      }, 600_000);

      afterAll(async () => s3?.stop());

      test("up applies the rules on all three; destroy removes them", async () => {
        const targets = [
          `cors.targets.s3(${literal({ bucket: "web", endpoint: s3.endpoint, credentials: { accessKeyIdEnv: "BCORS_SET_KEY_ID", secretAccessKeyEnv: "BCORS_SET_SECRET" } })})`,
          `cors.targets.ceph(${literal({ bucket: "web-set", endpoint: rgw().endpoint, credentials: rgw().credentialEnv })})`,
          `cors.targets.swift(${literal({ container: "web-set" })})`,
        ];
        await ws.program(
          [
            `import * as cors from "pulumi-bucket-cors";`,
            ``,
            `const web = cors.rules(${literal(web)});`,
            `const set = new cors.CorsPolicySet("web", { targets: [${targets.join(", ")}], rules: web });`,
            `export const resourceIds = set.resourceIds;`,
            ``,
          ].join("\n"),
        );
        const result = await ws.up();
        expect(opsOf(result).sort()).toEqual(["create web", "create web-ceph-web-set", "create web-s3-web", "create web-swift-web-set"]);
        expect(await s3.liveRules("web")).toEqual(liveWeb);
        expect(await bucketOps(rgw().endpoint, rgw(), rgw().region).liveRules("web-set")).toEqual(rgwWeb);
        expect(await (await swiftOps(swift().authUrl, swift().user, swift().key)).corsMeta("web-set")).toEqual({
          "x-container-meta-access-control-allow-origin": "https://app.example.com",
        });
        expect(JSON.parse(await ws.pulumi(["stack", "output", "resourceIds", "--json"]))).toEqual([
          `s3:${s3.endpoint.replace("http://", "")}/web`,
          `ceph:${rgw().endpoint.replace("http://", "")}/web-set`,
          "swift:web-set",
        ]);

        expect(opsOf(await ws.destroy()).sort()).toEqual(["delete web", "delete web-ceph-web-set", "delete web-s3-web", "delete web-swift-web-set"]);
        expect(await s3.liveRules("web")).toBeNull();
        expect(await bucketOps(rgw().endpoint, rgw(), rgw().region).liveRules("web-set")).toBeNull();
        expect(await (await swiftOps(swift().authUrl, swift().user, swift().key)).corsMeta("web-set")).toEqual({});
      });
    });
  });
});
