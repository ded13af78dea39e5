/**
 * One rule set on AWS, Cloudflare R2, DigitalOcean Spaces and VNG Cloud vStorage,
 * from stack config. Each target is checked against its own vendor's rules at
 * preview (R2 max-age ≤ 86400; vStorage/Swift holds one rule allowing every
 * method, so widening is accepted explicitly). The commands are in README.md next to this file.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();

/** `<key>` from config as the preset's `endpoint` when set; unset, the vendor's own endpoint. */
function endpointFrom(key: string): { endpoint: string } | Record<string, never> {
  const endpoint = config.get(key);
  return endpoint === undefined ? {} : { endpoint };
}

const web = cors.rules([
  { id: "app", allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "HEAD", "PUT"], allowedHeaders: ["content-type"], exposeHeaders: ["ETag"], maxAgeSeconds: 3600 },
  { id: "public", allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
]);

const s3Clouds = new cors.CorsPolicySet("web", {
  targets: [
    cors.targets.aws({ bucket: config.require("awsBucket"), region: config.require("awsRegion"), ...endpointFrom("awsEndpoint") }),
    cors.targets.r2({
      accountId: config.require("r2AccountId"),
      bucket: config.require("r2Bucket"),
      ...endpointFrom("r2Endpoint"),
      credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" },
    }),
    cors.targets.spaces({
      bucket: config.require("spacesBucket"),
      region: config.require("spacesRegion"),
      ...endpointFrom("spacesEndpoint"),
      credentials: { accessKeyIdEnv: "SPACES_KEY", secretAccessKeyEnv: "SPACES_SECRET" },
    }),
  ],
  rules: web,
});

// Swift keeps one CORS setting per container and allows every method and header:
// say so explicitly instead of being refused at preview.
const media = new cors.CorsPolicy("media-vstorage", {
  target: cors.targets.vstorage({ container: config.require("vstorageContainer"), region: config.require("vstorageRegion"), ...endpointFrom("vstorageEndpoint") }),
  rules: web,
  swift: { allowWidening: true },
});

export const resourceIds = pulumi.all([s3Clouds.resourceIds, media.resourceId]);
