import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../host/paths";
import { literal } from "./programs";

/*
 * Programs declaring the plugin's resource `bucket-cors:index:CorsPolicy` (plugin/, built into
 * dist/plugin by npm run build) through the package's `pulumi-bucket-cors/plugin` class, and the
 * Pulumi.yaml `plugins:` path that makes the engine start the checkout's build.
 */

export const PLUGIN_TOKEN = "bucket-cors:index:CorsPolicy";

/** The package's classes for the plugin's resources (sdk/plugin.ts), as a program imports them. */
const IMPORT = `import { CorsPolicy as PluginCorsPolicy, CorsPolicySet as PluginCorsPolicySet } from "pulumi-bucket-cors/plugin";`;

/** `new PluginCorsPolicy(name, args, options)`; `options` is TS source (e.g. `{ import: "s3:…" }`). */
export function pluginPolicy(name: string, args: Record<string, unknown>, options?: string): string {
  return `new PluginCorsPolicy(${JSON.stringify(name)}, ${literal(args)}${options === undefined ? "" : `, ${options}`});`;
}

/** `new PluginCorsPolicySet(name, args)`: the plugin's component, constructed by the plugin. */
export function pluginPolicySet(name: string, args: Record<string, unknown>): string {
  return `new PluginCorsPolicySet(${JSON.stringify(name)}, ${literal(args)});`;
}

/** A whole program: the imports, then the statements (pluginPolicy's, or any other). */
export function pluginProgram(...statements: string[]): string {
  return [`import * as pulumi from "@pulumi/pulumi";`, IMPORT, ...statements, ""].join("\n");
}

/**
 * dist/plugin, the directory `npm run build` puts the plugin's launcher in, for a Pulumi.yaml
 * `plugins:` path. Without the launcher the engine reports a missing PulumiPlugin.yaml instead.
 */
export function pluginBuildDir(): string {
  const dir = path.join(repoRoot(), "dist", "plugin");
  const launcher = path.join(dir, "pulumi-resource-bucket-cors");
  if (!fs.existsSync(launcher)) throw new Error(`${launcher} does not exist: run npm run build (it builds the provider plugin)`);
  return dir;
}

/** Makes the project's engine start dist/plugin/pulumi-resource-bucket-cors for the bucket-cors package (the checkout route). */
export function usePluginBuild(projectDir: string): void {
  const yaml = path.join(projectDir, "Pulumi.yaml");
  fs.appendFileSync(yaml, `plugins:\n  providers:\n    - name: bucket-cors\n      path: ${pluginBuildDir()}\n`);
}
