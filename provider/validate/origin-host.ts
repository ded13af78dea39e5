import { domainToASCII } from "node:url";
import type { IssuePath } from "../model/issue";
import { validationIssue, type ValidationIssue } from "./messages";

/**
 * Schemes whose pages have an opaque origin: browsers send `Origin: null` for
 * them, so a rule naming one never matches
 * (https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-opaque;
 * https://url.spec.whatwg.org/#concept-url-origin).
 */
const OPAQUE_SCHEMES = ["file", "javascript", "data", "blob", "about"] as const;

/** Whitespace and C0/C1 control characters: never part of an origin a browser sends (RFC 6454 §7.1, serialized origins are ASCII without them). */
const NOT_IN_ORIGIN = /[\s\u0000-\u001f\u007f-\u009f]/;

/** An origin holding whitespace or control characters; when they only surround it (a pasted trailing space or newline), the trimmed origin is the fix. */
export function whitespaceProblem(origin: string, path: IssuePath): ValidationIssue | undefined {
  const found = NOT_IN_ORIGIN.exec(origin);
  if (found === null) return undefined;
  const trimmed = origin.replace(/^[\s\u0000-\u001f\u007f-\u009f]+|[\s\u0000-\u001f\u007f-\u009f]+$/g, "");
  return validationIssue("origin-whitespace", path, { origin, character: found[0], suggestion: NOT_IN_ORIGIN.test(trimmed) ? undefined : trimmed });
}

/** An origin whose scheme browsers serialize as `null`. */
export function opaqueSchemeProblem(origin: string, scheme: string, path: IssuePath): ValidationIssue | undefined {
  const name = scheme.toLowerCase();
  if (!(OPAQUE_SCHEMES as readonly string[]).includes(name)) return undefined;
  return validationIssue("origin-opaque-scheme", path, { origin, scheme: name });
}

/**
 * Checks the `host[:port]` after the scheme the way a browser's URL parser
 * serializes it (https://url.spec.whatwg.org/#host-parsing): a port from 1 to
 * 65535 written without leading zeros, no empty labels, and an international
 * host in its ASCII (punycode) form, which is what the Origin header carries.
 * A `*` label or port is left to the wildcard rules.
 */
export function hostProblem(origin: string, schemePart: string, authority: string, path: IssuePath): ValidationIssue | undefined {
  const { host, port } = splitAuthority(authority);
  if (port !== undefined && !port.includes("*")) {
    const value = /^[0-9]+$/.test(port) ? Number(port) : NaN;
    const valid = value >= 1 && value <= 65535;
    const suggestion = port === "" ? schemePart + host : valid ? `${schemePart}${host}:${value}` : undefined;
    if (!valid || String(value) !== port) return validationIssue("origin-port", path, { origin, port, suggestion });
  }
  if (host.startsWith("[")) return undefined; // an IPv6 literal: no labels
  const labels = host.split(".");
  if (labels.slice(0, -1).some((label) => label === "")) {
    const fixed = labels.filter((label, i) => label !== "" || i === labels.length - 1).join(".");
    return validationIssue("origin-empty-label", path, { origin, suggestion: `${schemePart}${fixed}${port === undefined ? "" : `:${port}`}` });
  }
  if (/^[\x00-\x7f]*$/.test(host)) return undefined;
  const ascii = labels.map((label) => (label === "*" || label === "" ? label : domainToASCII(label)));
  const suggestion = ascii.some((label, i) => label === "" && labels[i] !== "")
    ? undefined
    : `${schemePart}${ascii.join(".")}${port === undefined ? "" : `:${port}`}`;
  return validationIssue("origin-not-ascii", path, { origin, suggestion });
}

function splitAuthority(authority: string): { host: string; port: string | undefined } {
  const end = authority.startsWith("[") ? authority.indexOf("]") + 1 : 0;
  const colon = authority.indexOf(":", end);
  return colon < 0 ? { host: authority, port: undefined } : { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}
