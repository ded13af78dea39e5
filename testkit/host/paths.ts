import * as fs from "fs";
import * as path from "path";

/** The repository root: the nearest directory above this file whose package.json is ours. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && readJson(manifest)["name"] === "pulumi-bucket-cors") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-bucket-cors package.json above ${__dirname}`);
  }
}

/** `<repo>/.tmp` (gitignored): every file the harness writes lives under it. */
export function tmpRoot(repo = repoRoot()): string {
  return path.join(repo, ".tmp");
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}
