/**
 * What is wrong with an endpoint URL, and the URL to write instead. Checked at `check` and at
 * flag parsing because the AWS SDK rewrites a bad value before refusing it at the first call
 * (`localhost:17480` is reported as ``Custom endpoint `localhost://17480` was not a valid URI``,
 * @smithy/util-endpoints) and Node's URL parser only says `Invalid URL` (issue 19, item 8).
 */
export type EndpointProblem =
  | { readonly kind: "no-scheme"; readonly found: string; readonly fix: string }
  | { readonly kind: "scheme"; readonly found: string; readonly scheme: string; readonly fix: string }
  | { readonly kind: "no-host"; readonly found: string }
  | { readonly kind: "port"; readonly found: string; readonly port: string }
  | { readonly kind: "path"; readonly found: string; readonly path: string; readonly fix: string }
  | { readonly kind: "query"; readonly found: string; readonly query: string; readonly fix: string }
  | { readonly kind: "not-url"; readonly found: string };

/** `scheme://authority…`, split by hand: `new URL` turns `localhost:17480` into scheme `localhost:` and refuses port 65536 without saying why. */
const PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/i;
/** A scheme written before a host and port without `//` (`localhost:17480`, `127.0.0.1:9000`, `[::1]:80`): not a scheme at all. */
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d*)?(\/(?!\/).*)?$/i;

/**
 * Whether the endpoint carries `user[:password]@` before its host (RFC 3986, section 3.2.1), with
 * or without a scheme: `new URL("localhost:pw@rgw")` reads `localhost:` as the scheme and finds no
 * user, so this is a pattern. Such an endpoint is never shown: the password would be.
 */
export function hasUserInfo(endpoint: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i.test(endpoint);
}

/**
 * The problem with `endpoint`, if any: it must be `http://` or `https://` with a host, a port in
 * 1–65535 when given (RFC 6335, section 6: port 0 is reserved), no query or fragment, and no path
 * unless `pathAllowed` (a Swift storage URL is `…/v1/AUTH_<project>`; an S3 endpoint is the
 * service's root, the bucket goes in `bucket`).
 */
export function endpointProblem(endpoint: string, pathAllowed: boolean): EndpointProblem | undefined {
  const found = endpoint;
  const parts = PARTS.exec(endpoint);
  if (parts === null) {
    if (HOST_PORT.test(endpoint)) return { kind: "no-scheme", found, fix: `${schemeFor(endpoint)}://${endpoint}` };
    return { kind: "not-url", found };
  }
  const [, scheme = "", authority = "", path = "", rest] = parts;
  if (!/^https?$/i.test(scheme)) {
    const after = `${authority}${path}${rest ?? ""}`;
    return { kind: "scheme", found, scheme: `${scheme}://`, fix: `${schemeFor(after)}://${after}` };
  }
  if (authority === "") return { kind: "no-host", found };
  const port = /:([^:\]]*)$/.exec(authority)?.[1];
  if (port !== undefined && port !== "" && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    return { kind: "port", found, port };
  }
  const root = `${scheme.toLowerCase()}://${authority}`;
  if (rest !== undefined && rest !== "") return { kind: "query", found, query: rest, fix: pathAllowed ? `${root}${path}` : root };
  if (!pathAllowed && path !== "" && path !== "/") return { kind: "path", found, path, fix: root };
  try {
    new URL(endpoint);
  } catch {
    return { kind: "not-url", found };
  }
  return undefined;
}

/** Words for each problem: the text after `target.endpoint: ` (or `--endpoint: `), ending in the URL to write. */
export function endpointProblemText(p: EndpointProblem, write: (url: string) => string): string {
  const found = JSON.stringify(p.found);
  switch (p.kind) {
    case "no-scheme":
      return `${found} has no scheme — ${write(p.fix)}`;
    case "scheme":
      return `${found} has the scheme ${p.scheme}; an endpoint is an http:// or https:// URL — ${write(p.fix)}`;
    case "no-host":
      return `${found} has no host — ${write("http://HOST:PORT")}`;
    case "port":
      return `${found} has the port ${JSON.stringify(p.port)}; a port is a number from 1 to 65535 — give the port the server listens on`;
    case "path":
      return `${found} has a path (${JSON.stringify(p.path)}); an S3 endpoint is the service's address alone, the bucket is given separately — ${write(p.fix)}`;
    case "query":
      return `${found} has a query or fragment (${JSON.stringify(p.query)}), which requests would carry — ${write(p.fix)}`;
    case "not-url":
      return `${found} is not a URL — ${write("http://HOST:PORT")}, e.g. "http://127.0.0.1:7480"`;
  }
}

/** Plain HTTP for loopback and private addresses, where test servers and on-premises gateways listen; HTTPS elsewhere. */
function schemeFor(hostAndRest: string): "http" | "https" {
  const host = (/^(\[[^\]]*\]|[^:/]*)/.exec(hostAndRest)?.[1] ?? "").toLowerCase();
  return host === "localhost" || host === "[::1]" || /^(127|10|192\.168|172\.(1[6-9]|2\d|3[01]))\./.test(host) ? "http" : "https";
}
