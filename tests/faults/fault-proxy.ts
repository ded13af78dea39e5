import { createHash } from "node:crypto";
import { Agent, createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultPlan, type Fault, type FaultRule, type RequestLine, type RequestMatch } from "./fault-plan";
import { forward } from "./forward";
import { RequestLog, type LoggedRequest } from "./request-log";

/** A loopback HTTP proxy to one upstream that injects faults by plan and logs every request. */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: use it where the upstream's base URL would go. */
  readonly url: string;
  /** Replaces the plan (and forgets the old one's used-up counts). No rules: forward everything. */
  plan(...rules: FaultRule[]): void;
  /** Every request since the last `clearLog`, in arrival order. */
  requests(): readonly LoggedRequest[];
  /** The requests as lines, e.g. `PUT /assets?cors 503 (injected)`. */
  lines(): string[];
  /** How many requests matched. */
  count(match?: RequestMatch): number;
  clearLog(): void;
  /** Closes the server and every connection. */
  stop(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) in front of `upstream`, e.g. `http://127.0.0.1:9000` or `…/v1`. */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const base = new URL(upstream);
  const log = new RequestLog();
  const agent = new Agent({ keepAlive: false });
  let plan = new FaultPlan([]);

  const server = createServer((req, res) => {
    const line: RequestLine = { method: req.method ?? "GET", url: req.url ?? "/" };
    const entry = log.arrived(line, req.headers);
    const current = plan;
    void handle(req, res, current.faultFor(line), entry, (request, answerInstead, bodyRead) =>
      forward(
        request,
        res,
        base,
        agent,
        (status) => {
          // Recorded as soon as the upstream answers, before the client can see it and ask again.
          entry.status = status;
          current.answered(line, status);
        },
        answerInstead,
        bodyRead,
      ),
    );
  });
  // Longer than any pause between two calls of a test, so a kept-alive socket is never closed
  // under the client (Node's default of 5 s would make spurious resets and break exact counts).
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    plan: (...rules) => {
      plan = new FaultPlan(rules);
    },
    requests: () => log.all(),
    lines: () => log.lines(),
    count: (match) => log.count(match),
    clearLog: () => log.clear(),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      agent.destroy();
    },
  };
}

/** Carries out one request's fault (or forwards it with `pass`) and records what the client got. */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Fault | undefined,
  entry: LoggedRequest,
  pass: (req: IncomingMessage, answerInstead?: Extract<Fault, { kind: "applied" | "no-content" }>, bodyRead?: Buffer) => Promise<void>,
): Promise<void> {
  if (fault === undefined) {
    entry.outcome = "forwarded";
    await pass(req);
    return;
  }
  switch (fault.kind) {
    case "status":
      await drained(req);
      inject(res, entry, fault);
      return;
    case "reset":
      // The whole request is read first, so the client sees a reset answer, not a failed upload.
      await drained(req);
      entry.outcome = "reset";
      req.socket.destroy();
      return;
    case "stall":
      entry.outcome = "stalled";
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (!res.destroyed) await pass(req); // a client that gave up during the stall is not answered
      return;
    case "applied":
    case "no-content":
      entry.outcome = fault.kind;
      await pass(req, fault);
      return;
    case "content-md5": {
      const body = await bodyOf(req);
      if (req.headers["content-md5"] === createHash("md5").update(body).digest("base64")) {
        entry.outcome = "forwarded";
        await pass(req, undefined, body);
        return;
      }
      inject(res, entry, fault);
      return;
    }
  }
}

/** Answers with the fault's status, headers and body instead of the upstream. */
function inject(
  res: ServerResponse,
  entry: LoggedRequest,
  fault: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string },
): void {
  entry.outcome = "injected";
  entry.status = fault.status;
  res.writeHead(fault.status, { ...fault.headers, "content-length": Buffer.byteLength(fault.body) }).end(fault.body);
}

/** The whole request body, read off the socket (for a fault that checks it before forwarding). */
function bodyOf(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Resolves once the request body has been read (and thrown away). */
function drained(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) return resolve();
    req.on("end", resolve).on("close", resolve).resume();
  });
}
