import { readFileSync } from "node:fs";
import { looksCanonical, parsePolicy, type PolicySource } from "../provider/api/parse";
import type { FormatName } from "../provider/formats";
import { hasErrors, type Issue } from "../provider/model/issue";
import type { CorsConfiguration } from "../provider/model/schema";
import { failure, usageError } from "./exit";

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

/** Reads `file` (`-` is standard input). Unreadable is a usage error (exit 2). */
export function readText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const fix = code === "ENOENT" ? "check the path" : code === "EISDIR" ? "name a file, not a directory" : "check the file's permissions";
    throw usageError(`cannot read ${JSON.stringify(file)} (${code}) — ${fix}`);
  }
}

/**
 * Decodes a policy file in any supported format, or the canonical model
 * (`{"rules":[{"allowedOrigins":…}]}`), detecting the format unless `from`
 * names it. Never throws for a bad document: the issues come back.
 */
export function decodeFile(file: string, from?: FormatName): DecodedFile {
  const text = readText(file);
  const parsed = parsePolicy(from === undefined ? canonicalOrText(text) : text, from === undefined ? {} : { format: from });
  return { file, ...(parsed.format === undefined ? {} : { format: parsed.format }), ...(parsed.config === undefined ? {} : { config: parsed.config }), issues: parsed.issues };
}

/** Like {@link decodeFile}, but a document with errors is a failure (exit 1) carrying them. */
export function loadPolicy(file: string, from?: FormatName): LoadedPolicy {
  const decoded = decodeFile(file, from);
  if (decoded.config === undefined || hasErrors(decoded.issues)) {
    const as = decoded.format === undefined ? "" : ` as ${decoded.format}`;
    throw failure(`${file} cannot be read${as}`, decoded.issues.filter((i) => i.severity === "error"));
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
