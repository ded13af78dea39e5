import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt } from "./build";
import { jsonOf, runCli, stderrOf } from "./run-cli";

// Issue 23, item C: --target-file was read whole (/dev/zero grew to 16.8 GB and aborted after 67 s),
// and its JSON error quoted the file's first characters. It goes through the policy files' capped reader.
describe("--target-file is bounded and its errors show none of its text", () => {
  const dir = mkdtempSync(join(tmpdir(), "bucket-cors-target-file-"));
  const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
  beforeAll(ensureBuilt, 300_000);

  test("fails at once on /dev/zero: read one byte past the limit, then refused (exit 1)", async () => {
    const started = Date.now();
    const run = await runCli(["get", "--target-file", "/dev/zero"]);
    expect({ code: run.code, stdout: run.stdout, stderr: stderrOf(run) }).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: /dev/zero is larger (reading stopped there), more than the 1048576-byte limit of a target file — check that this is the right file\n",
    });
    expect(Date.now() - started).toBeLessThan(10_000); // it read 1 MiB, not 16.8 GB
  });

  test("fails when the target file is not JSON, without its text, even as --json", async () => {
    const file = join(dir, "pasted.json");
    writeFileSync(file, `{ "profile": "aws", "bucket": "assets", secretAccessKey: "${SECRET}" }`);
    const message = `target file ${JSON.stringify(file)} is not JSON; its text is not shown, in case it holds a secret — write a Target object such as {"profile": "r2", "accountId": "…", "bucket": "assets"}`;
    const plain = await runCli(["get", "--target-file", file]);
    expect([plain.code, plain.stdout, stderrOf(plain)]).toEqual([2, "", `error: ${message}\n`]);
    const json = await runCli(["get", "--target-file", file, "--json"]);
    expect(json.code).toBe(2);
    expect((jsonOf(json) as { error: { message: string } }).error.message).toBe(message);
    for (const text of [plain.stdout, plain.stderr, json.stdout, json.stderr]) expect(text).not.toContain("wJalr");
  });

  test("fails when the target file starts with the secret itself: nothing of it is shown", async () => {
    const file = join(dir, "bare.json");
    writeFileSync(file, SECRET);
    const run = await runCli(["get", "--target-file", file, "--json"]);
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).not.toContain("wJalr");
  });
});
