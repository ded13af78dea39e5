import type { IssuePath } from "../model/issue";
import type { OriginWildcardRule } from "../profiles/types";
import { validationIssue, type ValidationIssue } from "./messages";
import { hostProblem, opaqueSchemeProblem, whitespaceProblem } from "./origin-host";

/**
 * Checks one AllowedOrigin. An origin that no browser can ever send (a path, a
 * query, a trailing slash, no scheme, upper case, a default port) is refused: the
 * rule could never match it. R2 documents these as invalid
 * (https://developers.cloudflare.com/r2/buckets/cors/#common-issues); AWS
 * stores them silently and they never match (docs/cors-semantics.md, "2. Origin matching").
 * Browsers serialize origins lower-case, in ASCII (punycode hosts), without
 * whitespace and without the default port, and send "null" for file: or data:
 * pages (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin).
 */
export function originProblem(origin: string, path: IssuePath, wildcard: OriginWildcardRule, vendor: string): ValidationIssue | undefined {
  if (origin === "*") return undefined;
  if (origin.trim() === "") {
    return validationIssue("origin-empty", path, { origin });
  }
  const whitespace = whitespaceProblem(origin, path);
  if (whitespace !== undefined) return whitespace;
  const stars = origin.split("*").length - 1;
  if (stars > 1) {
    return validationIssue("origin-wildcards", path, { origin, stars, suggestion: keepFirstWildcard(origin) });
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(origin);
  if (scheme === null) {
    const guess = `${/^(localhost|127\.|\[::1\])/.test(origin) ? "http" : "https"}://${origin.replace(/^\/+/, "")}`;
    return validationIssue("origin-no-scheme", path, { origin, suggestion: originPart(guess) });
  }
  const opaque = opaqueSchemeProblem(origin, scheme[1] ?? "", path);
  if (opaque !== undefined) return opaque;
  const rest = origin.slice(scheme[0].length);
  const cut = rest.search(/[/?#]/);
  if (cut >= 0) {
    const what: "a path" | "a query" | "a fragment" = rest[cut] === "?" ? "a query" : rest[cut] === "#" ? "a fragment" : "a path";
    return validationIssue("origin-has-path", path, { origin, part: what, suggestion: scheme[0] + rest.slice(0, cut) });
  }
  if (rest.includes("@")) {
    return validationIssue("origin-has-userinfo", path, { origin, suggestion: scheme[0] + rest.slice(rest.lastIndexOf("@") + 1) });
  }
  if (rest === "" || rest.startsWith(":")) {
    return validationIssue("origin-no-host", path, { origin });
  }
  const host = hostProblem(origin, scheme[0], rest, path);
  if (host !== undefined) return host;
  if (origin !== origin.toLowerCase()) {
    return validationIssue("origin-upper-case", path, { origin, suggestion: origin.toLowerCase() });
  }
  const defaultPort = defaultPortProblem(scheme[1] ?? "", rest, origin, path);
  if (defaultPort !== undefined) return defaultPort;
  return wildcardProblem(origin, path, scheme[0], rest, wildcard, vendor);
}

function defaultPortProblem(scheme: string, authority: string, origin: string, path: IssuePath): ValidationIssue | undefined {
  const port = /:(\d+)$/.exec(authority)?.[1];
  const isDefault = (scheme === "https" && port === "443") || (scheme === "http" && port === "80");
  if (!isDefault) return undefined;
  return validationIssue("origin-default-port", path, { origin, suggestion: origin.slice(0, origin.length - port.length - 1) });
}

function wildcardProblem(
  origin: string,
  path: IssuePath,
  schemePart: string,
  authority: string,
  rule: OriginWildcardRule,
  vendor: string,
): ValidationIssue | undefined {
  if (!origin.includes("*")) return undefined;
  if (rule === "whole-value") {
    return validationIssue("origin-wildcard-unsupported", path, { origin, vendor });
  }
  if (rule === "one-in-host" && /:[^\]:]*\*[^\]:]*$/.test(authority)) {
    const host = authority.slice(0, authority.lastIndexOf(":"));
    return validationIssue("origin-wildcard-port", path, { origin, vendor, suggestion: `${schemePart}${host}:3000` });
  }
  if (rule === "hostname-prefix" && !authority.startsWith("*.")) {
    return validationIssue("origin-wildcard-position", path, {
      origin,
      vendor,
      suggestion: `${schemePart}*.${authority.slice(authority.indexOf("*")).replace(/^[^.]*\.?/, "")}`,
    });
  }
  return undefined;
}

/** `scheme://authority` of a URL-like string (drops any path). */
function originPart(url: string): string {
  const m = /^([a-z]+:\/\/)([^/?#]*)/i.exec(url);
  return m === null ? url : `${m[1]}${m[2]}`;
}

/** `https://*.*.example.com` → `https://*.example.com`: the first `*` stays, later ones go with their dot. */
function keepFirstWildcard(origin: string): string {
  const first = origin.indexOf("*");
  const tail = origin
    .slice(first + 1)
    .replace(/\*\.?/g, "")
    .replace(/\.\.+/g, ".");
  return `${origin.slice(0, first + 1)}${tail}`;
}
