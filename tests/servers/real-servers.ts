import { readEnvFile, realServersRequired, SERVERS, type ServerKind } from "./scripts";

/** A running Ceph RGW 16.2 (S3) started by global-setup. Path-style addressing only. */
export interface RgwInfo {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Any region is accepted; the SDK needs one to sign. */
  readonly region: string;
  /** Names of the variables holding the credentials in every test worker, for targets that take variable names. */
  readonly credentialEnv: { readonly accessKeyIdEnv: "RGW_ACCESS_KEY_ID"; readonly secretAccessKeyEnv: "RGW_SECRET_ACCESS_KEY" };
}

/** A running OpenStack Swift 2.30 (proxy + tempauth) started by global-setup. */
export interface SwiftInfo {
  /** TempAuth v1 endpoint, `http://127.0.0.1:PORT/auth/v1.0`. */
  readonly authUrl: string;
  /** `account:user` for `X-Auth-User`. */
  readonly user: string;
  /** `X-Auth-Key`. */
  readonly key: string;
  /** `http://127.0.0.1:PORT/v1/AUTH_test`, what a login returns as `X-Storage-Url`. */
  readonly storageUrl: string;
}

/** A running versitygw 1.8 (S3 gateway, posix backend) started by global-setup. Path-style addressing. */
export interface VersitygwInfo {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `us-east-1`, the region versitygw signs for. */
  readonly region: string;
  /** Names of the variables holding the credentials in every test worker, for targets that take variable names. */
  readonly credentialEnv: { readonly accessKeyIdEnv: "VERSITYGW_ACCESS_KEY_ID"; readonly secretAccessKeyEnv: "VERSITYGW_SECRET_ACCESS_KEY" };
}

const cache = new Map<ServerKind, Record<string, string> | undefined>();

function values(kind: ServerKind): Record<string, string> | undefined {
  if (!cache.has(kind)) {
    const file = process.env[SERVERS[kind].envFileVar];
    cache.set(kind, file ? readEnvFile(file) : undefined);
  }
  return cache.get(kind);
}

function field(env: Record<string, string>, key: string): string {
  const value = env[key];
  if (value === undefined || value === "") throw new Error(`the real-server env file lacks ${key}`);
  return value;
}

/** The RGW global-setup started, or undefined when it is not running (see {@link unavailableReason}). */
export function rgwServer(): RgwInfo | undefined {
  const env = values("rgw");
  if (!env) return undefined;
  return {
    endpoint: field(env, "RGW_ENDPOINT"),
    accessKeyId: field(env, "RGW_ACCESS_KEY_ID"),
    secretAccessKey: field(env, "RGW_SECRET_ACCESS_KEY"),
    region: field(env, "RGW_REGION"),
    credentialEnv: { accessKeyIdEnv: "RGW_ACCESS_KEY_ID", secretAccessKeyEnv: "RGW_SECRET_ACCESS_KEY" },
  };
}

/** The Swift global-setup started, or undefined when it is not running (see {@link unavailableReason}). */
export function swiftServer(): SwiftInfo | undefined {
  const env = values("swift");
  if (!env) return undefined;
  return {
    authUrl: field(env, "SWIFT_AUTH_URL"),
    user: field(env, "SWIFT_USER"),
    key: field(env, "SWIFT_KEY"),
    storageUrl: field(env, "SWIFT_STORAGE_URL"),
  };
}

/** The versitygw global-setup started, or undefined when it is not running (see {@link unavailableReason}). */
function versitygwServer(): VersitygwInfo | undefined {
  const env = values("versitygw");
  if (!env) return undefined;
  return {
    endpoint: field(env, "VERSITYGW_ENDPOINT"),
    accessKeyId: field(env, "VERSITYGW_ACCESS_KEY_ID"),
    secretAccessKey: field(env, "VERSITYGW_SECRET_ACCESS_KEY"),
    region: field(env, "VERSITYGW_REGION"),
    credentialEnv: { accessKeyIdEnv: "VERSITYGW_ACCESS_KEY_ID", secretAccessKeyEnv: "VERSITYGW_SECRET_ACCESS_KEY" },
  };
}

/** Why a server is not running: not installed (with the install command), failed to start, or not needed by the selected tests. */
export function unavailableReason(kind: ServerKind): string {
  return (
    process.env[SERVERS[kind].unavailableVar] ?? `${SERVERS[kind].title} was not started: jest.config.js must name tests/servers/global-setup.ts as globalSetup`
  );
}

/**
 * `describe` that runs only against a real server. Without one it skips, naming the reason in
 * the suite title (global-setup printed the install command once); with REQUIRE_REAL_SERVERS=1
 * it fails instead. `fn` gets an accessor, valid inside hooks and tests.
 */
function describeWith<T>(kind: ServerKind, info: T | undefined, name: string, fn: (server: () => T) => void): void {
  if (info !== undefined) {
    describe(name, () => fn(() => info));
    return;
  }
  const reason = unavailableReason(kind);
  if (realServersRequired()) {
    describe(name, () => {
      test(`fails when ${SERVERS[kind].title} is unavailable`, () => {
        throw new Error(`REQUIRE_REAL_SERVERS is set: ${reason}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${reason}]`, () =>
    fn(() => {
      throw new Error(reason);
    }));
}

export function describeWithRgw(name: string, fn: (rgw: () => RgwInfo) => void): void {
  describeWith("rgw", rgwServer(), name, fn);
}

export function describeWithSwift(name: string, fn: (swift: () => SwiftInfo) => void): void {
  describeWith("swift", swiftServer(), name, fn);
}

export function describeWithVersitygw(name: string, fn: (versitygw: () => VersitygwInfo) => void): void {
  describeWith("versitygw", versitygwServer(), name, fn);
}
