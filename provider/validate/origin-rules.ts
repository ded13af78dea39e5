import type { OriginWildcardRule } from "../profiles/types";
import { show } from "../model/issue";

/** A broken origin: a stable code and the message text after `<path>: `. */
export interface OriginProblem {
  readonly code: string;
  readonly text: string;
}

const ORIGIN_SHAPE = "an origin is \"*\" or scheme://host[:port]";

/**
 * Checks one AllowedOrigin. An origin that no browser can ever send (a path, a
 * query, a trailing slash, no scheme, upper case, a default port) is refused: the
 * rule could never match it. R2 documents these as invalid
 * (https://developers.cloudflare.com/r2/buckets/cors/#common-issues); AWS
 * stores them silently and they never match (docs/cors-semantics.md, "2. Origin matching").
 * Browsers serialize origins lower-case and without the default port
 * (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin).
 */
export function originProblem(origin: string, wildcard: OriginWildcardRule, vendor: string): OriginProblem | undefined {
  if (origin === "*") return undefined;
  if (origin.trim() === "") {
    return { code: "origin-empty", text: `${show(origin)} is empty; ${ORIGIN_SHAPE} — remove it, or write the site's origin, e.g. "https://app.example.com"` };
  }
  const stars = origin.split("*").length - 1;
  if (stars > 1) {
    return { code: "origin-wildcards", text: `${show(origin)} has ${stars} "*"; an origin may contain at most one "*" — keep one, e.g. ${show(keepFirstWildcard(origin))}` };
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(origin);
  if (scheme === null) {
    const guess = `${/^(localhost|127\.|\[::1\])/.test(origin) ? "http" : "https"}://${origin.replace(/^\/+/, "")}`;
    return { code: "origin-no-scheme", text: `${show(origin)} has no scheme; ${ORIGIN_SHAPE} — use ${show(originPart(guess))}` };
  }
  const rest = origin.slice(scheme[0].length);
  const cut = rest.search(/[/?#]/);
  if (cut >= 0) {
    const what = rest[cut] === "?" ? "a query" : rest[cut] === "#" ? "a fragment" : "a path";
    return { code: "origin-has-path", text: `${show(origin)} has ${what}; ${ORIGIN_SHAPE} — use ${show(scheme[0] + rest.slice(0, cut))}` };
  }
  if (rest.includes("@")) {
    return { code: "origin-has-userinfo", text: `${show(origin)} has user info; ${ORIGIN_SHAPE} — use ${show(scheme[0] + rest.slice(rest.lastIndexOf("@") + 1))}` };
  }
  if (rest === "" || rest.startsWith(":")) {
    return { code: "origin-no-host", text: `${show(origin)} has no host; ${ORIGIN_SHAPE} — add the host, e.g. "https://app.example.com"` };
  }
  if (origin !== origin.toLowerCase()) {
    return { code: "origin-upper-case", text: `${show(origin)} has upper-case letters; browsers send origins in lower case and servers compare them exactly — use ${show(origin.toLowerCase())}` };
  }
  const defaultPort = defaultPortProblem(scheme[1] ?? "", rest, origin);
  if (defaultPort !== undefined) return defaultPort;
  return wildcardProblem(origin, scheme[0], rest, wildcard, vendor);
}

function defaultPortProblem(scheme: string, authority: string, origin: string): OriginProblem | undefined {
  const port = /:(\d+)$/.exec(authority)?.[1];
  const isDefault = (scheme === "https" && port === "443") || (scheme === "http" && port === "80");
  if (!isDefault) return undefined;
  return { code: "origin-default-port", text: `${show(origin)} names the default port; browsers leave it out of the Origin header, so this never matches — use ${show(origin.slice(0, origin.length - port!.length - 1))}` };
}

function wildcardProblem(origin: string, schemePart: string, authority: string, rule: OriginWildcardRule, vendor: string): OriginProblem | undefined {
  if (!origin.includes("*")) return undefined;
  if (rule === "whole-value") {
    return { code: "origin-wildcard-unsupported", text: `${show(origin)} has a partial wildcard; ${vendor} matches origins exactly and only a bare "*" is a wildcard — list each origin, or use "*"` };
  }
  if (rule === "hostname-prefix" && !authority.startsWith("*.")) {
    return { code: "origin-wildcard-position", text: `${show(origin)} has "*" inside the host; ${vendor} allows a wildcard only as the first label of the host — use ${show(`${schemePart}*.${authority.replace(/^[^.]*\*[^.]*\.?/, "")}`)}` };
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
  const tail = origin.slice(first + 1).replace(/\*\.?/g, "").replace(/\.\.+/g, ".");
  return `${origin.slice(0, first + 1)}${tail}`;
}
