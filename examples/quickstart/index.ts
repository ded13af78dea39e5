/**
 * Quickstart: one bucket's CORS policy on an S3-compatible endpoint.
 * `npm run demo` runs this program against an embedded s3rver; with your own
 * endpoint: `pulumi config set endpoint https://…` and export the credentials.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
const endpoint = config.get("endpoint") ?? process.env["QUICKSTART_ENDPOINT"] ?? "http://127.0.0.1:4568";
const bucket = config.get("bucket") ?? process.env["QUICKSTART_BUCKET"] ?? "quickstart-assets";
// "initial" on the first run; "changed" shows an update (the demo switches it).
const variant = config.get("variant") ?? process.env["QUICKSTART_VARIANT"] ?? "initial";

const web = cors.rules([
  {
    id: "app",
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: variant === "changed" ? ["GET", "HEAD", "PUT"] : ["GET", "HEAD"],
    allowedHeaders: ["content-type", "x-amz-*"],
    exposeHeaders: ["ETag"],
    maxAgeSeconds: 3600,
  },
  { id: "public-read", allowedOrigins: ["*"], allowedMethods: ["GET"] },
]);

const policy = new cors.CorsPolicy("quickstart", {
  target: cors.targets.s3({
    bucket,
    endpoint,
    // Names of the variables holding the keys, read when the provider runs; never the keys themselves.
    credentials: { accessKeyIdEnv: "QUICKSTART_ACCESS_KEY_ID", secretAccessKeyEnv: "QUICKSTART_SECRET_ACCESS_KEY" },
  }),
  rules: web,
  onExisting: "overwrite",
});

export const resourceId = policy.resourceId;
export const fingerprint = policy.fingerprint;
export const appliedRules = policy.rules;
