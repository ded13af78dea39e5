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
  globalSetup: "<rootDir>/tests/servers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/servers/global-teardown.ts",
};
