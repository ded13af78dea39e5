import { createServer, type AddressInfo } from "node:net";
import type { GlobalConfig, ProjectConfig } from "jest";
import { startServer, stopAll, sweepOrphans } from "./running";
import { installCommand, isInstalled, readEnvFile, realServersRequired, SERVER_KINDS, SERVERS, type ServerKind } from "./scripts";
import { selectedTestsNeedServers } from "./selection";

/**
 * jest globalSetup: starts real Ceph RGW and OpenStack Swift on loopback, once per run, when the
 * selected tests use them and the Debian packages are installed (it never installs them).
 *
 * Test files learn about a server through variables set here (jest hands globalSetup's
 * process.env to the workers): `BCORS_<KIND>_ENV_FILE` and the values of that file
 * (`RGW_ENDPOINT`, `RGW_ACCESS_KEY_ID`, `RGW_SECRET_ACCESS_KEY`, `RGW_REGION`; `SWIFT_AUTH_URL`,
 * `SWIFT_USER`, `SWIFT_KEY`, `SWIFT_STORAGE_URL`), or `BCORS_<KIND>_UNAVAILABLE` with the reason.
 * With `REQUIRE_REAL_SERVERS=1` (CI) a missing package or a failed start fails the run.
 */
export default async function globalSetup(globalConfig: GlobalConfig, projectConfig: ProjectConfig): Promise<void> {
  sweepOrphans();
  if (!selectedTestsNeedServers(globalConfig, projectConfig)) {
    for (const kind of SERVER_KINDS) markUnavailable(kind, "not started: no selected test file uses tests/servers/real-servers.ts");
    return;
  }
  const required = realServersRequired();
  const kinds = installedKinds(required);
  if (kinds.length > 0) await startAll(kinds, required);
}

/** The kinds whose packages are installed; the others are marked unavailable with a loud notice, or fail the run when required. */
function installedKinds(required: boolean): ServerKind[] {
  const missing = SERVER_KINDS.filter((kind) => !isInstalled(kind));
  if (missing.length > 0) {
    const what = missing.map((kind) => `${SERVERS[kind].title} (${SERVERS[kind].binary} not found)`).join(" and ");
    if (required)
      throw new Error(`REQUIRE_REAL_SERVERS is set but ${what} ${missing.length > 1 ? "are" : "is"} not installed. Install: ${installCommand(missing)}`);
    for (const kind of missing) markUnavailable(kind, `${SERVERS[kind].title} is not installed; install: ${installCommand([kind])}`);
    notice([
      `${what}: NOT INSTALLED, their suites are SKIPPED.`,
      `Install: ${installCommand(missing)}`,
      "Set REQUIRE_REAL_SERVERS=1 to make this an error instead.",
    ]);
  }
  return SERVER_KINDS.filter((kind) => !missing.includes(kind));
}

/** Starts `kinds` in parallel on free ports and publishes each one that came up. */
async function startAll(kinds: readonly ServerKind[], required: boolean): Promise<void> {
  const ports = await freePorts(kinds.length);
  const started = Date.now();
  const results = await Promise.allSettled(kinds.map((kind, i) => timed(startServer(kind, ports[i]!))));
  const lines: string[] = [];
  const failures: string[] = [];
  results.forEach((result, i) => {
    const kind = kinds[i]!;
    if (result.status === "fulfilled") {
      publish(kind, result.value.value);
      lines.push(`${SERVERS[kind].title} at 127.0.0.1:${ports[i]} (${seconds(result.value.ms)})`);
    } else {
      failures.push(`${SERVERS[kind].title} failed to start: ${String(result.reason)}`);
      markUnavailable(kind, `${SERVERS[kind].title} failed to start (see the jest globalSetup output)`);
    }
  });
  if (failures.length > 0 && required) {
    await stopAll();
    throw new Error(`REQUIRE_REAL_SERVERS is set and a real server failed to start.\n${failures.join("\n")}`);
  }
  if (failures.length > 0) notice([...failures, "Their suites are SKIPPED. Set REQUIRE_REAL_SERVERS=1 to make this an error instead."]);
  if (lines.length > 0) process.stderr.write(`\nreal servers: ${lines.join(", ")}; ready in ${seconds(Date.now() - started)}\n`);
}

async function timed<T>(promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await promise;
  return { value, ms: Date.now() - start };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Free loopback ports, held open together so they are distinct. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))),
    ),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function publish(kind: ServerKind, envFile: string): void {
  delete process.env[SERVERS[kind].unavailableVar];
  process.env[SERVERS[kind].envFileVar] = envFile;
  for (const [key, value] of Object.entries(readEnvFile(envFile))) process.env[key] = value;
}

function markUnavailable(kind: ServerKind, reason: string): void {
  delete process.env[SERVERS[kind].envFileVar];
  process.env[SERVERS[kind].unavailableVar] = reason;
}

/** A boxed notice on stderr, printed once per run: skipped real-server suites must not go unnoticed. */
function notice(lines: readonly string[]): void {
  const bar = "=".repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((line) => `!! ${line}`).join("\n")}\n${bar}\n`);
}
