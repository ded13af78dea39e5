/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testTimeout: 60000,
  globalSetup: "<rootDir>/tests/servers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/servers/global-teardown.ts",
};
