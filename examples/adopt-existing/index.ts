/**
 * Bring a bucket whose CORS was set by hand (console, CLI) under management.
 * `pulumi import` cannot import dynamic resources (pulumi/pulumi#16175), so:
 *   1. `bucket-cors get --service aws --bucket assets --region eu-west-1 --format aws-json > cors.json`
 *   2. declare the policy with that document and onExisting: "adopt": the first `pulumi up`
 *      takes it over without writing, and fails (changing nothing) if the bucket differs;
 *   3. edit the rules from then on like any other resource.
 * The commands are in README.md next to this file.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();
const bucket = config.require("bucket");
const region = config.require("region");
// Unset: AWS's endpoint for the region. Set: another S3 endpoint speaking for the bucket (a local test server).
const endpoint = config.get("endpoint");

export const adopted = new cors.CorsPolicy("adopted", {
  target: cors.targets.aws(endpoint === undefined ? { bucket, region } : { bucket, region, endpoint }),
  // Pulumi runs the program in the project directory, so the path is relative to it.
  document: fs.readFileSync("cors.json", "utf8"),
  onExisting: "adopt",
}).resourceId;
