/**
 * Quickstart: one bucket's CORS policy. AWS S3 by default; any other
 * S3-compatible service (s3rver, Ceph RGW, MinIO-like gateways) when `endpoint`
 * is set. The commands are in README.md next to this file.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
const bucket = config.require("bucket");
// Unset: AWS S3 in `region`. Set: that endpoint, path-style.
const endpoint = config.get("endpoint");
const region = config.get("region") ?? "us-east-1";
// Lets the app upload straight from the browser (PUT with a content-type).
const allowUploads = config.getBoolean("allowUploads") ?? false;

const web = cors.rules([
  {
    id: "app",
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: allowUploads ? ["GET", "HEAD", "PUT"] : ["GET", "HEAD"],
    allowedHeaders: ["content-type", "x-amz-*"],
    exposeHeaders: ["ETag"],
    maxAgeSeconds: 3600,
  },
  { id: "public-read", allowedOrigins: ["*"], allowedMethods: ["GET"] },
]);

const policy = new cors.CorsPolicy("quickstart", {
  // Credentials are never inputs: provider config bucket-cors:accessKeyId/secretAccessKey, else the AWS default chain.
  target: endpoint === undefined ? cors.targets.aws({ bucket, region }) : cors.targets.s3({ bucket, endpoint, region }),
  rules: web,
  // onExisting is left at "fail": if the bucket already has a CORS configuration, up refuses and
  // changes nothing. Set it to "adopt" to take over one that already means the same as `web`.
});

export const resourceId = policy.resourceId;
export const fingerprint = policy.fingerprint;
export const appliedRules = policy.rules;
