/**
 * One rule set on AWS, Cloudflare R2, DigitalOcean Spaces and VNG Cloud vStorage,
 * from stack config. Each target is checked against its own vendor's rules at
 * preview (R2 max-age ≤ 86400; vStorage/Swift holds one rule allowing every
 * method, so widening is accepted explicitly).
 *
 *   pulumi config set awsBucket assets      pulumi config set awsRegion eu-west-1
 *   pulumi config set r2AccountId <id>      pulumi config set r2Bucket assets
 *   pulumi config set spacesBucket assets   pulumi config set spacesRegion nyc3
 *   pulumi config set vstorageContainer media  pulumi config set vstorageRegion hcm03
 * Credentials: AWS default chain; R2_ACCESS_KEY_ID/R2_SECRET_ACCESS_KEY; SPACES_KEY/SPACES_SECRET;
 * OS_AUTH_URL/OS_USERNAME/OS_PASSWORD/OS_PROJECT_NAME for vStorage.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();

const web = cors.rules([
  { id: "app", allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "HEAD", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["ETag"], maxAgeSeconds: 3600 },
  { id: "public", allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
]);

const s3Clouds = new cors.CorsPolicySet("web", {
  targets: [
    cors.targets.aws({ bucket: config.require("awsBucket"), region: config.require("awsRegion") }),
    cors.targets.r2({ accountId: config.require("r2AccountId"), bucket: config.require("r2Bucket"), credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" } }),
    cors.targets.spaces({ bucket: config.require("spacesBucket"), region: config.require("spacesRegion"), credentials: { accessKeyIdEnv: "SPACES_KEY", secretAccessKeyEnv: "SPACES_SECRET" } }),
  ],
  rules: web,
});

// Swift keeps one CORS setting per container and allows every method and header:
// say so explicitly instead of being refused at preview.
const media = new cors.CorsPolicy("media-vstorage", {
  target: cors.targets.vstorage({ container: config.require("vstorageContainer"), region: config.require("vstorageRegion") }),
  rules: web,
  swift: { allowWidening: true },
});

export const resourceIds = pulumi.all([s3Clouds.resourceIds, media.resourceId]);
