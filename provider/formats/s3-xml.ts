import { type Issue, type IssuePath } from "../model/issue";
import { formatIssue } from "./messages";
import { normalize } from "../model/normalize";
import type { CorsConfiguration, CorsRule, CorsRuleInput } from "../model/schema";
import { asText } from "./limits";
import { at, clipName, decoded, neverThrows, parseWholeNumber, suggestion } from "./read";
import { refuseUnless } from "./refuse";
import { elementText, parseXml, strayText, type XmlElement } from "./safe-xml";
import type { Codec, DecodeResult } from "./types";
import { codePointName, escapeXmlText, invalidXmlCharIndex } from "./xml-text";

/** The namespace S3 writes; readers accept it, none, or a prefixed one. */
export const S3_XML_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Rule elements and the canonical field each fills, in the order S3's schema lists them. */
const RULE_ELEMENTS = {
  ID: "id",
  AllowedOrigin: "allowedOrigins",
  AllowedMethod: "allowedMethods",
  AllowedHeader: "allowedHeaders",
  ExposeHeader: "exposeHeaders",
  MaxAgeSeconds: "maxAgeSeconds",
} as const;

type RuleElement = keyof typeof RULE_ELEMENTS;
const ELEMENT_NAMES = Object.keys(RULE_ELEMENTS) as RuleElement[];

/**
 * The PutBucketCors request body (and GetBucketCors response):
 * `<CORSConfiguration><CORSRule><ID/><AllowedOrigin/>…</CORSRule></CORSConfiguration>`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
 */
export const s3Xml: Codec = {
  name: "s3-xml",
  decode: neverThrows("S3 XML", decodeS3Xml),
  limitations: xmlLimitations,
  encode(config: CorsConfiguration): string {
    return s3XmlBody(config, true);
  },
};

/**
 * The document, indented for people (`pretty`, what `encode` renders) or
 * without any whitespace between elements, as SDKs send it: measure that one
 * against a service's byte limit. Throws like `encode` when XML cannot hold `config`.
 */
