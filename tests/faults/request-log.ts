import type { IncomingHttpHeaders } from "node:http";
import { matches, type RequestLine, type RequestMatch } from "./fault-plan";

/** What became of one request that reached the proxy. */
export interface LoggedRequest extends RequestLine {
  /** `forwarded` untouched, answered by an `injected` status, `reset`, `stalled` then forwarded, or forwarded with its 200 made a 204 (`no-content`); `pending` until done. */
  outcome: "pending" | "forwarded" | "injected" | "reset" | "stalled" | "applied" | "no-content";
  /** The request's headers as they reached the proxy (Node lower-cases the names): what the client put on the wire. */
  readonly headers: IncomingHttpHeaders;
  /** The status answered (injected, or the upstream's); undefined when reset, or when the client gave up during a stall. */
  status: number | undefined;
}

/** Every request the proxy saw, in arrival order. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  /** Records a request as it arrives; the caller fills in its outcome. */
  arrived(request: RequestLine, headers: IncomingHttpHeaders = {}): LoggedRequest {
    const entry: LoggedRequest = { method: request.method, url: request.url, outcome: "pending", status: undefined, headers };
    this.entries.push(entry);
    return entry;
  }

  all(): readonly LoggedRequest[] {
    return this.entries.map((e) => ({ ...e, headers: { ...e.headers } }));
  }

  /** One line per request for exact assertions: `PUT /assets?cors 503 (injected)`, `GET /assets?cors 200`, `GET /assets?cors reset`. */
  lines(): string[] {
    return this.entries.map((e) => {
      const answer = e.outcome === "reset" ? "reset" : String(e.status ?? "no answer");
      const note =
        e.outcome === "injected" || e.outcome === "stalled" || e.outcome === "pending" || e.outcome === "applied" || e.outcome === "no-content"
          ? ` (${e.outcome})`
          : "";
      return `${e.method} ${e.url} ${answer}${note}`;
    });
  }

  /** How many requests matched. */
  count(match: RequestMatch = {}): number {
    return this.entries.filter((e) => matches(match, e)).length;
  }

  clear(): void {
    this.entries = [];
  }
}
