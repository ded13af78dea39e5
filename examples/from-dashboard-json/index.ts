/**
 * Policies kept as the documents people paste: an R2 dashboard JSON array and an
 * S3 XML file, used as `document`. The format is detected and normalized, so the
 * preview diff is semantic either way. The commands are in README.md next to this file.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
// Unset: the vendor's endpoint (R2: https://{r2AccountId}.r2.cloudflarestorage.com; AWS: the region's).
const r2Endpoint = config.get("r2Endpoint");
const awsEndpoint = config.get("awsEndpoint");

// Pulumi runs the program in the project directory, so the paths are relative to it.
new cors.CorsPolicy("dashboard-json", {
  target: cors.targets.r2({
    accountId: config.require("r2AccountId"),
    bucket: config.require("r2Bucket"),
    ...(r2Endpoint === undefined ? {} : { endpoint: r2Endpoint }),
    credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" },
  }),
  document: fs.readFileSync("r2-dashboard.json", "utf8"),
});

new cors.CorsPolicy("s3-xml", {
  target: cors.targets.aws({
    bucket: config.require("awsBucket"),
    region: config.require("awsRegion"),
    ...(awsEndpoint === undefined ? {} : { endpoint: awsEndpoint }),
  }),
  document: fs.readFileSync("cors.xml", "utf8"),
});
