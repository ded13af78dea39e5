import { X509Certificate } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { configureTransport } from "../../provider/backends/http/transport";
import { usageError } from "../exit";
import type { Output } from "../output/output";

/** The connection flags as commander parses them (`--no-verify-ssl` is `verifySsl: false`). */
export interface ConnectionFlags {
  readonly debug?: boolean;
  readonly caBundle?: string;
  readonly verifySsl?: boolean;
}

/** Largest CA bundle read: Mozilla's whole root store, as Debian ships it, is about 220 KiB. */
const MAX_CA_BUNDLE_BYTES = 1024 * 1024;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Applies the connection flags to every request the backends send. `--no-verify-ssl`
 * prints a warning on every run, as aws-cli does (urllib3's InsecureRequestWarning).
 */
export function configureConnection(flags: ConnectionFlags, out: Output): void {
  const extraCa = flags.caBundle === undefined ? undefined : readCaBundle(flags.caBundle);
  const verifyTls = flags.verifySsl !== false;
  if (!verifyTls) {
    out.note(
      "warning: --no-verify-ssl: TLS certificates are not verified, so anyone on the network path can read and change these requests, credentials included — prefer --ca-bundle FILE with the service's CA",
    );
  }
  configureTransport({
    ...(flags.debug === true ? { trace: (line: string) => out.note(`debug: ${line}`) } : {}),
    ...(extraCa === undefined ? {} : { extraCa }),
    verifyTls,
  });
}

/** The PEM text of `file`, checked: readable, at most 1 MiB, one or more certificates Node can parse. */
function readCaBundle(file: string): string {
  const flag = `--ca-bundle ${JSON.stringify(file)}`;
  let text: string;
  try {
    text = readCapped(file);
  } catch (error) {
    if (error instanceof TooLarge)
      throw usageError(
        `${flag} is larger than ${MAX_CA_BUNDLE_BYTES / 1024} KiB, more than a CA bundle holds — give the PEM file of the CA that issued the service's certificate`,
      );
    throw usageError(`cannot read ${flag} (${(error as NodeJS.ErrnoException).code ?? "error"}) — check the path`);
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw usageError(
      `${flag} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block) — give the CA certificate in PEM form, e.g. openssl x509 -in ca.der -inform der -out ca.pem`,
    );
  }
  certificates.forEach((pem, index) => {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw usageError(
        `${flag}: certificate ${index + 1} of ${certificates.length} cannot be read (${(error as Error).message}) — check the file is PEM as exported`,
      );
    }
  });
  return certificates.join("\n");
}

class TooLarge extends Error {}

/** Reads at most the cap plus one byte, so a huge or endless file (/dev/zero) is refused without being read. */
function readCapped(file: string): string {
  const fd = openSync(file, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > MAX_CA_BUNDLE_BYTES) throw new TooLarge();
    const buffer = Buffer.alloc(MAX_CA_BUNDLE_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CA_BUNDLE_BYTES) throw new TooLarge();
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
