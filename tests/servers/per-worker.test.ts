import { execFileSync } from "node:child_process";
import { readEnvFile, instanceEnvFileVar, SERVER_KINDS, SERVERS, type ServerKind } from "./scripts";
import { rgwServer, describeWithRgw } from "./real-servers";

// global-setup starts one instance of each real server per jest worker when more than one
// selected file uses them; tests/servers/environment.ts puts worker N's in place. Suites name
// buckets freely (`assets` in two suites), so two workers on one server would race.
const worker = Number(process.env["JEST_WORKER_ID"] ?? "1");
/** The value in each kind's env file that tells one instance from another. */
const ADDRESS: Readonly<Record<ServerKind, string>> = { rgw: "RGW_ENDPOINT", swift: "SWIFT_STORAGE_URL", versitygw: "VERSITYGW_ENDPOINT" };

describeWithRgw("each jest worker reaches its own real servers", () => {
  test.each(SERVER_KINDS)("%s: this worker's instance is the one the suites read", (kind) => {
    const own = process.env[instanceEnvFileVar(kind, worker)] ?? process.env[instanceEnvFileVar(kind, 1)];
    expect(own).toBeDefined();
    expect(process.env[SERVERS[kind].envFileVar]).toBe(own);
    expect(process.env[ADDRESS[kind]]).toBe(readEnvFile(own!)[ADDRESS[kind]]);
  });

  test.each(SERVER_KINDS)("%s: instances of several workers are distinct servers", (kind) => {
    const files = [1, 2, 3, 4].flatMap((n) => process.env[instanceEnvFileVar(kind, n)] ?? []);
    const endpoints = files.map((file) => readEnvFile(file)[ADDRESS[kind]]);
    expect(new Set(endpoints).size).toBe(files.length);
  });

  test("a child process spawned without an env inherits this worker's instance", () => {
    const seen = execFileSync(process.execPath, ["-e", "process.stdout.write(process.env.RGW_ENDPOINT ?? '')"], { encoding: "utf8" });
    expect(seen).toBe(rgwServer()?.endpoint);
  });
});
