import * as fs from "node:fs";
import * as path from "node:path";

/** The folders of examples/, each a Pulumi project. */
export const EXAMPLES = ["quickstart", "multi-cloud", "from-dashboard-json", "adopt-existing"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/**
 * Packages an example's own code requires besides Pulumi and this package, each at the version of
 * this repository's package.json (multi-cloud's s3-bucket.ts creates a bucket with the AWS SDK).
 */
export const EXTRA_DEPENDENCIES: Readonly<Record<ExampleName, readonly string[]>> = {
  quickstart: [],
  "multi-cloud": ["@aws-sdk/client-s3"],
  "from-dashboard-json": [],
  "adopt-existing": [],
};

const ROOT = path.join(__dirname, "..", "..", "examples");

export function exampleDir(name: ExampleName): string {
  return path.join(ROOT, name);
}

/** The example's files a user copies (everything but README.md and the .gitignore'd bin/ and node_modules/). */
export function exampleFiles(name: ExampleName): string[] {
  return fs
    .readdirSync(exampleDir(name))
    .filter((file) => !["README.md", "bin", "node_modules"].includes(file))
    .sort();
}

/** The project name in the example's Pulumi.yaml. */
export function projectName(name: ExampleName): string {
  const match = /^name: (\S+)$/m.exec(fs.readFileSync(path.join(exampleDir(name), "Pulumi.yaml"), "utf8"));
  if (match?.[1] === undefined) throw new Error(`examples/${name}/Pulumi.yaml has no name`);
  return match[1];
}
