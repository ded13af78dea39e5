import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { looksCanonical, parsePolicy, type PolicySource } from "../../provider/api/parse";
import type { FormatName } from "../../provider/formats";
import { hasErrors, type Issue } from "../../provider/model/issue";
import type { CorsConfiguration } from "../../provider/model/schema";
import { CliError, failure, usageError } from "../exit";
import { MAX_DOCUMENT_BYTES } from "../../provider/formats/limits";

/** A policy file read and decoded: its format, the normalized config, and the decoder's warnings. */
export interface LoadedPolicy {
  readonly file: string;
  readonly format: PolicySource;
  readonly config: CorsConfiguration;
  readonly warnings: readonly Issue[];
}

/** What decoding a file gave before deciding whether it is usable (lint reports the errors itself). */
export interface DecodedFile {
  readonly file: string;
  readonly format?: PolicySource;
  readonly config?: CorsConfiguration;
  readonly issues: readonly Issue[];
}

/** Bytes read at a time. */
const CHUNK = 64 * 1024;

/** How much of a file {@link readText} reads, and how its messages name the file and the limit. */
export interface FileCap {
  readonly bytes: number;
  /** What the limit is the limit of, e.g. "a CORS document (S3 accepts at most 64 KB)". */
  readonly limitOf: string;
  /** Put before the quoted name when the file cannot be read, e.g. "target file". */
  readonly noun?: string;
}

/** A policy file's cap: the documents' own limit (provider/formats/limits.ts). */
const POLICY_FILE_CAP: FileCap = { bytes: MAX_DOCUMENT_BYTES, limitOf: "a CORS document (S3 accepts at most 64 KB)" };

/**
 * Reads `file` (`-` is standard input), at most `cap.bytes`: a regular file is
 * measured before reading, anything else (a pipe, `/dev/zero`) is read until one
 * byte past the limit and no further. Unreadable is a usage error (exit 2); too
 * large or not UTF-8 is a failure (exit 1) saying where. No message shows the
 * file's content.
 */
export function readText(file: string, cap: FileCap = POLICY_FILE_CAP): string {
  let fd: number;
  try {
    fd = file === "-" ? 0 : openSync(file, "r");
  } catch (error) {
    throw unreadable(file, error, cap);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw unreadable(file, Object.assign(new Error("directory"), { code: "EISDIR" }), cap);
    if (stat.isFile() && stat.size > cap.bytes) throw tooLarge(file, `is ${stat.size} bytes`, cap);
    const bytes = readAtMost(fd, cap.bytes + 1);
    if (bytes.length > cap.bytes) throw tooLarge(file, "is larger (reading stopped there)", cap);
    return utf8(file, bytes);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw unreadable(file, error, cap);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(CHUNK, limit - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // Standard input may be non-blocking (a terminal, some pipes): wait for data rather than fail.
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks);
}

/** The text of `bytes`, refused with the offset of the first byte that is not UTF-8 (never turned into U+FFFD). */
function utf8(file: string, bytes: Buffer): string {
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return text;
  // The first U+FFFD that the file did not spell as EF BF BD marks the first bad byte.
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at), "utf8");
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw failure(`${file} is not valid UTF-8: byte ${offset} (0x${hex}) is not part of a UTF-8 character — save the file as UTF-8`);
  }
  return text;
}

function tooLarge(file: string, size: string, cap: FileCap): CliError {
  return failure(`${file} ${size}, more than the ${cap.bytes}-byte limit of ${cap.limitOf} — check that this is the right file`);
}

function unreadable(file: string, error: unknown, cap: FileCap): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? "error";
  const fix = code === "ENOENT" ? "check the path" : code === "EISDIR" ? "name a file, not a directory" : "check the file's permissions";
  return usageError(`cannot read ${cap.noun === undefined ? "" : `${cap.noun} `}${JSON.stringify(file)} (${code}) — ${fix}`);
}

/**
 * Decodes a policy file in any supported format, or the canonical model
 * (`{"rules":[{"allowedOrigins":…}]}`), detecting the format unless `from`
 * names it. Never throws for a bad document: the issues come back.
 */
export function decodeFile(file: string, from?: FormatName): DecodedFile {
  const text = readText(file);
  const parsed = parsePolicy(from === undefined ? canonicalOrText(text) : text, from === undefined ? {} : { format: from });
  return {
    file,
    ...(parsed.format === undefined ? {} : { format: parsed.format }),
    ...(parsed.config === undefined ? {} : { config: parsed.config }),
    issues: parsed.issues,
  };
}

/** Like {@link decodeFile}, but a document with errors is a failure (exit 1) carrying them. */
export function loadPolicy(file: string, from?: FormatName): LoadedPolicy {
  const decoded = decodeFile(file, from);
  if (decoded.config === undefined || hasErrors(decoded.issues)) {
    const as = decoded.format === undefined ? "" : ` as ${decoded.format}`;
    throw failure(
      `${file} cannot be read${as}`,
      decoded.issues.filter((i) => i.severity === "error"),
    );
  }
  return { file, format: decoded.format ?? "canonical", config: decoded.config, warnings: decoded.issues };
}

/** The canonical model is JSON with our own field names; every wire format is handed over as text. */
function canonicalOrText(text: string): unknown {
  const start = text.trimStart();
  if (!start.startsWith("{")) return text;
  try {
    const value: unknown = JSON.parse(text);
    return looksCanonical(value) ? value : text;
  } catch {
    return text; // the format's own JSON reader reports where the syntax breaks
  }
}
