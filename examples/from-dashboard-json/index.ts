/**
 * Policies kept as the documents people paste: an R2 dashboard JSON array and an
 * S3 XML file, used as `document`. The format is detected and normalized, so the
 * preview diff is semantic either way.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();

new cors.CorsPolicy("dashboard-json", {
  target: cors.targets.r2({ accountId: config.require("r2AccountId"), bucket: config.require("r2Bucket"), credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" } }),
  document: fs.readFileSync(path.join(__dirname, "r2-dashboard.json"), "utf8"),
});

new cors.CorsPolicy("s3-xml", {
  target: cors.targets.aws({ bucket: config.require("awsBucket"), region: config.require("awsRegion") }),
  document: fs.readFileSync(path.join(__dirname, "cors.xml"), "utf8"),
});
