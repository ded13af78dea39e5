import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("npm run demo", () => {
  test("runs to the end without the pulumi CLI and prints the preflight table", () => {
    // Without a pulumi CLI on PATH, whatever this machine has: the stand-in path is the one under test.
    const path = (process.env["PATH"] ?? "").split(":").filter((dir) => !existsSync(join(dir, "pulumi"))).join(":");
    const env = { ...process.env, PATH: path, NO_COLOR: "1" };
    const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/demo/index.ts"], { cwd: root, env, encoding: "utf8", timeout: 240_000 });
    expect(run.stderr).not.toContain("demo failed");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("==> pulumi up (stand-in)");
    expect(lines).toContain("  ~ update  pulumi-nodejs:dynamic/bucket-cors:CorsPolicy quickstart  (rules changed)");
    expect(lines.filter((l) => l.startsWith("https://"))).toEqual([
      expect.stringMatching(/^https:\/\/app\.example\.com +GET +- +200 +allowed +same /),
      expect.stringMatching(/^https:\/\/app\.example\.com +PUT +content-type +200 +allowed +same /),
      expect.stringMatching(/^https:\/\/app\.example\.com +DELETE +- +403 +denied +same /),
      expect.stringMatching(/^https:\/\/evil\.example +GET +- +200 +allowed +same /),
      expect.stringMatching(/^https:\/\/evil\.example +PUT +content-type +403 +denied +same /),
    ]);
    expect(lines).toContain("Done. Nothing is left running.");
  }, 300_000);
});
