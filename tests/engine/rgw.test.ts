import { describeWithRgw } from "../servers/real-servers";
import { bucketOps } from "../support/s3-bucket-ops";
import { s3EngineSuite } from "./s3-engine-suite";

describeWithRgw("Ceph RGW (real server)", (rgw) => {
  s3EngineSuite(
    "Ceph RGW",
    async () => {
      const info = rgw();
      return {
        name: "Ceph RGW",
        preset: "ceph",
        profile: "ceph",
        title: "Ceph RGW",
        ops: bucketOps(info.endpoint, info, info.region),
        otherSpelling: info.endpoint.replace("127.0.0.1", "localhost"),
        // global-setup put the values in the environment under these names.
        credentialEnv: {},
        credentials: info.credentialEnv,
        secret: info.secretAccessKey,
        deniedExplanation: "(status 403) (ceph rules) — rules[0]: origin \"https://evil.example\" matches none of \"https://app.example.com\"; no rule lists the origin: 403",
        configKeys: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
      };
    },
    async () => undefined,
  );
});
