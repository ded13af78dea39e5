import { quote } from "../evaluate/describe";
import { headerList } from "./checks";
import { FORBIDDEN_RESPONSE_HEADERS, SAFELISTED_RESPONSE_HEADERS } from "./safelist";

/**
 * Which of `names` the page can read from a CORS response (https://fetch.spec.whatwg.org/#concept-filtered-response-cors):
 * the CORS-safelisted response headers, those in Access-Control-Expose-Headers (ignoring case),
 * or every one when that list holds `*` and no credentials were sent; never `Set-Cookie`.
 */
export function readableHeaders(
  headers: Readonly<Record<string, string>>,
  names: readonly string[],
  credentials: boolean,
): { readable: string[]; unreadable: string[]; lines: string[] } {
  const exposed = headerList(headers["access-control-expose-headers"], false);
  const list = Array.isArray(exposed) ? exposed.map((h) => h.toLowerCase()) : [];
  const everything = list.includes("*") && !credentials;
  const readable: string[] = [];
  const unreadable: string[] = [];
  const lines: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const why = (FORBIDDEN_RESPONSE_HEADERS as readonly string[]).includes(lower)
      ? undefined
      : (SAFELISTED_RESPONSE_HEADERS as readonly string[]).includes(lower)
        ? "is a CORS-safelisted response header"
        : list.includes(lower)
          ? "is in Access-Control-Expose-Headers"
          : everything
            ? `is exposed by Access-Control-Expose-Headers "*"`
            : undefined;
    (why === undefined ? unreadable : readable).push(name);
    lines.push(
      why === undefined ? `header ${quote(name)} is not readable: ${unreadableWhy(lower, list, credentials)}` : `header ${quote(name)} is readable: it ${why}`,
    );
  }
  return { readable, unreadable, lines };
}

function unreadableWhy(name: string, exposed: readonly string[], credentials: boolean): string {
  if ((FORBIDDEN_RESPONSE_HEADERS as readonly string[]).includes(name)) return "no page may read it";
  if (exposed.includes("*") && credentials) return `Access-Control-Expose-Headers "*" exposes nothing to a request with credentials`;
  return exposed.length === 0 ? "the answer has no Access-Control-Expose-Headers" : `it is not in Access-Control-Expose-Headers ${quote(exposed.join(", "))}`;
}
