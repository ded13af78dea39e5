/**
 * Text rules of XML 1.0 for the S3 codec: which characters a document can carry
 * (https://www.w3.org/TR/xml/#charsets), escaping for output and reference
 * decoding for input. Entity processing in the parser is off (billion laughs),
 * so the five predefined entities and numeric references are decoded here.
 */

/** Index of the first character XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/FFFF), or -1. */
export function invalidXmlCharIndex(value: string): number {
  const match = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(value);
  return match === null ? -1 : match.index;
}

/** `U+0001` for the code point at `index`. */
export function codePointName(value: string, index: number): string {
  const code = value.codePointAt(index) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function reference(code: number): string {
  return `&#${code};`;
}

/**
 * Escapes text content. Tabs and line breaks become numeric references (XML
 * readers normalize `\r`), and so does whitespace at either end: readers trim
 * values (fast-xml-parser's `trimValues`), references survive the trim.
 */
export function escapeXmlText(value: string): string {
  // Most values need nothing escaped; this is rendered for every value of every document.
  if (!/[&<>\t\n\r]|^\s|\s$/.test(value)) return value;
  const body = value.replace(/[&<>\t\n\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : reference(c.charCodeAt(0))));
  let start = 0;
  while (start < body.length && /\s/.test(body[start] as string)) start += 1;
  let end = body.length;
  while (end > start && /\s/.test(body[end - 1] as string)) end -= 1;
  const refs = (text: string): string => Array.from(text, (c) => reference(c.codePointAt(0) ?? 0)).join("");
  return refs(body.slice(0, start)) + body.slice(start, end) + refs(body.slice(end));
}

/** Decoded text, or what is wrong with a reference in it. */
export type UnescapeResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

/** Decodes `&amp; &lt; &gt; &quot; &apos;` and `&#N;`/`&#xH;`; any other reference is refused (no DTD, so none is defined). */
export function unescapeXmlText(raw: string): UnescapeResult {
  if (!raw.includes("&")) return { ok: true, value: raw };
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  const pattern = /&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][A-Za-z0-9_.:-]*)?(;?)/g;
  let out = "";
  let last = 0;
  for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
    const [whole, name, semicolon] = match;
    if (name === undefined || semicolon !== ";") {
      return { ok: false, problem: `${JSON.stringify(whole.slice(0, 12))} is a bare "&"; XML writes a literal & as &amp; — escape it` };
    }
    let decoded: string;
    if (name.startsWith("#")) {
      const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!isXmlChar(code)) return { ok: false, problem: `"${whole}" refers to a character XML 1.0 cannot carry — remove it` };
      decoded = String.fromCodePoint(code);
    } else if (Object.prototype.hasOwnProperty.call(named, name)) {
      decoded = named[name] as string;
    } else {
      return {
        ok: false,
        problem: `"${whole}" is not defined; without a DTD XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references — write the character itself or a reference such as &#160;`,
      };
    }
    out += raw.slice(last, match.index) + decoded;
    last = match.index + whole.length;
  }
  return { ok: true, value: out + raw.slice(last) };
}
