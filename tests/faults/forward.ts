import { request as httpRequest, type Agent, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * Sends `req` on to the upstream (its base path prefixed) and streams the answer
 * back; resolves when the exchange is over. Headers pass unchanged, Host
 * included, so a signature over them stays valid. An upstream that cannot be
 * reached is answered 502 rather than hidden. `onStatus` gets the status before
 * the client sees any of the answer, so what it records is in place before the
 * client can send its next request. `bodyRead` is the request body when it was already read
 * off `req` (to check it); it is sent instead of piping `req`.
 */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: URL,
  agent: Agent,
  onStatus: (status: number) => void,
  answerInstead?:
    | { readonly kind: "applied"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
    | { readonly kind: "no-content" },
  bodyRead?: Buffer,
): Promise<void> {
  return new Promise((resolve) => {
    res.on("close", () => {
      if (!res.writableFinished) out.destroy(); // the client went away: so does the upstream request
      resolve();
    });
    const path = `${upstream.pathname.replace(/\/+$/, "")}${req.url ?? "/"}`;
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers, agent }, (answer) => {
      if (answerInstead?.kind === "no-content" && answer.statusCode === 200) {
        // A 204 has no body (RFC 9110 §15.3.5): the upstream's body and its framing headers are dropped.
        answer.resume();
        onStatus(204);
        res.writeHead(204, withoutFraming(answer.rawHeaders)).end();
        return;
      }
      if (answerInstead?.kind === "applied") {
        // The upstream applied the request; the client is told otherwise.
        answer.resume();
        onStatus(answerInstead.status);
        res.writeHead(answerInstead.status, { ...answerInstead.headers, "content-length": Buffer.byteLength(answerInstead.body) }).end(answerInstead.body);
        return;
      }
      onStatus(answer.statusCode ?? 502);
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    out.on("error", (error) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      onStatus(502);
      res.writeHead(502, { "content-type": "text/plain" }).end(`fault proxy: upstream failed: ${error.message}`);
    });
    if (bodyRead === undefined) req.pipe(out);
    else out.end(bodyRead);
  });
}

/** Raw header pairs without Content-Length and Transfer-Encoding. */
function withoutFraming(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (!/^(content-length|transfer-encoding)$/i.test(name)) out.push(name, raw[i + 1]!);
  }
  return out;
}
