/**
 * Bring a bucket whose CORS was set by hand (console, CLI) under management.
 * `pulumi import` cannot import dynamic resources (pulumi/pulumi#16175), so:
 *   1. `bucket-cors get --profile aws --bucket assets --region eu-west-1 --format aws-json > cors.json`
 *   2. declare the policy with that document and onExisting: "adopt": the first `pulumi up`
 *      takes it over without writing, and fails (changing nothing) if the bucket differs;
 *   3. edit the rules from then on like any other resource.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as cors from "pulumi-bucket-cors";

const config = new pulumi.Config();

export const adopted = new cors.CorsPolicy("adopted", {
  target: cors.targets.aws({ bucket: config.require("bucket"), region: config.require("region") }),
  document: fs.readFileSync(path.join(__dirname, "cors.json"), "utf8"),
  onExisting: "adopt",
}).resourceId;