export function s3XmlBody(config: CorsConfiguration, pretty: boolean): string {
  refuseUnless("s3-xml", xmlLimitations(config));
  const nl = pretty ? "\n" : "";
  const rules = normalize(config)
    .rules.map((rule) => writeRule(rule, pretty))
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>${nl}<CORSConfiguration xmlns="${S3_XML_NAMESPACE}">${nl}${rules}</CORSConfiguration>${nl}`;
}

function writeRule(rule: CorsRule, pretty: boolean): string {
  const lines: string[] = [];
  const [ruleIndent, fieldIndent, nl] = pretty ? ["  ", "    ", "\n"] : ["", "", ""];
  const add = (element: RuleElement, value: string): void => {
    lines.push(`${fieldIndent}<${element}>${escapeXmlText(value)}</${element}>${nl}`);
  };
  if (rule.id !== undefined) add("ID", rule.id);
  rule.allowedOrigins.forEach((v) => add("AllowedOrigin", v));
  rule.allowedMethods.forEach((v) => add("AllowedMethod", v));
  (rule.allowedHeaders ?? []).forEach((v) => add("AllowedHeader", v));
  (rule.exposeHeaders ?? []).forEach((v) => add("ExposeHeader", v));
  if (rule.maxAgeSeconds !== undefined) add("MaxAgeSeconds", wholeNumberText(rule.maxAgeSeconds));
  return `${ruleIndent}<CORSRule>${nl}${lines.join("")}${ruleIndent}</CORSRule>${nl}`;
}

/** Digits without exponent (`String(1e21)` is "1e+21", which no XML reader takes as an integer). */
function wholeNumberText(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

function xmlLimitations(config: CorsConfiguration): Issue[] {
  const issues: Issue[] = [];
  normalize(config).rules.forEach((rule, index) => {
    const check = (path: IssuePath, value: string): void => {
      const bad = invalidXmlCharIndex(value);
      if (bad !== -1) {
        issues.push(formatIssue("xml-character", path, { value, character: codePointName(value, bad) }));
      }
    };
    const path = ["rules", index];
    for (const [field, element] of [
      ["allowedOrigins", "AllowedOrigin"],
      ["allowedMethods", "AllowedMethod"],
    ] as const) {
      if (rule[field].length === 0) {
        issues.push(formatIssue("xml-empty-list", [...path, field], { element }));
      }
    }
    if (rule.id !== undefined) check([...path, "id"], rule.id);
    for (const field of ["allowedOrigins", "allowedMethods", "allowedHeaders", "exposeHeaders"] as const) {
      (rule[field] ?? []).forEach((value, i) => check([...path, field, i], value));
    }
  });
  return issues;
}

function decodeS3Xml(input: unknown): DecodeResult {
  const text = asText(input);
  if (text === undefined) {
    return { issues: [formatIssue("xml-not-text", [], { value: input })] };
  }
  const parsed = parseXml(text);
  if (!parsed.ok) return { issues: parsed.issues };
  const root = parsed.root;
  const issues: Issue[] = [];
  if (root.name !== "CORSConfiguration") {
    issues.push(formatIssue("xml-wrong-root", [], { name: root.name }));
    return { issues };
  }
  const stray = strayText(root);
  if (stray !== undefined) issues.push(formatIssue("xml-stray-text", [], { text: stray, parent: "CORSConfiguration", holds: "only <CORSRule> elements" }));
  const rules: CorsRuleInput[] = [];
  let index = 0;
  for (const child of root.children) {
    if (child.name !== "CORSRule") {
      issues.push(unknownElement([clipName(child.name)], child.name, "CORSConfiguration", ["CORSRule"]));
      continue;
    }
    const rule = readRule(child, index, issues);
    if (rule !== undefined) rules.push(rule);
    index += 1;
  }
  return decoded(rules, issues);
}

function unknownElement(path: IssuePath, name: string, parent: string, allowed: readonly string[]): Issue {
  return formatIssue("xml-unknown-element", path, { name, parent, allowed, rename: suggestion(name, allowed) });
}

function readRule(element: XmlElement, index: number, issues: Issue[]): CorsRuleInput | undefined {
  const path = ["rules", index];
  const before = issues.length;
  const stray = strayText(element);
  if (stray !== undefined) issues.push(formatIssue("xml-stray-text", path, { text: stray, parent: "CORSRule", holds: "only elements" }));
  // `undefined` marks a value already reported as unreadable.
  const values = new Map<RuleElement, (string | undefined)[]>();
  for (const child of element.children) {
    if (!(ELEMENT_NAMES as string[]).includes(child.name)) {
      issues.push(unknownElement(at(path, child.name), child.name, "CORSRule", ELEMENT_NAMES));
      continue;
    }
    const name = child.name as RuleElement;
    const list = values.get(name) ?? [];
    const field = RULE_ELEMENTS[name];
    const valuePath = name === "ID" || name === "MaxAgeSeconds" ? [...path, field] : [...path, field, list.length];
    const text = elementText(child, valuePath, issues);
    list.push(text);
    values.set(name, list);
  }
  for (const single of ["ID", "MaxAgeSeconds"] as const) {
    const count = values.get(single)?.length ?? 0;
    if (count > 1) issues.push(formatIssue("xml-repeated-element", [...path, RULE_ELEMENTS[single]], { name: single, count }));
  }
  for (const required of ["AllowedOrigin", "AllowedMethod"] as const) {
    if (!values.has(required)) {
      const example = required === "AllowedOrigin" ? "https://app.example" : "GET";
      issues.push(formatIssue("xml-missing-element", [...path, RULE_ELEMENTS[required]], { name: required, example }));
    }
  }
  const list = (name: RuleElement): string[] | undefined => values.get(name)?.filter((v): v is string => v !== undefined);
  const rule: CorsRuleInput = { allowedOrigins: list("AllowedOrigin") ?? [], allowedMethods: list("AllowedMethod") ?? [] };
  const id = values.get("ID")?.[0];
  if (id !== undefined) rule.id = id;
  const headers = list("AllowedHeader");
  if (headers !== undefined) rule.allowedHeaders = headers;
  const expose = list("ExposeHeader");
  if (expose !== undefined) rule.exposeHeaders = expose;
  const maxAge = values.get("MaxAgeSeconds")?.[0];
  if (maxAge !== undefined) {
    const seconds = parseWholeNumber(maxAge, [...path, "maxAgeSeconds"], "MaxAgeSeconds", issues);
    if (seconds !== undefined) rule.maxAgeSeconds = seconds;
  }
  return issues.slice(before).some((i) => i.severity === "error") ? undefined : rule;
}
