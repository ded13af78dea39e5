import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bucketOps } from "../../testkit/s3-bucket-ops";

const root = join(__dirname, "..", "..");
const corsFile = join(root, "examples", "adopt-existing", "cors.json");

/** `npm run s3rver -- ARGS` as npm runs it (cwd the package root), until it prints or exits. */
function start(args: readonly string[]) {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/servers/s3rver-run.ts", ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: join(root, "examples", "adopt-existing") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const ready = new Promise<string>((done, fail) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) done(stdout);
    });
    void exit.then((code) => fail(new Error(`exited with ${String(code)} before serving: ${stderr}`)));
  });
  // The failure tests await only the exit.
  ready.catch(() => undefined);
  return { child, ready, exit, stderr: () => stderr };
}

const storageDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith("bucket-cors-s3rver-"));

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done((server.address() as AddressInfo).port)));
}

describe("npm run s3rver", () => {
  test("serves the named buckets, one with the CORS configuration of an aws-json file, and removes its storage on Ctrl-C", async () => {
    const before = storageDirs();
    const run = start(["--port", "0", "legacy-assets=cors.json", "quickstart-assets"]);
    const line = await run.ready;
    const endpoint = /^s3rver listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(line)?.[1];
    expect(line).toBe(
      `s3rver listening on ${endpoint} (keys S3RVER/S3RVER; buckets: legacy-assets (CORS from ${corsFile}), quickstart-assets); Ctrl-C stops it\n`,
    );
    const ops = bucketOps(endpoint!, { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    try {
      expect(await ops.liveRules("legacy-assets")).toEqual((JSON.parse(readFileSync(corsFile, "utf8")) as { CORSRules: unknown }).CORSRules);
      expect(await ops.liveRules("quickstart-assets")).toBeNull();
    } finally {
      ops.client.destroy();
    }
    expect(storageDirs()).not.toEqual(before);
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe("");
    expect(storageDirs()).toEqual(before);
  }, 60_000);

  test("fails when the port is taken, naming it, and leaves no storage behind", async () => {
    const before = storageDirs();
    const taken = createServer();
    const port = await listen(taken);
    try {
      const run = start(["--port", String(port), "quickstart-assets"]);
      expect(await run.exit).toBe(1);
      expect(run.stderr()).toBe(`s3rver: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`);
    } finally {
      taken.close();
    }
    expect(storageDirs()).toEqual(before);
  }, 60_000);

  test("fails when a CORS file is not an aws-json document, naming the file, and leaves no storage behind", async () => {
    const before = storageDirs();
    // An R2 dashboard export: JSON, but a bare rule array.
    const run = start(["--port", "0", "legacy-assets=../from-dashboard-json/r2-dashboard.json"]);
    expect(await run.exit).toBe(1);
    const file = join(root, "examples", "from-dashboard-json", "r2-dashboard.json");
    expect(run.stderr()).toBe(`s3rver: ${file}: not an aws-json document (no "CORSRules" array)\n`);
    expect(storageDirs()).toEqual(before);
  }, 60_000);
});
