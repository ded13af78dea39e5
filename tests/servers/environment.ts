import { TestEnvironment } from "jest-environment-node";
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { instanceEnvFileVar, readEnvFile, SERVER_KINDS, SERVERS } from "./scripts";

/**
 * jest's node environment, with this worker's own real servers in place: global-setup starts one
 * instance of each server per worker and names instance N's env file in `BCORS_<KIND>_ENV_FILE_<N>`;
 * here worker N (`JEST_WORKER_ID`) makes it `BCORS_<KIND>_ENV_FILE` and sets its values.
 *
 * This runs in the worker's own context, not a test file's sandbox: the values land in the
 * worker's real `process.env`, which the sandbox copies and child processes spawned without an
 * explicit env (the CLI, pulumi) inherit.
 */
export default class RealServersEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    useWorkerInstances(Number(process.env["JEST_WORKER_ID"] ?? "1"));
    super(config, context);
  }
}

function useWorkerInstances(worker: number): void {
  for (const kind of SERVER_KINDS) {
    const file = process.env[instanceEnvFileVar(kind, worker)];
    // No instance for this worker: one instance serves the run (global-setup), or none is running.
    if (file === undefined || process.env[SERVERS[kind].envFileVar] === file) continue;
    process.env[SERVERS[kind].envFileVar] = file;
    for (const [key, value] of Object.entries(readEnvFile(file))) process.env[key] = value;
  }
}
