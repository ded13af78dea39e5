import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../host/paths";
import { literal } from "./programs";

/*
 * Programs declaring the plugin's resource `bucket-cors:index:CorsPolicy` (plugin/, built into
 * dist/plugin by npm run build) without a generated SDK: the class a user writes over the type
 * token, and the Pulumi.yaml `plugins:` path that makes the engine start the checkout's build.
 */

export const PLUGIN_TOKEN = "bucket-cors:index:CorsPolicy";

/** The class a program without a generated SDK writes over the type token. */
const CLASS = `class PluginCorsPolicy extends pulumi.CustomResource {
  declare readonly fingerprint: pulumi.Output<string>;
  constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(${JSON.stringify(PLUGIN_TOKEN)}, name, { ...args, fingerprint: undefined }, opts);
  }
}`;

/** `new PluginCorsPolicy(name, args, options)`; `options` is TS source (e.g. `{ import: "s3:…" }`). */
export function pluginPolicy(name: string, args: Record<string, unknown>, options?: string): string {
  return `new PluginCorsPolicy(${JSON.stringify(name)}, ${literal(args)}${options === undefined ? "" : `, ${options}`});`;
}

/** A whole program: the class, then the statements (pluginPolicy's, or any other). */
export function pluginProgram(...statements: string[]): string {
  return [`import * as pulumi from "@pulumi/pulumi";`, CLASS, ...statements, ""].join("\n");
}

/** Makes the project's engine start dist/plugin/pulumi-resource-bucket-cors for the bucket-cors package (the checkout route). */
export function usePluginBuild(projectDir: string): void {
  const yaml = path.join(projectDir, "Pulumi.yaml");
  fs.appendFileSync(yaml, `plugins:\n  providers:\n    - name: bucket-cors\n      path: ${path.join(repoRoot(), "dist", "plugin")}\n`);
}
