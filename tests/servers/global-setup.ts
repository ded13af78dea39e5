import { createServer, type AddressInfo } from "node:net";
import type { GlobalConfig, ProjectConfig } from "jest";
import { startServer, stopAll, sweepOrphans } from "./running";
import { installCommand, instanceEnvFileVar, isInstalled, readEnvFile, realServersRequired, SERVER_KINDS, SERVERS, type ServerKind } from "./scripts";
import { selectedTestsNeedingServers } from "./selection";

/**
 * jest globalSetup: starts real Ceph RGW and OpenStack Swift on loopback, once per run, when the
 * selected tests use them and the Debian packages are installed (it never installs them).
 *
 * Each jest worker gets its own instance of each server (when more than one selected file uses
 * them), so that suites running at the same time never share a bucket or container: the suites
 * name their buckets freely (`assets`, `media`, …) and the S3 bucket namespace is server-wide.
 *
 * Test files learn about a server through variables set here (jest hands globalSetup's
 * process.env to the workers): `BCORS_<KIND>_ENV_FILE` and the values of that file
 * (`RGW_ENDPOINT`, `RGW_ACCESS_KEY_ID`, `RGW_SECRET_ACCESS_KEY`, `RGW_REGION`; `SWIFT_AUTH_URL`,
 * `SWIFT_USER`, `SWIFT_KEY`, `SWIFT_STORAGE_URL`) are instance 1's; `BCORS_<KIND>_ENV_FILE_<N>`
 * names instance N's file, which tests/servers/environment.ts puts in place for worker N. Or
 * `BCORS_<KIND>_UNAVAILABLE` with the reason. With `REQUIRE_REAL_SERVERS=1` (CI) a missing
 * package or a failed start fails the run.
 */
export default async function globalSetup(globalConfig: GlobalConfig, projectConfig: ProjectConfig): Promise<void> {
  sweepOrphans();
  const needing = selectedTestsNeedingServers(globalConfig, projectConfig);
  if (needing === 0) {
    for (const kind of SERVER_KINDS) markUnavailable(kind, "not started: no selected test file uses tests/servers/real-servers.ts");
    return;
  }
  const required = realServersRequired();
  const kinds = installedKinds(required);
  // One file runs on one worker at a time: a single instance serves it whichever worker it lands on.
  const instances = needing > 1 ? Math.max(1, globalConfig.maxWorkers) : 1;
  if (kinds.length > 0) await startAll(kinds, instances, required);
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

/**
 * Starts `instances` of each of `kinds` on free ports and publishes each kind whose every instance
 * came up. Instances start in rounds (each round starts one of each kind in parallel): the scripts
 * pick their servers' inner ports at start, and two starts at once could pick the same one.
 */
async function startAll(kinds: readonly ServerKind[], instances: number, required: boolean): Promise<void> {
  const started = Date.now();
  const lines: string[] = [];
  const failures: string[] = [];
  const failed = new Set<ServerKind>();
  const up: Partial<Record<ServerKind, string[]>> = {};
  for (let instance = 1; instance <= instances; instance++) {
    const round = kinds.filter((kind) => !failed.has(kind));
    const ports = await freePorts(round.length);
    const results = await Promise.allSettled(round.map((kind, i) => timed(startServer(kind, instance, ports[i]!))));
    results.forEach((result, i) => {
      const kind = round[i]!;
      if (result.status === "fulfilled") {
        (up[kind] ??= []).push(result.value.value);
        lines.push(`${SERVERS[kind].title} #${instance} at 127.0.0.1:${ports[i]} (${seconds(result.value.ms)})`);
      } else {
        failed.add(kind);
        failures.push(`${SERVERS[kind].title} #${instance} failed to start: ${String(result.reason)}`);
      }
    });
  }
  for (const kind of kinds) {
    const files = up[kind] ?? [];
    if (files.length === instances) publish(kind, files);
    else markUnavailable(kind, `${SERVERS[kind].title} failed to start (see the jest globalSetup output)`);
  }
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

/** Instance 1 as the default (`BCORS_<KIND>_ENV_FILE` and its values); every instance's file as `BCORS_<KIND>_ENV_FILE_<N>`. */
function publish(kind: ServerKind, envFiles: readonly string[]): void {
  delete process.env[SERVERS[kind].unavailableVar];
  envFiles.forEach((file, i) => (process.env[instanceEnvFileVar(kind, i + 1)] = file));
  process.env[SERVERS[kind].envFileVar] = envFiles[0]!;
  for (const [key, value] of Object.entries(readEnvFile(envFiles[0]!))) process.env[key] = value;
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
