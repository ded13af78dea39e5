import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAIN } from "./build";

/** Runs the CLI with its standard output closed before it writes anything (a reader like `head -0` gone). */
function runWithClosedStdout(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.destroy();
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
}

// Issue 11, item 10: the EPIPE handler exited 0 before the command set its exit code.
describe("exit codes survive a closed pipe", () => {
  const dir = mkdtempSync(join(tmpdir(), "bucket-cors-pipe-"));
  const bad = join(dir, "bad.json");
  const good = join(dir, "good.json");
  writeFileSync(bad, JSON.stringify([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["FETCH"] }]));
  writeFileSync(good, JSON.stringify([{ AllowedOrigins: ["https://app.example.com"], AllowedMethods: ["GET"] }]));

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])("lint of an invalid policy exits 1 (run %i)", async () => {
    expect(await runWithClosedStdout(["lint", bad])).toBe(1);
  });

  test("explain of a denied request exits 1", async () => {
    expect(await runWithClosedStdout(["explain", good, "--origin", "https://evil.example.com", "--method", "GET"])).toBe(1);
  });

  test("lint of a valid policy exits 0", async () => {
    expect(await runWithClosedStdout(["lint", good])).toBe(0);
  });
});
