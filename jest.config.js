/** @type {import('jest').Config} */
module.exports = {
  // jest's node environment, giving each worker its own real servers (tests/servers/environment.ts).
  testEnvironment: "<rootDir>/tests/servers/environment.ts",
  // Two workers on the 2-core CI machine (jest's default there is one): timer-bound suites
  // (faults, deadlines) overlap the CPU-bound engine suites. Safe because each worker has its own
  // Ceph RGW and Swift (tests/servers/global-setup.ts); `--maxWorkers` / `-i` still override it.
  maxWorkers: 2,
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // Two workers share two cores, so a CPU-bound test (several in-process engine runs) takes up to
  // twice as long as alone: a hang is still reported, after two minutes.
  testTimeout: 120000,
  // How long jest waits for an idle worker to exit at the end before killing it with "A worker
  // process has failed to exit gracefully". The workers hold no open handle (only jest's IPC pipe
  // and stdio, and they exit within 5 ms of jest's end message), but under the shared machine's
  // load the parent notices that after its default 500 ms: 5 of 6 two-file runs warned, 0 of 3 with this.
  workerGracefulExitTimeout: 3000,
  // The AWS SDK's Node 20 notice from the bare clients tests make, dropped in the test process only.
  setupFiles: ["<rootDir>/tests/quiet-sdk-notice.ts"],
  globalSetup: "<rootDir>/tests/servers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/servers/global-teardown.ts",
};
