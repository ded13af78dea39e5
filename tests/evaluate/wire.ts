import type { CorsRequest, Evaluation } from "../../provider/evaluate";

/** What a server really answered, reduced to what the evaluator predicts. */
export interface WireAnswer {
  readonly status: number;
  /** `access-control-*` and `vary` headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** `<Code>` and `<Message>` of an XML error body, entities decoded. */
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
}

/** Sends `request` with Node's fetch to `url` and keeps what CORS evaluation predicts. */
export async function send(url: string, request: CorsRequest, extraHeaders: Record<string, string> = {}): Promise<WireAnswer> {
  const init: RequestInit = { method: request.method, headers: { ...request.headers, ...extraHeaders } };
  if (request.method === "PUT") init.body = "x";
  const response = await fetch(url, init);
  const body = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.startsWith("access-control-") || name === "vary") headers[name] = value;
  });
  return { status: response.status, headers, errorCode: xmlText(body, "Code"), errorMessage: xmlText(body, "Message") };
}

function xmlText(body: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body) ?? (body.includes(`<${tag}/>`) || body.includes(`<${tag}></${tag}>`) ? ["", ""] : null);
  if (match === null) return undefined;
  // Character references too (XML 1.0 §4.1): versitygw's Go encoding/xml writes ' and " as &#39; and &#34;.
  return match[1]
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The part of an evaluation a wire answer can be compared with. */
export interface Comparable {
  readonly status: number | undefined;
  readonly headers: Record<string, string>;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
}

/**
 * Predicted vs real in comparable form: for OPTIONS status, headers and error
 * body; for other methods headers only (their status is the operation's).
 */
export function comparable(
  predicted: Evaluation,
  real: WireAnswer,
  preflight: boolean,
  normalizeHeaders: (h: Record<string, string>) => Record<string, string> = (h) => h,
): [Comparable, Comparable] {
  const errorOf = (code: string | undefined, message: string | undefined) =>
    preflight ? { errorCode: code, errorMessage: message } : { errorCode: undefined, errorMessage: undefined };
  return [
    { status: predicted.status, headers: normalizeHeaders(predicted.headers), ...errorOf(predicted.errorCode, predicted.errorMessage) },
    { status: preflight ? real.status : undefined, headers: normalizeHeaders(real.headers), ...errorOf(real.errorCode, real.errorMessage) },
  ];
}
