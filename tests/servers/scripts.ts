import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";

/** The real servers scripts/servers/ can run; s3rver is embedded and needs none of this. */
export const SERVER_KINDS = ["rgw", "swift", "versitygw"] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

interface ServerFacts {
  /** Human name for notices. */
  readonly title: string;
  /** The binary whose presence means the Debian packages are installed. */
  readonly binary: string;
  /** Where else the binary may be, besides PATH, /usr/bin and /usr/sbin. */
  readonly binaryDirs?: readonly string[];
  /** What scripts/servers/install.sh installs for this kind (docs/test-servers.md, "How the suites get their servers"). */
  readonly packages: readonly string[];
  /** The command that installs this kind when it is not a Debian package. */
  readonly install?: string;
  /** Variable (set by global-setup) naming the DIR/env file of a running server. */
  readonly envFileVar: string;
  /** Variable (set by global-setup) explaining why the server is not running. */
  readonly unavailableVar: string;
}

export const SERVERS: Readonly<Record<ServerKind, ServerFacts>> = {
  rgw: {
    title: "Ceph RGW",
    binary: "radosgw",
    packages: ["radosgw", "ceph-mon", "ceph-osd", "uuid-runtime", "curl"],
    envFileVar: "BCORS_RGW_ENV_FILE",
    unavailableVar: "BCORS_RGW_UNAVAILABLE",
  },
  swift: {
    title: "OpenStack Swift",
    binary: "swift-proxy-server",
    packages: ["swift", "swift-proxy", "swift-account", "swift-container", "swift-object", "memcached", "curl"],
    envFileVar: "BCORS_SWIFT_ENV_FILE",
    unavailableVar: "BCORS_SWIFT_UNAVAILABLE",
  },
  versitygw: {
    title: "versitygw",
    binary: "versitygw",
    // Built from its Go module into this cache by scripts/servers/versitygw-build.sh (same version there).
    binaryDirs: [join(process.env["VERSITYGW_BUILD_CACHE"] ?? join(homedir(), ".cache/pulumi-bucket-cors"), "versitygw-v1.8.0/bin")],
    packages: [],
    install: "bash scripts/servers/versitygw-build.sh  (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0 into ~/.cache/pulumi-bucket-cors)",
    envFileVar: "BCORS_VERSITYGW_ENV_FILE",
    unavailableVar: "BCORS_VERSITYGW_UNAVAILABLE",
  },
};

const SCRIPTS_DIR = resolve(__dirname, "../../scripts/servers");
// Generous: RGW starts in ~2 s and Swift in ~4 s here, but a loaded CI box is slower.
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 120_000;

/** Variable (set by global-setup) naming the DIR/env file of instance `instance` (1, 2, …: one per jest worker). */
export function instanceEnvFileVar(kind: ServerKind, instance: number): string {
  return `${SERVERS[kind].envFileVar}_${instance}`;
}

/** The one command that installs what `kinds` need, for notices and errors. */
export function installCommand(kinds: readonly ServerKind[]): string {
  const debian = kinds.filter((kind) => SERVERS[kind].install === undefined);
  const packages = [...new Set(debian.flatMap((kind) => SERVERS[kind].packages))];
  const apt =
    debian.length > 0
      ? [`bash scripts/servers/install.sh ${debian.join(" ")}  (as root; it runs apt-get install -y --no-install-recommends ${packages.join(" ")})`]
      : [];
  return [...apt, ...kinds.flatMap((kind) => SERVERS[kind].install ?? [])].join("; and ");
}

/** True when the server's binary is on PATH (or in /usr/bin, where Debian puts it, or in its build cache). */
export function isInstalled(kind: ServerKind): boolean {
  const dirs = [...(process.env["PATH"] ?? "").split(delimiter), "/usr/bin", "/usr/sbin", ...(SERVERS[kind].binaryDirs ?? [])];
  return dirs.some((dir) => {
    if (dir === "") return false;
    try {
      accessSync(join(dir, SERVERS[kind].binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** `KEY=value` lines of a DIR/env file written by the scripts. */
export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

/** A script run in flight, killable when jest is interrupted mid-start. */
export interface ScriptRun {
  readonly done: Promise<void>;
  /** SIGKILLs the script's whole process group (daemons detach into their own sessions). */
  kill(): void;
}

/**
 * Runs `scripts/servers/<kind>.sh <args>`; `done` rejects with the script's output (which ends
 * with the tail of the server logs on a failed start). The script gets its own process group so
 * a Ctrl-C aimed at jest does not cut it off halfway; global-setup stops things in order instead.
 */
export function runScript(kind: ServerKind, args: readonly string[]): ScriptRun {
  const script = join(SCRIPTS_DIR, `${kind}.sh`);
  const child = spawn("bash", [script, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timeoutMs = args[0] === "start" ? START_TIMEOUT_MS : STOP_TIMEOUT_MS;
  const done = new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`${kind}.sh ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output.trimEnd()}`));
    });
  });
  return {
    done,
    kill: () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** Stops the server in `dir` by its recorded PIDs and removes `dir` (synchronously: for exit and signal handlers). */
export function wipeSync(kind: ServerKind, dir: string): void {
  const result = spawnSync("bash", [join(SCRIPTS_DIR, `${kind}.sh`), "wipe", dir], { encoding: "utf8", timeout: STOP_TIMEOUT_MS });
  if (result.status !== 0) process.stderr.write(`${kind}.sh wipe ${dir} failed:\n${result.stdout}${result.stderr}\n`);
}

/** `REQUIRE_REAL_SERVERS=1` (set by .ci/run): a missing or failed real server fails the run instead of skipping. */
export function realServersRequired(): boolean {
  return ["1", "true", "yes"].includes((process.env["REQUIRE_REAL_SERVERS"] ?? "").toLowerCase());
}
