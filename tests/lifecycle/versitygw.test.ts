import { bucketOps } from "../../testkit/s3-bucket-ops";
import { describeWithVersitygw } from "../servers/real-servers";
import { s3LifecycleSuite } from "./s3-lifecycle-suite";

// versitygw checks SigV4 signatures and stores CORS as sent (docs/test-servers.md, "versitygw"),
// so the shared suite runs on it unchanged.
describeWithVersitygw("versitygw (real server)", (versitygw) => {
  s3LifecycleSuite(
    "versitygw",
    async () => {
      const info = versitygw();
      return {
        name: "versitygw",
        profile: "versitygw",
        title: "versitygw",
        ops: bucketOps(info.endpoint, info, info.region),
        credentials: info.credentialEnv,
        secret: info.secretAccessKey,
      };
    },
    async () => undefined,
  );
});
