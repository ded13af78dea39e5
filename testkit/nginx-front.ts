import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * Debian's nginx (nginx-light 1.22, scripts/servers/install.sh) as a caching reverse proxy on
 * loopback in front of a test server: the CDN that `verify: { via }` and `verify --via` check.
 * One process (`master_process off`), so the PID started is the one serving and the one stopped;
 * everything (config, cache, logs, pid) in a fresh temporary directory.
 */

/** Debian's nginx binary. */
export const NGINX = "/usr/sbin/nginx";

/** How the front caches; each a real configuration people write (docs/fronts.md). */
export interface FrontConfig {
  /** `proxy_cache_key`. */
  readonly cacheKey: string;
  /** More directives for the proxied location. */
  readonly directives: readonly string[];
}

/** The key without the request's Origin: one copy for every origin (nginx's default key is `$scheme$proxy_host$request_uri`). */
const KEY_WITHOUT_ORIGIN = "$scheme$proxy_host$request_uri";
/** The key with the request's Origin: one copy per origin. */
const KEY_WITH_ORIGIN = "$scheme$proxy_host$request_uri|$http_origin";

/**
 * The configurations the tests put in front. nginx keeps variants by the answer's Vary (since 1.7.7), so a cache keyed
 * without Origin also ignores Vary, as CloudFront and Cloudflare do by default (docs/fronts.md): otherwise it would be correct.
 */
export const FRONTS = {
  /** Origin left out of the key, Vary ignored: the answer to the GET without Origin is served to every origin. */
  keyWithoutOrigin: { cacheKey: KEY_WITHOUT_ORIGIN, directives: ["proxy_ignore_headers Vary;"] },
  /** As above, but answers to requests without Origin are not stored: the first origin's answer is served to the others. */
  firstOriginForAll: { cacheKey: KEY_WITHOUT_ORIGIN, directives: ["proxy_ignore_headers Vary;", "proxy_no_cache $no_origin;"] },
  /** Origin in the key, but the bucket's Vary removed from every answer. */
  varyStripped: { cacheKey: KEY_WITH_ORIGIN, directives: ["proxy_hide_header Vary;"] },
  /** Origin in the key, the preflight's Access-Control-Max-Age replaced by 5. */
  maxAgeShortened: { cacheKey: KEY_WITH_ORIGIN, directives: ["proxy_hide_header Access-Control-Max-Age;", "add_header Access-Control-Max-Age 5 always;"] },
  /** Origin in the key and the bucket's Vary kept: what the fixes lead to. */
  correct: { cacheKey: KEY_WITH_ORIGIN, directives: [] },
} as const satisfies Record<string, FrontConfig>;

/** A running nginx front. */
export interface NginxFront {
  /** `http://127.0.0.1:PORT`: the upstream's paths are served under it unchanged. */
  readonly url: string;
  /** The access log so far, one line a request: `METHOD URI STATUS CACHE-STATUS`. */
  log(): string[];
  stop(): Promise<void>;
}

/** Whether Debian's nginx is installed. */
export function nginxInstalled(): boolean {
  return existsSync(NGINX);
}

/** Starts nginx on a free loopback port in front of `upstream` (`http://127.0.0.1:PORT`), caching as `config` says. */
export async function startNginxFront(upstream: string, config: FrontConfig): Promise<NginxFront> {
  const dir = mkdtempSync(join(tmpdir(), "bcors-nginx-"));
  try {
    const port = await freePort();
    writeFileSync(join(dir, "nginx.conf"), configText(dir, port, upstream, config));
    const child = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForPort(port, child, () => `${stderr}${readIfThere(join(dir, "error.log"))}`);
    return {
      url: `http://127.0.0.1:${port}`,
      log: () =>
        readIfThere(join(dir, "access.log"))
          .split("\n")
          .filter((l) => l !== ""),
      stop: async () => {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function configText(dir: string, port: number, upstream: string, config: FrontConfig): string {
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  log_format front '$request_method $request_uri $status $upstream_cache_status';
  access_log ${dir}/access.log front;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache keys_zone=front:1m;
  map $http_origin $no_origin { "" 1; default 0; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass ${upstream};
      proxy_cache front;
      proxy_cache_key "${config.cacheKey}";
      proxy_cache_valid any 10m;
      ${config.directives.join("\n      ")}
    }
  }
}
`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once nginx accepts connections on the port; rejects with its log when it exits first or takes more than 10 s. */
async function waitForPort(port: number, child: ChildProcess, logs: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}) before listening on 127.0.0.1:${port}:\n${logs()}`);
    try {
      await connects(port);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${logs()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A TCP connection to the port, closed at once: nothing is sent, so nothing is cached or logged. */
function connects(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

/** SIGTERM to the process this helper started (nginx's fast shutdown), SIGKILL after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

function readIfThere(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
