import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runScript, SERVER_KINDS, wipeSync, type ScriptRun, type ServerKind } from "./scripts";

// Server dirs live directly in /tmp with short names: RGW's admin socket paths must fit in 107
// bytes (docs/test-servers.md, "Script conventions"), so a long $TMPDIR is not an option.
const DIR_ROOT = "/tmp";
const DIR_NAME = new RegExp(`^bcors-(\\d+)-(${SERVER_KINDS.join("|")})-\\d+$`);
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** What global-setup started and global-teardown must stop; lives on globalThis (jest runs both hooks in its parent process). */
interface Registry {
  /** Servers whose directory exists: started, or being started. */
  readonly servers: { kind: ServerKind; dir: string; run?: ScriptRun }[];
  detach(): void;
}

const KEY = Symbol.for("pulumi-bucket-cors.real-servers");
type WithRegistry = typeof globalThis & { [KEY]?: Registry };

/** The directory of instance `instance` (1, 2, …: one per jest worker) of `kind`. */
function serverDir(kind: ServerKind, instance: number): string {
  return join(DIR_ROOT, `bcors-${process.pid}-${kind}-${instance}`);
}

function registry(): Registry {
  const holder = globalThis as WithRegistry;
  if (!holder[KEY]) {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.stderr.write(`\nreal servers: ${signal} received, stopping Ceph RGW / Swift before exiting\n`);
      stopAllSync();
      // Our listener is gone now: re-raising gets the default action (or jest's own listener).
      process.kill(process.pid, signal);
    };
    const onExit = (): void => stopAllSync();
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on("exit", onExit);
    holder[KEY] = {
      servers: [],
      detach: () => {
        for (const signal of SIGNALS) process.off(signal, onSignal);
        process.off("exit", onExit);
        delete holder[KEY];
      },
    };
  }
  return holder[KEY];
}

/** Starts one server in its /tmp/bcors-<pid>-<kind>-<instance> dir; rejects with the script output (log tails) on failure. */
export async function startServer(kind: ServerKind, instance: number, port: number): Promise<string> {
  const entry: { kind: ServerKind; dir: string; run?: ScriptRun } = { kind, dir: serverDir(kind, instance) };
  const servers = registry().servers;
  servers.push(entry);
  entry.run = runScript(kind, ["start", entry.dir, String(port)]);
  try {
    await entry.run.done;
  } catch (error) {
    // The script already stopped what it started; remove its dir too.
    servers.splice(servers.indexOf(entry), 1);
    wipeSync(kind, entry.dir);
    throw error;
  } finally {
    delete entry.run;
  }
  return join(entry.dir, "env");
}

/** Stops every registered server (by recorded PID, through the scripts) and removes its dir; returns how many. */
export async function stopAll(): Promise<number> {
  const holder = globalThis as WithRegistry;
  const current = holder[KEY];
  if (!current) return 0;
  const servers = current.servers.splice(0);
  const results = await Promise.allSettled(servers.map(({ kind, dir }) => runScript(kind, ["wipe", dir]).done));
  current.detach();
  const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
  if (failures.length > 0) throw new Error(`stopping the real servers failed:\n${failures.join("\n")}`);
  return servers.length;
}

/** For signal and exit handlers: kills scripts still starting, then stops and removes every server synchronously. */
function stopAllSync(): void {
  const holder = globalThis as WithRegistry;
  const current = holder[KEY];
  if (!current) return;
  current.detach();
  for (const { kind, dir, run } of current.servers.splice(0)) {
    run?.kill();
    wipeSync(kind, dir);
  }
}

/** Removes the servers of earlier jest runs that died without a teardown (SIGKILL): dirs whose jest PID is gone. */
export function sweepOrphans(): void {
  let names: string[];
  try {
    names = readdirSync(DIR_ROOT);
  } catch {
    return;
  }
  for (const name of names) {
    const match = DIR_NAME.exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    process.stderr.write(`real servers: removing ${join(DIR_ROOT, name)} left by a jest run that is gone\n`);
    wipeSync(match[2] as ServerKind, join(DIR_ROOT, name));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
