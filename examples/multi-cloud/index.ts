/**
 * One rule set on AWS, Cloudflare R2, DigitalOcean Spaces and VNG Cloud vStorage,
 * from stack config. Each target is checked against its own vendor's rules at
 * preview (R2 max-age ≤ 86400; vStorage/Swift holds one rule allowing every
 * method, so widening is accepted explicitly). One Space, `uploads`, is created by this program
 * and its name passed to the preset as an Output. The commands are in README.md next to this file.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";
import { S3Bucket } from "./s3-bucket";

const config = new pulumi.Config();

/** `<key>` from config as the preset's `endpoint` when set; unset, the vendor's own endpoint. */
function endpointFrom(key: string): { endpoint: string } | Record<string, never> {
  const endpoint = config.get(key);
  return endpoint === undefined ? {} : { endpoint };
}

const web = cors.rules([
  {
    id: "app",
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: ["GET", "HEAD", "PUT"],
    allowedHeaders: ["content-type"],
    exposeHeaders: ["ETag"],
    maxAgeSeconds: 3600,
  },
  { id: "public", allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
]);

const spacesRegion = config.require("spacesRegion");
const spacesCredentials = { accessKeyIdEnv: "SPACES_KEY", secretAccessKeyEnv: "SPACES_SECRET" };

const s3Clouds = new cors.CorsPolicySet("web", {
  targets: [
    cors.targets.aws({ bucket: config.require("awsBucket"), region: config.require("awsRegion"), ...endpointFrom("awsEndpoint") }),
    cors.targets.r2({
      accountId: config.require("r2AccountId"),
      bucket: config.require("r2Bucket"),
      ...endpointFrom("r2Endpoint"),
      credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" },
    }),
    cors.targets.spaces({ bucket: config.require("spacesBucket"), region: spacesRegion, ...endpointFrom("spacesEndpoint"), credentials: spacesCredentials }),
  ],
  rules: web,
});

// Swift keeps one CORS setting per container and allows every method and header:
// say so explicitly instead of being refused at preview.
const media = new cors.CorsPolicy("media-vstorage", {
  target: cors.targets.vstorage({
    container: config.require("vstorageContainer"),
    region: config.require("vstorageRegion"),
    ...endpointFrom("vstorageEndpoint"),
  }),
  rules: web,
  swift: { allowWidening: true },
});

// A Space created here (on AWS: `new aws.s3.BucketV2(...)`, see s3-bucket.ts). Its name is an
// Output: preview checks the rules before the Space exists, and `up` applies them once it does.
const uploads = new S3Bucket("uploads", {
  endpoint: config.get("spacesEndpoint") ?? `https://${spacesRegion}.digitaloceanspaces.com`,
  region: spacesRegion,
  name: config.require("uploadsBucket"),
  credentials: spacesCredentials,
});
const uploadsCors = new cors.CorsPolicy("uploads", {
  target: cors.targets.spaces({ bucket: uploads.name, region: spacesRegion, ...endpointFrom("spacesEndpoint"), credentials: spacesCredentials }),
  rules: web,
});

export const resourceIds = pulumi.all([s3Clouds.resourceIds, media.resourceId, uploadsCors.resourceId]);
export const uploadsBucket = uploads.name;
