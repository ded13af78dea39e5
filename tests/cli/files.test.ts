import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt } from "./build";
import { runCli } from "./run-cli";

// Issue 11, items 9 and 11, and issue 12, item 9: files are size-checked before reading, and bytes that are not UTF-8 are refused.
describe("policy files are bounded and must be UTF-8", () => {
  const dir = mkdtempSync(join(tmpdir(), "bucket-cors-files-"));
  beforeAll(ensureBuilt, 300_000);

  test("/dev/zero ends at once: read one byte past the limit, then refused (exit 1)", async () => {
    const started = Date.now();
    const run = await runCli(["lint", "/dev/zero"]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: /dev/zero is larger (reading stopped there), more than the 262144-byte limit of a CORS document (S3 accepts at most 64 KB) — check that this is the right file\n",
    });
    expect(Date.now() - started).toBeLessThan(5_000); // the process start dominates; it read 256 KiB, not 4 GB
  });

  test("a 10 MiB file is refused by its size on disk, before reading", async () => {
    const big = join(dir, "big.json");
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024, 0x20));
    const run = await runCli(["lint", big]);
    expect([run.code, run.stderr]).toEqual([
      1,
      `error: ${big} is 10485760 bytes, more than the 262144-byte limit of a CORS document (S3 accepts at most 64 KB) — check that this is the right file\n`,
    ]);
  });

  test("invalid UTF-8 is refused with the offset of the first bad byte, even after a real U+FFFD", async () => {
    const file = join(dir, "latin1.json");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('[{"AllowedOrigins":["https://\uFFFD.example"],"ID":"caf'), Buffer.from([0xe9]), Buffer.from('","AllowedMethods":["GET"]}]')]),
    );
    const run = await runCli(["lint", file]);
    expect([run.code, run.stderr]).toEqual([
      1,
      `error: ${file} is not valid UTF-8: byte 52 (0xE9) is not part of a UTF-8 character — save the file as UTF-8\n`,
    ]);
  });

  test("standard input is bounded the same way", async () => {
    const run = await runCli(["lint", "-"], { input: " ".repeat(300 * 1024) });
    expect([run.code, run.stderr]).toEqual([
      1,
      "error: - is larger (reading stopped there), more than the 262144-byte limit of a CORS document (S3 accepts at most 64 KB) — check that this is the right file\n",
    ]);
  });
});
