import { spawn } from "child_process";
import * as fs from "fs";
import { eachLine, type Diagnostic } from "./diagnostics";
import { hostScript } from "./grpc";

export interface HostProcessOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly startTimeoutMs?: number;
}

export interface HostProcess {
  readonly pid: number;
  readonly port: number;
  /** Every line printed after the port line, in order (the engine shows them as diagnostics). */
  readonly diagnostics: Diagnostic[];
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once the group is gone. */
  kill(graceMs?: number): Promise<void>;
}

/** A dummy engine address: the host only checks that one is given and never dials it (docs/provider-host.md, "Launching the host"). */
const ENGINE_ADDRESS = "127.0.0.1:0";
const livePids = new Set<number>();
let exitHookInstalled = false;

/**
 * Spawns the provider host as the engine does (cwd = project dir, argv = [engine address]) in its
 * own process group, since the launcher is `sh` running `node` as a child, and reads the port
 * from its first stdout line.
 */
export function spawnHost(options: HostProcessOptions): Promise<HostProcess> {
  installExitHook();
  const child = spawn(hostScript(options.cwd), [ENGINE_ADDRESS], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new Error("could not spawn the provider host"));
  livePids.add(pid);
  watchParent(pid);
  const diagnostics: Diagnostic[] = [];
  const kill = (graceMs = 2000) => killGroup(pid, graceMs);
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    const fail = (message: string) => {
      clearTimeout(timer);
      const stderr = diagnostics.map((d) => d.text).join("\n");
      void kill(0).then(() => reject(new Error(`provider host ${message}${stderr ? `:\n${stderr}` : ""}`)));
    };
    const timer = setTimeout(() => fail(`printed no port within ${timeoutMs} ms`), timeoutMs);
    child.on("error", (e) => fail(`could not start: ${e.message}`));
    child.on("exit", (code, signal) => {
      if (port === undefined) fail(`exited (${signal ?? code}) before printing its port`);
    });
    eachLine(child.stderr, (text) => diagnostics.push({ source: "host", stream: "stderr", text }));
    eachLine(child.stdout, (text) => {
      if (port !== undefined) {
        diagnostics.push({ source: "host", stream: "stdout", text });
        return;
      }
      port = Number(text.trim());
      if (!Number.isInteger(port) || port <= 0) return fail(`printed "${text}" instead of its port`);
      clearTimeout(timer);
      resolve({ pid, port, diagnostics, kill });
    });
  });
}

async function killGroup(pid: number, graceMs: number): Promise<void> {
  signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
  const killDeadline = Date.now() + 5000;
  while (groupAlive(pid)) {
    if (Date.now() > killDeadline) throw new Error(`provider host group ${pid} survived SIGKILL`);
    await new Promise((r) => setTimeout(r, 25));
  }
  livePids.delete(pid);
}

/**
 * True while a process of the group led by `pid` is still running. Zombies do not count: when the
 * `sh` launcher dies with its node child, the child is re-parented and waits (measured ~1.2 s
 * here) for init to reap it, though it holds no port and runs no code.
 */
export function groupAlive(pid: number): boolean {
  const members = groupMembers(pid);
  if (members !== undefined) return members.some((m) => m.state !== "Z");
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Processes whose process group is `pgid`, from /proc (undefined where there is no /proc). */
export function groupMembers(pgid: number): { pid: number; state: string }[] | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return undefined;
  }
  const members: { pid: number; state: string }[] = [];
  for (const entry of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== undefined) members.push({ pid: Number(entry), state });
  }
  return members;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
  }
}

/**
 * Never leave a host behind, even when a test forgets stop() or the worker is torn down. The host
 * runs in its own process group, so a Ctrl-C to ours does not reach it: forward fatal signals.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => livePids.forEach((pid) => signalGroup(pid, "SIGKILL"));
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    if (process.listenerCount(signal) > 0) continue; // someone else decides how this process exits
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal); // default action now that our listener is gone
    });
  }
}

/**
 * Last resort when this process dies by SIGKILL (no exit hook runs): a detached shell that kills
 * the host group once we are gone, and exits by itself once the group is gone.
 */
function watchParent(pgid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 -${pgid} 2>/dev/null; do sleep 1; done; kill -9 -${pgid} 2>/dev/null`;
  spawn("sh", ["-c", script], { detached: true, stdio: "ignore" }).unref();
}
