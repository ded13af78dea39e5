/**
 * What to do about a connection that got no answer, for the two failures whose cause the
 * user can fix at once (issue 19, item 8): nothing listening (ECONNREFUSED), and TLS spoken
 * to a plain-HTTP port, which OpenSSL reports as `wrong version number` (EPROTO, or
 * ERR_SSL_WRONG_VERSION_NUMBER in Node ≥ 18's OpenSSL 3 codes). Undefined for any other.
 */
export function networkHint(code: string, error: unknown, endpoint: string | undefined): string | undefined {
  const text = messagesOf(error).join("\n");
  if (code === "ECONNREFUSED") {
    // Node's message names the address it dialled: "connect ECONNREFUSED 127.0.0.1:17480" (lib/net.js).
    const address = /ECONNREFUSED (\S+)/.exec(text)?.[1] ?? hostOf(endpoint);
    return `nothing listens on ${address ?? "the endpoint's host and port"} — is the server running? check the endpoint`;
  }
  if (code === "EPROTO" || code === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number/.test(text)) {
    const plain = endpoint !== undefined && /^https:\/\//i.test(endpoint) ? JSON.stringify(endpoint.replace(/^https:/i, "http:")) : "http:// in the endpoint";
    return `the server speaks plain HTTP, not TLS — use ${plain}`;
  }
  return undefined;
}

/** The error's message and its causes' (fetch puts the socket error in `cause`). */
function messagesOf(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string") out.push(message);
  }
  return out;
}

function hostOf(endpoint: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  try {
    return new URL(endpoint).host;
  } catch {
    return undefined;
  }
}
