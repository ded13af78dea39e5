import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A key and certificate for 127.0.0.1, as PEM, and where the certificate file is (for --ca-bundle). */
export interface SelfSigned {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly certPath: string;
}

/**
 * A self-signed certificate for 127.0.0.1, valid one day, made for this run in `dir` (key.pem,
 * cert.pem) with the openssl command: it is its own CA, so a client trusts it only when told to.
 */
export function selfSigned(dir: string): SelfSigned {
  const keyPath = join(dir, "key.pem");
  const certPath = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"].concat([
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ]),
    { stdio: "ignore" },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath };
}
