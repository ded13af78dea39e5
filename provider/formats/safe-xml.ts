import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { MAX_XML_DEPTH, textSizeIssue, where } from "./limits";
import { codePointName, invalidXmlCharIndex, unescapeXmlText } from "./xml-text";

/** One piece of an element's character data: raw text (references still encoded) or CDATA (literal). */
export type XmlText = { readonly kind: "text"; readonly raw: string } | { readonly kind: "cdata"; readonly value: string };

/** An element of a parsed document, namespace prefix removed, attributes dropped. */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  readonly parts: XmlText[];
}

/** The root element, or the issues that stopped parsing. */
export type XmlResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Parses an XML document defensively. In order, each step cheap and linear:
 * size limit; DOCTYPE/ENTITY declarations refused before the parser sees them
 * (no entity expansion can ever run: billion laughs, XXE); reserved element
 * names refused (prototype pollution); characters XML 1.0 forbids refused;
 * nesting capped at {@link MAX_XML_DEPTH}; well-formedness checked by
 * fast-xml-parser's validator (which reports line and column); then parsed with
 * `processEntities: false`. Never throws.
 */
export function parseXml(source: string): XmlResult {
  const tooLarge = textSizeIssue(source);
  if (tooLarge !== undefined) return failed(tooLarge);
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const guard = declarationIssue(text) ?? reservedNameIssue(text) ?? invalidCharIssue(text) ?? depthIssue(text);
  if (guard !== undefined) return failed(guard);
  // Deprecated in fast-xml-parser 5.12 in favour of the separate fast-xml-validator package; the
  // pinned version still ships it, and a new dependency is a change of its own.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const at = `line ${line}, column ${col}`;
    return failed(formatIssue("xml-not-well-formed", [], { position: at, detail: clip(msg) }));
  }
  let nodes: unknown;
  try {
    nodes = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      processEntities: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      cdataPropName: "#cdata",
      maxNestedTags: MAX_XML_DEPTH,
    }).parse(text);
  } catch (error) {
    return failed(formatIssue("xml-unreadable", [], { detail: clip(error instanceof Error ? error.message : String(error)) }));
  }
  const roots = Array.isArray(nodes) ? elementsOf(nodes) : [];
  if (roots.length !== 1 || roots[0] === undefined) {
    return failed(formatIssue("xml-many-roots", [], { count: roots.length }));
  }
  return { ok: true, root: roots[0] };
}

/**
 * The decoded character data of a leaf element. Reports (and returns
 * `undefined` for) an element that holds other elements or an undefined entity.
 */
export function elementText(element: XmlElement, path: IssuePath, issues: Issue[]): string | undefined {
  if (element.children.length > 0) {
    const inner = clip(element.children[0]?.name ?? "");
    issues.push(formatIssue("xml-element-in-leaf", path, { name: element.name, inner }));
    return undefined;
  }
  let out = "";
  for (const part of element.parts) {
    if (part.kind === "cdata") {
      out += part.value;
      continue;
    }
    const decoded = unescapeXmlText(part.raw);
    if (!decoded.ok) {
      issues.push(formatIssue("xml-bad-text", path, { problem: decoded.problem }));
      return undefined;
    }
    out += decoded.value;
  }
  return out;
}

/** Character data of a container element that is not whitespace (stray text), or `undefined`. */
export function strayText(element: XmlElement): string | undefined {
  const text = element.parts
    .map((p) => (p.kind === "cdata" ? p.value : p.raw))
    .join("")
    .trim();
  return text === "" ? undefined : text;
}

function failed(found: Issue): XmlResult {
  return { ok: false, issues: [found] };
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function declarationIssue(text: string): Issue | undefined {
  const match = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i.exec(text);
  if (match === null) return undefined;
  return formatIssue("xml-declaration", [], { keyword: match[1] ?? "", position: where(text, match.index) });
}

function reservedNameIssue(text: string): Issue | undefined {
  const match = /<\/?\s*(?:[A-Za-z_][\w.-]*:)?(__proto__|constructor|prototype)(?=[\s/>])/.exec(text);
  if (match === null || match[1] === undefined) return undefined;
  return formatIssue("xml-reserved-name", [match[1]], { name: match[1], position: where(text, match.index) });
}

function invalidCharIssue(text: string): Issue | undefined {
  const index = invalidXmlCharIndex(text);
  if (index === -1) return undefined;
  return formatIssue("xml-invalid-character", [], { character: codePointName(text, index), position: where(text, index) });
}

/**
 * Finds where nesting first exceeds the cap by counting start and end tags
 * (skipping comments, CDATA and processing instructions). Runs before the
 * validator, whose message for thousands of unclosed tags is itself huge.
 */
function depthIssue(text: string): Issue | undefined {
  let depth = 0;
  let at = text.indexOf("<");
  while (at !== -1) {
    const skipTo = text.startsWith("<!--", at) ? "-->" : text.startsWith("<![CDATA[", at) ? "]]>" : text.startsWith("<?", at) ? "?>" : undefined;
    let next: number;
    if (skipTo !== undefined) {
      const end = text.indexOf(skipTo, at + 2);
      if (end === -1) return undefined;
      next = end + skipTo.length;
    } else if (text[at + 1] === "/") {
      depth -= 1;
      next = at + 2;
    } else {
      const end = text.indexOf(">", at);
      if (end === -1) return undefined;
      if (text[end - 1] !== "/") depth += 1;
      if (depth > MAX_XML_DEPTH) {
        return formatIssue("xml-too-deep", [], { max: MAX_XML_DEPTH, position: where(text, at) });
      }
      next = end + 1;
    }
    at = text.indexOf("<", next);
  }
  return undefined;
}

/** Elements of fast-xml-parser's `preserveOrder` node list (text, CDATA and comments are not elements). */
function elementsOf(nodes: readonly unknown[]): XmlElement[] {
  return nodes.flatMap((node) => {
    if (node === null || typeof node !== "object") return [];
    return Object.entries(node).flatMap(([key, value]) => (key.startsWith("#") || key.startsWith(":") || !Array.isArray(value) ? [] : [toElement(key, value)]));
  });
}

function toElement(name: string, nodes: readonly unknown[]): XmlElement {
  const parts: XmlText[] = [];
  for (const node of nodes) {
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string, unknown>;
    if ("#text" in record) parts.push({ kind: "text", raw: String(record["#text"]) });
    if ("#cdata" in record) parts.push({ kind: "cdata", value: cdataText(record["#cdata"]) });
  }
  return { name, children: elementsOf(nodes), parts };
}

function cdataText(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (!Array.isArray(value)) return "";
  return value.map((v) => (v !== null && typeof v === "object" && "#text" in v ? String((v as { "#text": unknown })["#text"]) : "")).join("");
}
