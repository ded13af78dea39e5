import { rootCertificates } from "node:tls";
import { maskHeader } from "../secrets";

/**
 * Process-wide HTTP settings, set once by the CLI from its flags before any request
 * (`--debug`, `--ca-bundle`, `--no-verify-ssl`); a Pulumi program never sets them.
 */
export interface TransportSettings {
  /** Receives each request and response line, headers included, credentials masked (`--debug`). */
  readonly trace?: (line: string) => void;
  /** PEM certificates trusted besides Node's own CAs, for a service with a private CA (`--ca-bundle`). */
  readonly extraCa?: string;
  /** False: TLS certificates are not verified (`--no-verify-ssl`). @default true */
  readonly verifyTls?: boolean;
}

let settings: TransportSettings = {};
/** Bumped on every change, so that cached S3 clients made under other settings are not reused. */
let generation = 0;

export function configureTransport(next: TransportSettings): void {
  settings = next;
  generation += 1;
}

export function transportSettings(): TransportSettings {
  return settings;
}

export function transportGeneration(): number {
  return generation;
}

/**
 * TLS options for node:https (a request or an Agent), or undefined for Node's defaults. An extra
 * CA is added to Node's bundled roots: `ca` alone would replace them (https://nodejs.org/api/tls.html#tlscreatesecurecontextoptions).
 */
export function tlsOptions(): { ca?: string[]; rejectUnauthorized?: boolean } | undefined {
  if (settings.extraCa === undefined && settings.verifyTls !== false) return undefined;
  return {
    ...(settings.extraCa === undefined ? {} : { ca: [...rootCertificates, settings.extraCa] }),
    ...(settings.verifyTls === false ? { rejectUnauthorized: false } : {}),
  };
}

/** `> METHOD URL` then `> name: value` per header (sorted, masked), when tracing. */
export function traceRequest(method: string, url: string, headers: Readonly<Record<string, string | readonly string[] | undefined>>): void {
  const trace = settings.trace;
  if (trace === undefined) return;
  trace(`> ${method} ${maskHeader("url", url)}`);
  for (const line of headerLines(headers)) trace(`> ${line}`);
}

/** `< STATUS TEXT` then `< name: value` per header (sorted, masked), when tracing. */
export function traceResponse(status: number, statusText: string, headers: Readonly<Record<string, string | readonly string[] | undefined>>): void {
  const trace = settings.trace;
  if (trace === undefined) return;
  trace(`< ${status}${statusText === "" ? "" : ` ${statusText}`}`);
  for (const line of headerLines(headers)) trace(`< ${line}`);
}

/** A request that got no answer (refused, reset, TLS refused), when tracing. */
export function traceFailure(error: unknown): void {
  settings.trace?.(`! ${maskHeader("error", error instanceof Error ? error.message : String(error))}`);
}

function headerLines(headers: Readonly<Record<string, string | readonly string[] | undefined>>): string[] {
  return Object.entries(headers)
    .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
    .map(([name, value]) => [name.toLowerCase(), typeof value === "string" ? value : value.join(", ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}: ${maskHeader(name, value)}`);
}
